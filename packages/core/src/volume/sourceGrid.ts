/**
 * The voxel grid of a source series (CT/MR slices): one orientation, one pixel matrix, one pixel
 * spacing, one Frame of Reference, slices stacked along the normal (row direction × column
 * direction, PS3.3 C.7.6.2.1.1) at a regular spacing, sorted by the projection of
 * ImagePositionPatient on the normal — never by file or instance order.
 *
 * PixelSpacing is [row spacing (between rows), column spacing (between columns)] (PS3.3 10.7.1.3),
 * so the grid's spacing along i (columns) is PixelSpacing[1] and along j (rows) PixelSpacing[0].
 */
import { DicomValueError } from '../dicom/DicomValueError';
import type { SourceImage } from '../seg/SourceImage';
import { GeometryMismatchError } from './GeometryMismatchError';
import type { VoxelGrid } from './VoxelGrid';

/**
 * How far apart two things may be and still be "the same place" on a grid: direction cosines
 * within `orientation`; positions within `positionFraction` of the voxel size along that axis, but
 * never less than `positionFloorMm` (DS values carry ~6 decimals, PS3.5 6.2).
 */
export const GRID_TOLERANCE = Object.freeze({ orientation: 1e-4, positionFraction: 0.01, positionFloorMm: 1e-3 });

/** At most this many slices in a grid with gaps filled (a 512×512 slice is 32 KiB of mask). */
const MAX_GRID_SLICES = 16384;

export interface SourceGridOptions {
  /**
   * Accept a stack with missing slices: gaps that are whole multiples of the spacing become empty
   * slices of the grid (-1 in sliceOrder). Without it a missing slice is a GeometryMismatchError.
   */
  allowGaps?: boolean;
}

export interface SourceGrid {
  grid: VoxelGrid;
  /** sliceOrder[k] is the index in `images` of the image at slice k (-1: no image, with allowGaps). */
  sliceOrder: number[];
}

const { abs, sqrt, round, max } = Math;

export function gridFromSourceImages(images: readonly SourceImage[], options: SourceGridOptions = {}): SourceGrid {
  if (!Array.isArray(images) || images.length === 0) throw new GeometryMismatchError('sourceImages', 'at least one source image is needed to make a grid');
  const first = images[0];
  const rows = positiveInteger(first.Rows, 'sourceImages[0].Rows');
  const columns = positiveInteger(first.Columns, 'sourceImages[0].Columns');
  const iop = finiteNumbers(first.ImageOrientationPatient, 6, 'sourceImages[0].ImageOrientationPatient');
  const rowDirection = iop.slice(0, 3) as [number, number, number];
  const columnDirection = iop.slice(3, 6) as [number, number, number];
  if (abs(norm(rowDirection) - 1) > 1e-3 || abs(norm(columnDirection) - 1) > 1e-3 || abs(dot(rowDirection, columnDirection)) > 1e-3) {
    throw new GeometryMismatchError('sourceImages[0].ImageOrientationPatient', 'row and column directions must be orthogonal unit vectors');
  }
  const normal = unit(cross(rowDirection, columnDirection));
  const pixelSpacing = finiteNumbers(first.PixelSpacing, 2, 'sourceImages[0].PixelSpacing');
  if (!(pixelSpacing[0] > 0 && pixelSpacing[1] > 0)) throw new DicomValueError('sourceImages[0].PixelSpacing', `must be positive, got ${pixelSpacing.join('\\')}`);
  const frameOfReferenceUID = first.FrameOfReferenceUID;
  if (typeof frameOfReferenceUID !== 'string' || frameOfReferenceUID === '') {
    throw new DicomValueError('sourceImages[0].FrameOfReferenceUID', 'is required: positions are only comparable within one Frame of Reference');
  }

  const positions = images.map((image, n) => {
    const at = `sourceImages[${n}]`;
    if (image.Rows !== rows || image.Columns !== columns) {
      throw new GeometryMismatchError(`${at}.Rows`, `${image.Rows}×${image.Columns} pixels differ from ${rows}×${columns} of sourceImages[0]`);
    }
    if (image.FrameOfReferenceUID !== frameOfReferenceUID) {
      throw new GeometryMismatchError(`${at}.FrameOfReferenceUID`, `${String(image.FrameOfReferenceUID)} differs from ${frameOfReferenceUID} of sourceImages[0]`);
    }
    const o = finiteNumbers(image.ImageOrientationPatient, 6, `${at}.ImageOrientationPatient`);
    if (o.some((v, a) => abs(v - iop[a]) > GRID_TOLERANCE.orientation)) {
      throw new GeometryMismatchError(`${at}.ImageOrientationPatient`, `${o.join('\\')} differs from ${iop.join('\\')} of sourceImages[0]: one series must be one stack of parallel slices`);
    }
    const s = finiteNumbers(image.PixelSpacing, 2, `${at}.PixelSpacing`);
    if (s.some((v, a) => abs(v - pixelSpacing[a]) > 1e-4 * pixelSpacing[a] + 1e-6)) {
      throw new GeometryMismatchError(`${at}.PixelSpacing`, `${s.join('\\')} differs from ${pixelSpacing.join('\\')} of sourceImages[0]`);
    }
    return finiteNumbers(image.ImagePositionPatient, 3, `${at}.ImagePositionPatient`);
  });

  const along = positions.map((p) => dot(p, normal));
  const sorted = along.map((_, n) => n).sort((a, b) => along[a] - along[b] || a - b);
  const origin = positions[sorted[0]];
  const inPlaneTolerance = [0, 1].map((a) => max(GRID_TOLERANCE.positionFloorMm, GRID_TOLERANCE.positionFraction * pixelSpacing[1 - a]));
  positions.forEach((p, n) => {
    const d = [p[0] - origin[0], p[1] - origin[1], p[2] - origin[2]];
    const offset = [dot(d, rowDirection), dot(d, columnDirection)];
    if (abs(offset[0]) > inPlaneTolerance[0] || abs(offset[1]) > inPlaneTolerance[1]) {
      throw new GeometryMismatchError(
        `sourceImages[${n}].ImagePositionPatient`,
        `is shifted by (${offset.map((v) => v.toFixed(3)).join(', ')}) mm within the image plane from sourceImages[${sorted[0]}]: the slices do not form one stack (gantry tilt or several stacks)`,
      );
    }
  });

  const { spacing, steps } = sliceSteps(images, along, sorted, options.allowGaps === true);
  const slices = steps[steps.length - 1] + 1;
  const sliceOrder = new Array<number>(slices).fill(-1);
  sorted.forEach((n, rank) => (sliceOrder[steps[rank]] = n));
  return {
    grid: {
      columns,
      rows,
      slices,
      spacing: [pixelSpacing[1], pixelSpacing[0], spacing],
      origin: [origin[0], origin[1], origin[2]],
      rowDirection,
      columnDirection,
      sliceDirection: normal,
      frameOfReferenceUID,
    },
    sliceOrder,
  };
}

/** The slice spacing and, for each image in sorted order, its slice index k. */
function sliceSteps(images: readonly SourceImage[], along: number[], sorted: number[], allowGaps: boolean): { spacing: number; steps: number[] } {
  if (sorted.length === 1) {
    const thickness = images[0].SliceThickness;
    if (typeof thickness !== 'number' || !(thickness > 0) || !Number.isFinite(thickness)) {
      throw new DicomValueError('sourceImages[0].SliceThickness', 'a single slice needs a positive SliceThickness to give the voxels a depth');
    }
    return { spacing: thickness, steps: [0] };
  }
  const start = along[sorted[0]];
  const gaps = sorted.slice(1).map((n, r) => along[n] - along[sorted[r]]);
  gaps.forEach((gap, r) => {
    if (gap <= GRID_TOLERANCE.positionFloorMm) {
      throw new GeometryMismatchError(`sourceImages[${sorted[r + 1]}].ImagePositionPatient`, `is at the same position as sourceImages[${sorted[r]}] (${gap.toFixed(4)} mm apart): two images of one slice`);
    }
  });
  const total = along[sorted[sorted.length - 1]] - start;
  const tolerance = (spacing: number): number => max(GRID_TOLERANCE.positionFloorMm, GRID_TOLERANCE.positionFraction * spacing);

  const regular = total / (sorted.length - 1);
  if (!allowGaps) {
    const typical = [...gaps].sort((a, b) => a - b)[gaps.length >> 1];
    const odd = gaps.findIndex((gap) => abs(gap - typical) > tolerance(typical));
    if (odd >= 0) {
      throw new GeometryMismatchError(
        `sourceImages[${sorted[odd + 1]}].ImagePositionPatient`,
        `is ${gaps[odd].toFixed(4)} mm from sourceImages[${sorted[odd]}] where slices are ${typical.toFixed(4)} mm apart: slices are missing or irregularly spaced (allowGaps fills whole missing slices)`,
      );
    }
    const drifting = sorted.findIndex((n, r) => abs(along[n] - start - r * regular) > tolerance(regular));
    if (drifting >= 0) {
      throw new GeometryMismatchError(
        `sourceImages[${sorted[drifting]}].ImagePositionPatient`,
        `is ${(along[sorted[drifting]] - start - drifting * regular).toFixed(4)} mm away from slice ${drifting} of a regular ${regular.toFixed(4)} mm stack: the slices are irregularly spaced`,
      );
    }
    return { spacing: regular, steps: sorted.map((_, r) => r) };
  }
  // With gaps allowed: the smallest gap is the spacing, every position a whole number of steps.
  const smallest = gaps.reduce((a, b) => (b < a ? b : a));
  const steps = sorted.map((n) => round((along[n] - start) / smallest));
  const spacing = total / steps[steps.length - 1];
  const off = sorted.findIndex((n, r) => abs(along[n] - start - steps[r] * spacing) > tolerance(spacing));
  if (off >= 0) {
    throw new GeometryMismatchError(
      `sourceImages[${sorted[off]}].ImagePositionPatient`,
      `is ${(along[sorted[off]] - start).toFixed(4)} mm from the first slice, not a whole number of ${spacing.toFixed(4)} mm steps: the slices are irregularly spaced`,
    );
  }
  if (steps[steps.length - 1] + 1 > MAX_GRID_SLICES) {
    throw new GeometryMismatchError('sourceImages', `filling the gaps would make ${steps[steps.length - 1] + 1} slices of ${spacing.toFixed(4)} mm (at most ${MAX_GRID_SLICES})`);
  }
  return { spacing, steps };
}

function positiveInteger(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new DicomValueError(path, `must be a positive integer, got ${String(value)}`);
  return value;
}

function finiteNumbers(value: unknown, count: number, path: string): number[] {
  if (!Array.isArray(value) || value.length !== count || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new DicomValueError(path, `must be ${count} finite numbers`);
  }
  return value.slice() as number[];
}

const dot = (a: readonly number[], b: readonly number[]): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const norm = (a: readonly number[]): number => sqrt(dot(a, a));
const unit = (a: readonly number[]): [number, number, number] => {
  const n = norm(a);
  return [a[0] / n, a[1] / n, a[2] / n];
};
const cross = (a: readonly number[], b: readonly number[]): [number, number, number] => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
