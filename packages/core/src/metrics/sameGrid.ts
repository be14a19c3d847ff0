import type { BitMask } from '../volume/BitMask';
import { GeometryMismatchError } from '../volume/GeometryMismatchError';
import { MetricInputError } from './MetricInputError';

// Two annotations placed on the same source series carry the same geometry up to the decimal
// strings it was read from; 1 µm tells a re-serialised value from a different grid.
const GEOMETRY_TOLERANCE_MM = 1e-3;

/**
 * Throws a GeometryMismatchError unless `a` and `b` lie on one voxel grid (same size, spacing,
 * position and orientation), and a MetricInputError unless its spacing is positive and finite:
 * agreement is only defined voxel for voxel.
 */
export function assertSameGrid(a: BitMask, b: BitMask): void {
  const ga = a.grid;
  const gb = b.grid;
  ga.spacing.forEach((s, axis) => {
    if (!(Number.isFinite(s) && s > 0)) throw new MetricInputError(`a.grid.spacing[${axis}]`, `must be a positive number of mm, got ${s}`);
  });
  if (ga.columns !== gb.columns || ga.rows !== gb.rows || ga.slices !== gb.slices) {
    throw new GeometryMismatchError('b.grid', `masks are on different grids: ${ga.columns}×${ga.rows}×${ga.slices} vs ${gb.columns}×${gb.rows}×${gb.slices}`);
  }
  const vectors = ['spacing', 'origin', 'rowDirection', 'columnDirection', 'sliceDirection'] as const;
  for (const name of vectors) {
    const differs = ga[name].some((v, axis) => !(Math.abs(v - gb[name][axis]) <= GEOMETRY_TOLERANCE_MM));
    if (differs) throw new GeometryMismatchError(`b.grid.${name}`, `masks are on different grids: [${ga[name].join(', ')}] vs [${gb[name].join(', ')}]`);
  }
}
