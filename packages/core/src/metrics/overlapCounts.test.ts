// The fused popcount against BitMask's own count and intersectionCount, on rows that straddle words.
import { BitMask } from '../volume/BitMask';
import { overlapCounts } from './overlapCounts';
import { grid, seededRandom } from './metrics.fixture';

test('equals count() and intersectionCount() on random masks', () => {
  const random = seededRandom(3);
  const g = grid(37, 13, 5);
  const a = BitMask.fromPredicate(g, () => random() < 0.4);
  const b = BitMask.fromPredicate(g, () => random() < 0.6);
  expect(overlapCounts(a, b)).toEqual({ a: a.count(), b: b.count(), both: a.intersectionCount(b) });
});

test('words with bit 31 set count right (no sign trouble)', () => {
  const g = grid(64, 1, 1);
  const a = new BitMask(g, Uint32Array.of(0x80000000, 0xffffffff));
  const b = new BitMask(g, Uint32Array.of(0x80000001, 0x80000000));
  expect(overlapCounts(a, b)).toEqual({ a: 33, b: 3, both: 2 });
});
