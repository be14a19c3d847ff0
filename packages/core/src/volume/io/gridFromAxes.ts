/**
 * A VoxelGrid from a file's geometry: its three axes as vectors in patient space (LPS, mm, the
 * step from one voxel centre to the next along file axes 0, 1, 2, whose length is the spacing)
 * and the centre of the first voxel. NRRD's `space directions` and a NIfTI affine's columns
 * (after RAS → LPS) are exactly this.
 */
import type { VoxelGrid } from '../VoxelGrid';
import { LabelVolumeError } from './LabelVolumeError';

export type Vec3 = readonly [number, number, number];

// |cos| of the angle between two axes above which they are not perpendicular (about 0.006°):
// float32 affines carry ~1e-7 noise, a sheared grid is off by far more.
const ORTHOGONALITY_TOLERANCE = 1e-4;

export interface AxesGeometry {
  sizes: Vec3;
  axes: readonly [Vec3, Vec3, Vec3];
  origin: Vec3;
}

export interface GridFromAxes {
  grid: VoxelGrid;
  /** Axes 0, 1, 2 form a left-handed frame: see `reverseSlices`. */
  leftHanded: boolean;
}

/** @param fields the header fields holding the axes and the origin, named in errors. */
export function gridFromAxes(geometry: AxesGeometry, fields: { axes: string; origin: string; sizes: string }): GridFromAxes {
  const { sizes, axes, origin } = geometry;
  sizes.forEach((size, a) => {
    if (!Number.isSafeInteger(size) || size < 1) throw new LabelVolumeError(fields.sizes, `axis ${a} has size ${size}; sizes are positive integers`);
  });
  if (!origin.every(Number.isFinite)) throw new LabelVolumeError(fields.origin, `origin (${origin.join(', ')}) is not finite`);
  const spacing = axes.map((axis, a) => {
    const length = Math.hypot(axis[0], axis[1], axis[2]);
    if (!(length > 0) || !Number.isFinite(length)) throw new LabelVolumeError(fields.axes, `axis ${a} (${axis.join(', ')}) has no length: the voxel size is unknown`);
    return length;
  }) as [number, number, number];
  const [u, v, w] = axes.map((axis, a) => axis.map((x) => x / spacing[a] + 0) /* + 0 turns -0 into 0 */ as unknown as Vec3);
  for (const [a, b, p, q] of [[u, v, 0, 1], [u, w, 0, 2], [v, w, 1, 2]] as const) {
    const cos = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    if (Math.abs(cos) > ORTHOGONALITY_TOLERANCE) {
      throw new LabelVolumeError(fields.axes, `axes ${p} and ${q} are not perpendicular (cos ${cos.toPrecision(3)}): sheared grids are not supported`);
    }
  }
  const normal = cross(u, v);
  return {
    grid: { columns: sizes[0], rows: sizes[1], slices: sizes[2], spacing, origin: [origin[0] + 0, origin[1] + 0, origin[2] + 0], rowDirection: u, columnDirection: v, sliceDirection: w },
    leftHanded: normal[0] * w[0] + normal[1] * w[1] + normal[2] * w[2] < 0,
  };
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
