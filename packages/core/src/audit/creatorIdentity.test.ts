// The audit trail tells a self-declared creator from a signed-in one by the SEG's ContentDescription;
// the sentences are written by the viewer (annotations) and by core (references). If either writer
// changes its words, this test fails rather than the export silently leaving the column empty.
import { referenceContentDescription } from '../adjudication/writeAdjudication';
import { annotationContentDescription } from '../../../../extensions/segmentation-qc/src/annotate/annotationContentDescription';
import { ANNOTATION_CREATOR_SELF_DECLARED, ANNOTATION_CREATOR_SIGNED_IN, creatorSelfDeclared } from './creatorIdentity';

test('the sentences of annotation and reference SEGs say self-declared or signed in; any other text says nothing', () => {
  expect(creatorSelfDeclared(ANNOTATION_CREATOR_SELF_DECLARED)).toBe(true);
  expect(creatorSelfDeclared(ANNOTATION_CREATOR_SIGNED_IN)).toBe(false);
  expect(creatorSelfDeclared(referenceContentDescription(true))).toBe(true);
  expect(creatorSelfDeclared(referenceContentDescription(false))).toBe(false);
  expect(creatorSelfDeclared(' SegQC annotation; creator signed in ')).toBe(false);
  expect(creatorSelfDeclared('Annotation by arivera')).toBeUndefined();
  expect(creatorSelfDeclared(undefined)).toBeUndefined();
});

test('the annotation sentences are the ones the viewer writes', () => {
  expect(creatorSelfDeclared(annotationContentDescription(true))).toBe(true);
  expect(creatorSelfDeclared(annotationContentDescription(false))).toBe(false);
});
