import type { BitMask } from '@segqc/core';

/** Two masks on the same grid hold exactly the same voxels. */
export const sameVoxels = (a: BitMask, b: BitMask) => a.words.length === b.words.length && a.words.every((word, n) => word === b.words[n]);
