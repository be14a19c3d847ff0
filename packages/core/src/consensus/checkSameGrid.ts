import type { BitMask } from '../volume/BitMask';
import type { VoxelGrid } from '../volume/VoxelGrid';
import { ConsensusInputError } from './ConsensusInputError';

/** Positions and directions may differ by rounding when the same series was read twice. */
const GEOMETRY_TOLERANCE = 1e-4;

function sameGeometry(a: VoxelGrid, b: VoxelGrid): string | null {
  if (a.columns !== b.columns || a.rows !== b.rows || a.slices !== b.slices) {
    return `grid ${b.columns}×${b.rows}×${b.slices} differs from ${a.columns}×${a.rows}×${a.slices}`;
  }
  for (const key of ['spacing', 'origin', 'rowDirection', 'columnDirection', 'sliceDirection'] as const) {
    if (a[key].some((value, axis) => Math.abs(value - b[key][axis]) > GEOMETRY_TOLERANCE)) {
      return `${key} [${b[key].join(', ')}] differs from [${a[key].join(', ')}]`;
    }
  }
  if (a.frameOfReferenceUID && b.frameOfReferenceUID && a.frameOfReferenceUID !== b.frameOfReferenceUID) {
    return 'another frame of reference';
  }
  return null;
}

/** Throws a ConsensusInputError unless there is at least one mask and all (and `region`) share the first's grid. */
export function checkSameGrid(masks: readonly BitMask[], region?: BitMask): void {
  if (!Array.isArray(masks) || masks.length === 0) throw new ConsensusInputError('masks', 'needs at least one mask');
  const grid = masks[0].grid;
  const others: [string, BitMask][] = masks.map((mask, i) => [`masks[${i}]`, mask]);
  if (region) others.push(['options.region', region]);
  for (const [argument, mask] of others) {
    const difference = mask.grid === grid ? null : sameGeometry(grid, mask.grid);
    if (difference) throw new ConsensusInputError(argument, `not on the grid of masks[0]: ${difference}`);
  }
}
