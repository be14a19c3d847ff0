import type { AnnotationSummary } from '../annotations/annotationSummary';
import { reviewCandidatesKey } from './reviewCandidatesKey';

// The QC panel recomputes its review candidates only when this key changes: it must change when a
// SEG comes, goes or moves in the list, and stay the same when the same SEGs are summarized again.
function summary(sopInstanceUID: string | null): AnnotationSummary {
  return {
    displaySetInstanceUID: `ds-${sopInstanceUID}`, seriesInstanceUID: '2.25.10', sopInstanceUID, annotator: 'Rivera, Ana', attributed: true, login: 'arivera',
    date: '2026-06-01', madeAt: '20260601', role: 'ANNOTATION', structures: [], sop: null, seriesDescription: '', sourceSeriesInstanceUID: '2.25.7',
  };
}

test('keys the summaries on their SOP Instance UIDs, in order', () => {
  const key = reviewCandidatesKey([summary('2.25.100'), summary('2.25.101')]);
  expect(key).toBe('2.25.100,2.25.101');
  expect(reviewCandidatesKey([summary('2.25.100'), summary('2.25.101')])).toBe(key);
  expect(reviewCandidatesKey([summary('2.25.101'), summary('2.25.100')])).not.toBe(key);
  expect(reviewCandidatesKey([summary('2.25.100')])).not.toBe(key);
  expect(reviewCandidatesKey([summary('2.25.100'), summary('2.25.101'), summary(null)])).not.toBe(key);
  expect(reviewCandidatesKey([])).toBe('');
});
