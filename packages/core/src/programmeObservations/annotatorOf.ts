import type { InventorySeg } from '../inventory/InventoryModel';

/**
 * The annotator of a SEG as the programme keys them (drift charts, IRR matrices, the overview's
 * annotators): ContentCreatorName (PN, `Family^Given`), else the creator's login, else the name
 * the person a reviewer attributed a creator-less SEG to (keyed as their own SEGs are), else the name
 * segAttribution gives an unattributed SEG (its series' words, marked "(unattributed)").
 */
export function annotatorOf(seg: Pick<InventorySeg, 'creator' | 'attribution'>): string {
  return seg.creator.name ?? seg.creator.login ?? seg.attribution.reviewer?.name ?? seg.attribution.name;
}
