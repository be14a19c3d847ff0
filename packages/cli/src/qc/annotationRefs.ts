import { segmentKey, type InventorySeg, type ReviewerChoices } from '@segqc/core';
import type { QcAnnotationRef } from './QcCaseResult';

/**
 * Ids as the viewer names annotations (segAttribution): "Family, Given", else the login, else the
 * SEG's series description marked "(unattributed)", or the person a reviewer attributed it to
 * marked "(attributed by reviewer)"; a second SEG of one name gets " (2)".
 */
export function annotationRefs(segs: readonly InventorySeg[], choices: ReviewerChoices): QcAnnotationRef[] {
  const seen = new Map<string, number>();
  return segs.map((seg) => {
    const name = seg.attribution.name;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return {
      id: count === 1 ? name : `${name} (${count})`,
      sopInstanceUid: seg.sopInstanceUid,
      seriesInstanceUid: seg.seriesInstanceUid,
      name: seg.creator.name,
      login: seg.creator.login,
      sop: seg.sop ? `${seg.sop.id}@${seg.sop.version}+${seg.sop.shortHash}` : null,
      attributedBy: seg.attribution.reviewer ? 'reviewer' : seg.attribution.attributed ? 'creator' : null,
      segmentsMappedByReviewer: seg.segmentLabels.map((_, n) => n + 1).filter((number) => choices.structures[segmentKey(seg.sopInstanceUid, number)] !== undefined),
    };
  });
}
