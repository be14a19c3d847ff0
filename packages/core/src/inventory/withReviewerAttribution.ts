import { attributionByReviewer } from '../identity/segAttribution';
import type { ReviewerChoices } from '../review/reviewerChoices';
import type { InventorySeg } from './InventoryModel';

/** The SEG attributed to the person a reviewer named, when it names no creator itself; a SEG's own creator always wins. */
export function withReviewerAttribution(seg: InventorySeg, choices: ReviewerChoices): InventorySeg {
  const person = choices.attributions[seg.sopInstanceUid];
  if (person === undefined || seg.attribution.attributed) return seg;
  return { ...seg, attribution: attributionByReviewer(person) };
}
