import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { CaseReviewSummary } from '../review/reviewSummary';

export interface MethodOption {
  value: string;
  label: string;
}

/** The select value of "Edit, starting from <method>": the prefix, then the method the edit starts from. */
export const EDIT_PREFIX = 'edit:';

/** What a method other than 'edited' is called after "starting from". */
function startingName(method: string, names: ReadonlyMap<string, AnnotationSummary>): string {
  if (method.startsWith('accept:')) {
    const id = method.slice('accept:'.length);
    return names.get(id)?.annotator ?? id;
  }
  return method === 'majority' ? 'majority vote' : method === 'staple' ? 'STAPLE' : method;
}

/**
 * The references the adjudicator can choose for one structure: accept an annotator who drew it,
 * majority vote or STAPLE as they are, or edit any of them in the viewer. While an edit is open
 * (`editedFrom` is the method it started from) the edited mask is the first choice shown.
 */
export function methodOptions(review: CaseReviewSummary, structureKey: string, names: ReadonlyMap<string, AnnotationSummary>, editedFrom: string | null): MethodOption[] {
  const structure = review.structures.find((s) => s.key === structureKey);
  if (!structure) return [];
  const accepts = [...structure.segmentNumbers.keys()].map((id) => `accept:${id}`);
  const starts = [...accepts, 'majority', 'staple'];
  return [
    ...accepts.map((value) => ({ value, label: `Accept ${startingName(value, names)}` })),
    { value: 'majority', label: 'Majority vote' },
    { value: 'staple', label: 'STAPLE' },
    ...(editedFrom === null ? [] : [{ value: 'edited', label: `Edited, started from ${startingName(editedFrom, names)}` }]),
    ...starts.map((value) => ({ value: `${EDIT_PREFIX}${value}`, label: `Edit, starting from ${startingName(value, names)}` })),
  ];
}

/** The colour SEGs have no colour for a structure in: the reference's own (a warm yellow, distinct from the annotators' usual lung blues and nodule reds). */
export const FALLBACK_EDIT_COLOR: readonly [number, number, number] = [255, 200, 40];

/**
 * The colour to paint a structure's edit in: the annotator's it starts from, else the first
 * annotator's who drew it with a colour (RecommendedDisplayCIELabValue), else FALLBACK_EDIT_COLOR.
 */
export function editColor(review: CaseReviewSummary, structureKey: string, names: ReadonlyMap<string, AnnotationSummary>, from: string): readonly [number, number, number] {
  const structure = review.structures.find((s) => s.key === structureKey);
  if (!structure) return FALLBACK_EDIT_COLOR;
  const ids = [...structure.segmentNumbers.keys()];
  const preferred = from.startsWith('accept:') ? from.slice('accept:'.length) : null;
  for (const id of preferred ? [preferred, ...ids.filter((other) => other !== preferred)] : ids) {
    const rgb = names.get(id)?.structures.find((s) => s.segmentNumber === structure.segmentNumbers.get(id))?.rgb;
    if (rgb) return rgb;
  }
  return FALLBACK_EDIT_COLOR;
}
