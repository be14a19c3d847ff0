/**
 * A label volume (NRRD, NIfTI) on the source series it was drawn on, voxel for voxel and never
 * resampled: each axis of the volume must run along an axis of the series (either way: NIfTI
 * writers often flip the rows, and a file may store the slices in either order) at the same
 * spacing, its voxel centres must be the series' voxel centres, and it must lie inside the series
 * (it may cover only part of it, as 3D Slicer crops a `.seg.nrrd` to its segments). Anything else
 * is a GeometryMismatchError that names what differs.
 *
 * The result is in the order the SEG writer takes masks: `Rows × Columns × sourceImages.length`,
 * slices in `sourceImages` order.
 */
import type { LabelArray, LabelVolume } from '../volume/io/LabelVolume';
import { GeometryMismatchError } from '../volume/GeometryMismatchError';
import { GRID_TOLERANCE, gridFromSourceImages } from '../volume/sourceGrid';
import type { VoxelGrid } from '../volume/VoxelGrid';
import type { SourceImage } from './SourceImage';

/** How one axis of the volume runs on the source grid. */
export interface AxisPlacement {
  /** The source grid axis: 0 columns (i), 1 rows (j), 2 slices (k, along the normal). */
  sourceAxis: 0 | 1 | 2;
  /** +1 when the volume's index grows with the source's, −1 when it runs the other way. */
  direction: 1 | -1;
  /** The source index of the volume's index 0 on this axis. */
  offset: number;
}

export interface VolumePlacement {
  /** One per volume axis (i, j, k). */
  axes: readonly [AxisPlacement, AxisPlacement, AxisPlacement];
  /** The source grid (slices sorted along the normal, whole missing slices as gaps). */
  sourceGrid: VoxelGrid;
  /** sliceOrder[k]: the index in sourceImages of source grid slice k, −1 where the series has no image. */
  sliceOrder: readonly number[];
}

const AXIS_NAMES = ['columns (i)', 'rows (j)', 'slices (k)'] as const;
const SOURCE_AXIS_NAMES = ['row direction', 'column direction', 'slice normal'] as const;
const VOLUME_DIRECTIONS = ['rowDirection', 'columnDirection', 'sliceDirection'] as const;
// An axis whose direction is within 1 mrad (0.06°) of a source axis runs along it; the positions
// of the voxel centres decide the rest.
const PARALLEL_COSINE = Math.cos(1e-3);

/**
 * Where the volume's voxels lie on the source series, or a GeometryMismatchError naming what
 * differs (`path` prefixes attribute paths, e.g. the file name).
 */
export function placeVolumeOnSource(volumeGrid: VoxelGrid, sourceImages: readonly SourceImage[], path = 'volume'): VolumePlacement {
  const { grid: source, sliceOrder } = gridFromSourceImages(sourceImages, { allowGaps: true });
  const sourceDirections = [source.rowDirection, source.columnDirection, source.sliceDirection];
  const sizes = [volumeGrid.columns, volumeGrid.rows, volumeGrid.slices];
  const sourceSizes = [source.columns, source.rows, source.slices];
  const tolerance = source.spacing.map((s) => Math.max(GRID_TOLERANCE.positionFloorMm, GRID_TOLERANCE.positionFraction * s));

  const used = new Set<number>();
  const axes = VOLUME_DIRECTIONS.map((name, a): AxisPlacement => {
    const direction = volumeGrid[name];
    const b = sourceDirections.findIndex((d) => Math.abs(dot(d, direction)) >= PARALLEL_COSINE);
    if (b < 0 || used.has(b)) {
      throw new GeometryMismatchError(
        `${path}.grid.${name}`,
        `(${format(direction)}) runs along none of the source series' axes (row ${format(source.rowDirection)}, column ${format(source.columnDirection)}, normal ${format(source.sliceDirection)}): the volume is oriented differently and would have to be resampled`,
      );
    }
    used.add(b);
    const spacingError = Math.abs(volumeGrid.spacing[a] - source.spacing[b]);
    if (spacingError * Math.max(1, sizes[a] - 1) > tolerance[b]) {
      throw new GeometryMismatchError(
        `${path}.grid.spacing`,
        `its ${AXIS_NAMES[a]} are ${round(volumeGrid.spacing[a])} mm apart, the source series' voxels ${round(source.spacing[b])} mm along its ${SOURCE_AXIS_NAMES[b]}: another grid`,
      );
    }
    return { sourceAxis: b as 0 | 1 | 2, direction: dot(sourceDirections[b], direction) > 0 ? 1 : -1, offset: 0 };
  }) as [AxisPlacement, AxisPlacement, AxisPlacement];

  // The volume's first voxel, in source voxel coordinates: whole numbers on the same lattice.
  const fromOrigin = [0, 1, 2].map((x) => volumeGrid.origin[x] - source.origin[x]);
  for (const axis of axes) {
    const b = axis.sourceAxis;
    const index = dot(fromOrigin, sourceDirections[b]) / source.spacing[b];
    const offset = Math.round(index);
    const off = Math.abs(index - offset) * source.spacing[b];
    if (off > tolerance[b]) {
      throw new GeometryMismatchError(
        `${path}.grid.origin`,
        `(${format(volumeGrid.origin)}) is ${round(off)} mm off the source series' voxel centres along its ${SOURCE_AXIS_NAMES[b]}: the volume is shifted by part of a voxel, another grid`,
      );
    }
    axis.offset = offset;
  }
  axes.forEach((axis, a) => {
    const b = axis.sourceAxis;
    const first = axis.offset;
    const last = axis.offset + axis.direction * (sizes[a] - 1);
    if (Math.min(first, last) < 0 || Math.max(first, last) >= sourceSizes[b]) {
      throw new GeometryMismatchError(
        `${path}.grid`,
        `its ${sizes[a]} ${AXIS_NAMES[a]} cover source indices ${Math.min(first, last)}..${Math.max(first, last)} along the ${SOURCE_AXIS_NAMES[b]}, where the source series has 0..${sourceSizes[b] - 1}: the volume reaches beyond the series`,
      );
    }
  });
  return { axes, sourceGrid: source, sliceOrder };
}

/**
 * Each layer of `volume` in SEG writer order (`Rows × Columns × sourceImages.length`, slices in
 * sourceImages order), of the same array type: the volume's own arrays when they already are in
 * that order. A non-zero label on a slice the series lacks (a gap) is a GeometryMismatchError: it
 * would be lost.
 */
export function labelVolumeOnSource(volume: Pick<LabelVolume, 'grid' | 'labels' | 'layers'>, sourceImages: readonly SourceImage[], path = 'volume'): LabelArray[] {
  const placement = placeVolumeOnSource(volume.grid, sourceImages, path);
  const { sourceGrid, sliceOrder } = placement;
  const { columns, rows } = sourceGrid;
  const sizes = [volume.grid.columns, volume.grid.rows, volume.grid.slices];
  const length = rows * columns * sourceImages.length;
  const inWriterOrder = placement.axes.every((axis, a) => axis.sourceAxis === a && axis.direction === 1 && axis.offset === 0)
    && sizes[0] === columns && sizes[1] === rows && sizes[2] === sourceImages.length && sliceOrder.every((image, k) => image === k);
  if (inWriterOrder) return volume.layers ?? [volume.labels];
  // Per volume axis and index: the offset it adds in the output, or GAP on a missing slice.
  const GAP = -(2 ** 52);
  const step = placement.axes.map((axis, a) => {
    const table = new Float64Array(sizes[a]);
    for (let n = 0; n < sizes[a]; n++) {
      const index = axis.offset + axis.direction * n;
      if (axis.sourceAxis === 0) table[n] = index;
      else if (axis.sourceAxis === 1) table[n] = index * columns;
      else table[n] = sliceOrder[index] < 0 ? GAP : sliceOrder[index] * rows * columns;
    }
    return table;
  });
  const [stepI, stepJ, stepK] = step;
  // The volume's rows run along the series' rows (the usual case): each row is copied whole.
  const rowsAlong = placement.axes[0].sourceAxis === 0 && placement.axes[0].direction === 1;
  return (volume.layers ?? [volume.labels]).map((labels, layer) => {
    const out = emptyLike(labels, length);
    let v = 0;
    for (let k = 0; k < sizes[2]; k++) {
      for (let j = 0; j < sizes[1]; j++) {
        const base = stepK[k] + stepJ[j];
        if (rowsAlong && base >= 0) {
          out.set(labels.subarray(v, v + sizes[0]), base + stepI[0]);
          v += sizes[0];
          continue;
        }
        for (let i = 0; i < sizes[0]; i++, v++) {
          const value = labels[v];
          if (value === 0) continue;
          if (base < 0) {
            throw new GeometryMismatchError(`${path}.layers[${layer}]`, `voxel (${i}, ${j}, ${k}) has label ${value} on a slice the source series lacks (a gap in its slice positions): it would be lost`);
          }
          out[base + stepI[i]] = value;
        }
      }
    }
    return out;
  });
}

function emptyLike(labels: LabelArray, length: number): LabelArray {
  const Type = labels.constructor as new (length: number) => LabelArray;
  return new Type(length);
}

const dot = (a: readonly number[], b: readonly number[]): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const format = (v: readonly number[]): string => v.map((x) => round(x)).join(', ');
