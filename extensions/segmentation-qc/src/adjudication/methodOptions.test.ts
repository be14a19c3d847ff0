import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { CaseReviewSummary } from '../review/reviewSummary';
import { FALLBACK_EDIT_COLOR, editColor, methodOptions } from './methodOptions';

// The adjudicator picks a reference per structure by name: each annotator who drew it, the two
// consensus methods, and an edit starting from any of those. Chen has no nodule: no "Accept Chen".
const review = {
  structures: [
    { key: '0', label: 'Right lung', verdict: 'escalate', segmentNumbers: new Map([['Rivera, Ana', 1], ['Chen, Wei', 2]]) },
    { key: '2', label: 'Lung nodule', verdict: 'escalate', segmentNumbers: new Map([['Rivera, Ana', 3]]) },
  ],
} as unknown as CaseReviewSummary;
const summary = (annotator: string, structures: Array<[number, [number, number, number] | null]>) =>
  ({ annotator, structures: structures.map(([segmentNumber, rgb]) => ({ segmentNumber, label: '', type: null, rgb })) }) as unknown as AnnotationSummary;
const names = new Map([['Rivera, Ana', summary('Rivera, Ana', [[1, [10, 20, 30]], [3, null]])], ['Chen, Wei', summary('Chen, Wei', [[2, [40, 50, 60]]])]]);

test('accept, consensus and edit options, by name', () => {
  expect(methodOptions(review, '0', names, null)).toEqual([
    { value: 'accept:Rivera, Ana', label: 'Accept Rivera, Ana' },
    { value: 'accept:Chen, Wei', label: 'Accept Chen, Wei' },
    { value: 'majority', label: 'Majority vote' },
    { value: 'staple', label: 'STAPLE' },
    { value: 'edit:accept:Rivera, Ana', label: 'Edit, starting from Rivera, Ana' },
    { value: 'edit:accept:Chen, Wei', label: 'Edit, starting from Chen, Wei' },
    { value: 'edit:majority', label: 'Edit, starting from majority vote' },
    { value: 'edit:staple', label: 'Edit, starting from STAPLE' },
  ]);
  expect(methodOptions(review, '2', names, null).map((o) => o.value)).toEqual(['accept:Rivera, Ana', 'majority', 'staple', 'edit:accept:Rivera, Ana', 'edit:majority', 'edit:staple']);
  expect(methodOptions(review, '9', names, null)).toEqual([]);
});

test('an open edit is offered as the current choice, named after where it started', () => {
  const options = methodOptions(review, '0', names, 'staple');
  expect(options.filter((o) => o.value === 'edited')).toEqual([{ value: 'edited', label: 'Edited, started from STAPLE' }]);
});

test('the edit is painted in the colour of the annotator it starts from, else of one who drew it, else the fallback', () => {
  expect(editColor(review, '0', names, 'accept:Chen, Wei')).toEqual([40, 50, 60]);
  expect(editColor(review, '0', names, 'staple')).toEqual([10, 20, 30]);
  expect(editColor(review, '2', names, 'accept:Rivera, Ana')).toBe(FALLBACK_EDIT_COLOR); // Rivera's nodule has no colour
});

test('annotators named __proto__ and constructor (ids are names from the PACS) are offered and coloured like any other', () => {
  const hostile = {
    structures: [{ key: '0', label: 'Right lung', verdict: 'escalate', segmentNumbers: new Map([['__proto__', 1], ['constructor', 2]]) }],
  } as unknown as CaseReviewSummary;
  const hostileNames = new Map([['__proto__', summary('__proto__', [[1, null]])], ['constructor', summary('constructor', [[2, [7, 8, 9]]])]]);
  expect(methodOptions(hostile, '0', hostileNames, null).slice(0, 2)).toEqual([
    { value: 'accept:__proto__', label: 'Accept __proto__' },
    { value: 'accept:constructor', label: 'Accept constructor' },
  ]);
  expect(editColor(hostile, '0', hostileNames, 'accept:__proto__')).toEqual([7, 8, 9]);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});
