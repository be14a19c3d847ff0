import { majorityVote } from '../consensus/majorityVote';
import { staple } from '../consensus/staple';
import { BitMask } from '../volume/BitMask';
import { ReviewInputError } from './ReviewInputError';

/** How an adjudicator builds the reference of one structure from the annotators' masks. */
export type ReferenceMethod = { kind: 'accept'; index: number } | { kind: 'majority' } | { kind: 'staple' };

/**
 * The reference-standard mask of one structure by the adjudicator's method: one annotator's mask
 * accepted as it is (a copy: editing the reference leaves the annotation alone), the majority vote,
 * or STAPLE's estimate (its posterior W ≥ 0.5, over the whole grid as ITK's STAPLEImageFilter).
 */
export function referenceMask(method: ReferenceMethod, masks: readonly BitMask[]): BitMask {
  switch (method.kind) {
    case 'accept': {
      const { index } = method;
      if (!Number.isInteger(index) || index < 0 || index >= masks.length) {
        throw new ReviewInputError('method.index', `names no mask: ${String(index)} given, ${masks.length} mask(s)`);
      }
      return new BitMask(masks[index].grid, masks[index].words.slice());
    }
    case 'majority':
      // A tie (N/2 of an even N) is foreground: the ≥ 50 % agreement level of the LIDC-IDRI
      // consensus masks (pylidc `consensus(clevel=0.5)`), so with two raters the reference is
      // their union and keeps every voxel either expert marked, rather than the intersection
      // that silently drops one reader's part of a lesion. With an odd N there are no ties.
      return majorityVote(masks, { tie: 'foreground' }).consensus;
    case 'staple':
      return staple(masks).consensus;
    default:
      throw new ReviewInputError('method.kind', `must be 'accept', 'majority' or 'staple', got ${String((method as { kind: unknown }).kind)}`);
  }
}
