import { SeededRandom } from '../stats/SeededRandom';
import { BitMask } from '../volume/BitMask';
import type { VoxelGrid } from '../volume/VoxelGrid';
import { ConsensusInputError } from './ConsensusInputError';
import { majorityVote } from './majorityVote';

const grid = (columns: number, rows = 1, slices = 1): VoxelGrid => ({
  columns, rows, slices, spacing: [1, 1, 1], origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
});
const maskOf = (g: VoxelGrid, bits: string) => BitMask.fromPredicate(g, (i) => bits[i] === '1');
const bitsOf = (mask: BitMask) => Array.from({ length: mask.grid.columns }, (_, i) => (mask.get(i) ? '1' : '0')).join('');

test('three raters: a voxel needs two votes', () => {
  const g = grid(8);
  const result = majorityVote([maskOf(g, '11110000'), maskOf(g, '11001100'), maskOf(g, '10101010')]);
  expect(bitsOf(result.consensus)).toBe('11101000');
  expect(result.minimumVotes).toBe(2);
});

test('four raters: a 2–2 tie is background by default, foreground on request', () => {
  const g = grid(4);
  const masks = [maskOf(g, '1110'), maskOf(g, '1100'), maskOf(g, '1010'), maskOf(g, '1001')];
  // votes: 4, 2, 2, 1
  expect(bitsOf(majorityVote(masks).consensus)).toBe('1000');
  const foreground = majorityVote(masks, { tie: 'foreground' });
  expect(bitsOf(foreground.consensus)).toBe('1110');
  expect(foreground.minimumVotes).toBe(2);
});

// Why: the word-wise bit-sliced counter must equal a plain per-voxel count for every N (including
// N = 2^p − 1, 2^p where the counter gains a plane) and both tie rules, across word boundaries.
test('the word-wise vote equals a per-voxel count for 1…17 raters on seeded random masks', () => {
  const g = grid(37, 5, 3); // 555 voxels: 18 words, the last one partial
  const random = new SeededRandom(2004);
  for (let n = 1; n <= 17; n++) {
    const masks = Array.from({ length: n }, () => BitMask.fromPredicate(g, () => random.next() < 0.5));
    for (const tie of ['background', 'foreground'] as const) {
      const { consensus } = majorityVote(masks, { tie });
      for (let v = 0; v < 555; v++) {
        const votes = masks.reduce((sum, mask) => sum + (mask.get(v) ? 1 : 0), 0);
        const expected = votes * 2 > n || (tie === 'foreground' && votes * 2 === n);
        if (consensus.get(v) !== expected) throw new Error(`n = ${n}, tie ${tie}, voxel ${v}: ${votes} votes`);
      }
      expect(consensus.words[consensus.words.length - 1] >>> (555 % 32)).toBe(0); // nothing past the grid
    }
  }
});

test('one rater is its own consensus', () => {
  const g = grid(40);
  const mask = maskOf(g, '1011'.repeat(10));
  expect(Array.from(majorityVote([mask]).consensus.words)).toEqual(Array.from(mask.words));
});

test('no masks, masks on different grids or an unknown tie rule are typed errors', () => {
  expect(() => majorityVote([])).toThrow(ConsensusInputError);
  expect(() => majorityVote([new BitMask(grid(4)), new BitMask(grid(4, 2))])).toThrow(/masks\[1\]/);
  const shifted = { ...grid(4), origin: [0, 0, 5] as const };
  expect(() => majorityVote([new BitMask(grid(4)), new BitMask(shifted)])).toThrow(/origin/);
  expect(() => majorityVote([new BitMask(grid(4))], { tie: 'random' as never })).toThrow(/options\.tie/);
});
