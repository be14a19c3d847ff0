// Why: annotation ids are the annotators' names as the PACS gives them, and the panel looked them up
// in a plain object: an annotator named `__proto__` set the object's prototype instead of adding a
// name, so their rows showed no name and "Accept …" lost them. The ids now key a Map.
import type { AnnotationSummary } from '../annotations/annotationSummary';
import { reviewCandidates } from './reviewCandidates';

const SOURCE = '2.25.500';
const annotation = (annotator: string, n: number): AnnotationSummary => ({
  displaySetInstanceUID: `ds-${n}`, seriesInstanceUID: `2.25.60${n}`, sopInstanceUID: `2.25.70${n}`, annotator, login: annotator, date: null,
  role: 'ANNOTATION', structures: [], sop: null, seriesDescription: '', sourceSeriesInstanceUID: SOURCE,
});

test('annotators named __proto__, constructor and toString are three annotations, each named', () => {
  const summaries = ['__proto__', 'constructor', 'toString', '__proto__'].map(annotation);
  const candidates = reviewCandidates(summaries, null)!;
  expect(candidates.annotations.map((a) => [a.id, a.sopInstanceUid])).toEqual([
    ['__proto__', '2.25.700'], ['constructor', '2.25.701'], ['toString', '2.25.702'], ['__proto__ (2)', '2.25.703'],
  ]);
  expect([...candidates.summaries.keys()]).toEqual(['__proto__', 'constructor', 'toString', '__proto__ (2)']);
  expect(candidates.summaries.get('__proto__')?.sopInstanceUID).toBe('2.25.700');
  expect(candidates.summaries.get('constructor')?.sopInstanceUID).toBe('2.25.701');
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(({} as Record<string, unknown>)['annotator']).toBeUndefined();
});
