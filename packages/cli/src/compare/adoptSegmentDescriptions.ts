import type { Segmentation } from '@segqc/core';

/**
 * A plain label volume names its structures only by label value. Compared with a SEG, value N is
 * taken to be the SEG's segment N (the dcmqi convention for label maps made from or for a SEG), so
 * it borrows that segment's label and codes; values the SEG does not have stay "Label N".
 */
export function adoptSegmentDescriptions(unnamed: Segmentation, described: Segmentation): Segmentation {
  const byNumber = new Map(described.segments.map((segment) => [segment.number, segment]));
  return {
    ...unnamed,
    segments: unnamed.segments.map((segment) => {
      const twin = byNumber.get(segment.number);
      return twin ? { ...segment, label: twin.label, category: twin.category, type: twin.type, typeModifier: twin.typeModifier } : segment;
    }),
  };
}
