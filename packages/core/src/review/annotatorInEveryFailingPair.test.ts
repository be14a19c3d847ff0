// Why: a reviewer (and the QC overview's triage) should be told when one reader is the odd one out,
// and never when the failures are spread or only two readers are compared.
import { annotatorInEveryFailingPair } from './annotatorInEveryFailingPair';

describe('annotatorInEveryFailingPair', () => {
  it('names the annotator shared by every failing pair of three readers', () => {
    expect(annotatorInEveryFailingPair(['Rivera', 'Chen', 'Okafor'], [{ a: 'Rivera', b: 'Okafor' }, { a: 'Chen', b: 'Okafor' }, { a: 'Okafor', b: 'Chen' }])).toBe('Okafor');
  });

  it('names no one when a single pair fails: either of its two could be the odd one out', () => {
    expect(annotatorInEveryFailingPair(['A', 'B', 'C'], [{ a: 'A', b: 'B' }])).toBeNull();
  });

  it('names no one when the failures are spread, when nothing fails, or with two readers', () => {
    expect(annotatorInEveryFailingPair(['A', 'B', 'C'], [{ a: 'A', b: 'B' }, { a: 'B', b: 'C' }, { a: 'A', b: 'C' }])).toBeNull();
    expect(annotatorInEveryFailingPair(['A', 'B', 'C'], [])).toBeNull();
    expect(annotatorInEveryFailingPair(['A', 'B'], [{ a: 'A', b: 'B' }])).toBeNull();
  });
});
