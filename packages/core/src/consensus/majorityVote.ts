import { BitMask } from '../volume/BitMask';
import { checkSameGrid } from './checkSameGrid';
import { ConsensusInputError } from './ConsensusInputError';

export interface MajorityVote {
  consensus: BitMask;
  raters: number;
  /** Votes a voxel needs to be foreground: ⌊N/2⌋ + 1, or N/2 for an even N with tie 'foreground'. */
  minimumVotes: number;
  tie: 'foreground' | 'background';
}

/**
 * Majority vote of N binary masks on one grid: a voxel is foreground when more than half of the raters
 * marked it. With an even N, a tie (exactly N/2 votes) is background unless options.tie is
 * 'foreground'. Counts 32 voxels at a time: the votes of each word are summed in bit-sliced counters
 * (plane p holds bit p of every voxel's count) and compared with the threshold word-wise.
 */
export function majorityVote(masks: readonly BitMask[], options: { tie?: 'foreground' | 'background' } = {}): MajorityVote {
  checkSameGrid(masks);
  const tie = options.tie ?? 'background';
  if (tie !== 'foreground' && tie !== 'background') throw new ConsensusInputError('options.tie', `must be 'foreground' or 'background', got ${String(tie)}`);
  const n = masks.length;
  const minimumVotes = n % 2 === 0 && tie === 'foreground' ? n / 2 : Math.floor(n / 2) + 1;
  const consensus = new BitMask(masks[0].grid);
  const out = consensus.words;
  const sources = masks.map((mask) => mask.words);
  const planeCount = 32 - Math.clz32(n); // bits of N, enough for counts 0…N
  const planes = new Int32Array(planeCount);

  for (let w = 0; w < out.length; w++) {
    planes.fill(0);
    let any = 0;
    for (let m = 0; m < n; m++) {
      // ripple-carry add of one vote to every voxel of the word
      let carry = sources[m][w] | 0;
      any |= carry;
      for (let p = 0; carry !== 0 && p < planeCount; p++) {
        const next = planes[p] & carry;
        planes[p] ^= carry;
        carry = next;
      }
    }
    if (any === 0) continue;
    // count ≥ minimumVotes, from the most significant plane down: 'greater' once a plane has a 1 where
    // the threshold has a 0 while all higher planes were equal; 'equal' while they match.
    let greater = 0;
    let equal = -1;
    for (let p = planeCount - 1; p >= 0; p--) {
      if ((minimumVotes >>> p) & 1) equal &= planes[p];
      else {
        greater |= equal & planes[p];
        equal &= ~planes[p];
      }
    }
    out[w] = (greater | equal) >>> 0;
  }
  return { consensus, raters: n, minimumVotes, tie };
}
