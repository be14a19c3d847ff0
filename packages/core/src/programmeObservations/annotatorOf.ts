import type { InventorySeg } from '../inventory/InventoryModel';

/**
 * The annotator of a SEG as the programme keys them (drift charts, IRR matrices, the overview's
 * annotators): ContentCreatorName (PN, `Family^Given`), else the creator's login, else the SEG
 * itself — an unnamed SEG is nobody else's.
 */
export function annotatorOf(seg: Pick<InventorySeg, 'creator' | 'sopInstanceUid'>): string {
  return seg.creator.name ?? seg.creator.login ?? `unnamed creator of SEG ${seg.sopInstanceUid}`;
}
