// Why: annotation ids are the annotators' names as the PACS gives them, and the panel looked them up
// in a plain object: an annotator named `__proto__` set the object's prototype instead of adding a
// name, so their rows showed no name and "Accept …" lost them. The ids now key a Map.
import type { AnnotationSummary } from '../annotations/annotationSummary';
import { reviewCandidates } from './reviewCandidates';

const SOURCE = '2.25.500';
const annotation = (annotator: string, n: number, extra: Partial<AnnotationSummary> = {}): AnnotationSummary => ({
  displaySetInstanceUID: `ds-${n}`, seriesInstanceUID: `2.25.60${n}`, sopInstanceUID: `2.25.70${n}`, annotator, attributed: true, login: annotator, date: null, madeAt: '',
  role: 'ANNOTATION', structures: [], sop: null, seriesDescription: '', sourceSeriesInstanceUID: SOURCE, ...extra,
});

test('annotators named __proto__, constructor and toString are three annotations, each named', () => {
  const summaries = ['__proto__', 'constructor', 'toString', '__proto__'].map((name, n) => annotation(name, n));
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

// Issue 13: OHIF's own export is labelled SEGMENTATION and names no creator; it is one more reader's
// opinion all the same. What is not compared is listed with why.
test("OHIF's SEGMENTATION SEGs are compared with SegQC's; references are not; a SEG on another series is left out with why", () => {
  const summaries = [
    annotation('Rivera, Ana', 0),
    annotation('Lungs reader 2 (unattributed)', 1, { role: 'SEGMENTATION', attributed: false, login: null }),
    annotation('Lindqvist, Maria', 2, { role: 'ADJUDICATED' }),
    annotation('Chen, Wei', 3, { sourceSeriesInstanceUID: '2.25.501' }),
    annotation('Okafor, Chidi', 4, { sourceSeriesInstanceUID: null }),
  ];
  const candidates = reviewCandidates(summaries, null)!;
  expect(candidates.annotations.map((a) => a.id)).toEqual(['Rivera, Ana', 'Lungs reader 2 (unattributed)']);
  expect(candidates.leftOut.map(({ summary, reason }) => [summary.annotator, reason])).toEqual([
    ['Okafor, Chidi', 'it names no source series (ReferencedSeriesSequence)'],
    ['Chen, Wei', `drawn on series 2.25.501, not on the compared series ${SOURCE}`],
  ]);
});
