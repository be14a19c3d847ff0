import type { InventorySeg } from './InventoryModel';

/**
 * SEGs in the order they were made: by ContentDate and ContentTime (a SEG without them first),
 * then by SOP Instance UID, so that the order is the same on every run.
 */
export function byMadeAt(a: InventorySeg, b: InventorySeg): number {
  return madeAt(a).localeCompare(madeAt(b)) || a.sopInstanceUid.localeCompare(b.sopInstanceUid);
}

function madeAt(seg: InventorySeg): string {
  return `${seg.contentDate ?? ''}${seg.contentTime ?? ''}`;
}
