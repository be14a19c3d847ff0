/**
 * The grid of a source series: one orientation, one pixel size, slices ordered along the slice
 * normal (row direction × column direction, PS3.3 C.7.6.2.1.1). SEG frames are placed on this grid
 * by ImagePositionPatient, never by the order the slices were given in.
 */
import { SegValueError } from './SegValueError';
import type { SourceImage } from './SourceImage';

export interface SourceGeometry {
  rows: number;
  columns: number;
  imageOrientationPatient: readonly number[];
  pixelSpacing: readonly [number, number];
  /** Unit normal of the slices. */
  normal: readonly [number, number, number];
  /** Source slice indices (input order) sorted by position along the normal, ascending. */
  sortedSlices: readonly number[];
  /** 1-based rank of each input slice along the normal (the position dimension index). */
  positionIndex: readonly number[];
  /** Distance between adjacent slice positions when uniform (within 0.01 mm), else undefined. */
  spacingBetweenSlices?: number;
  /** SliceThickness of the source, or the slice spacing when the source does not give one. */
  sliceThickness: number;
}

const ORIENTATION_TOLERANCE = 1e-4;
const SPACING_TOLERANCE_MM = 0.01;

/** Validates that `images` form one grid and describes it. */
export function describeSourceGeometry(images: readonly SourceImage[]): SourceGeometry {
  if (images.length === 0) throw new SegValueError('sourceImages', 'at least one source image is required');
  const first = images[0];
  const iop = checkVector(first.ImageOrientationPatient, 6, 'sourceImages[0].ImageOrientationPatient');
  const row = iop.slice(0, 3);
  const column = iop.slice(3, 6);
  if (Math.abs(norm(row) - 1) > 1e-3 || Math.abs(norm(column) - 1) > 1e-3 || Math.abs(dot(row, column)) > 1e-3) {
    throw new SegValueError('sourceImages[0].ImageOrientationPatient', 'row and column directions must be orthogonal unit vectors');
  }
  const normal = cross(row, column);
  const spacing = checkVector(first.PixelSpacing, 2, 'sourceImages[0].PixelSpacing');
  if (!(spacing[0] > 0 && spacing[1] > 0)) throw new SegValueError('sourceImages[0].PixelSpacing', 'must be positive');

  const positions = images.map((image, i) => {
    const at = `sourceImages[${i}]`;
    for (const keyword of ['SOPClassUID', 'SOPInstanceUID', 'SeriesInstanceUID', 'StudyInstanceUID', 'FrameOfReferenceUID'] as const) {
      if (typeof image[keyword] !== 'string' || image[keyword] === '') throw new SegValueError(`${at}.${keyword}`, 'is required');
    }
    for (const keyword of ['SeriesInstanceUID', 'StudyInstanceUID', 'FrameOfReferenceUID'] as const) {
      if (image[keyword] !== first[keyword]) throw new SegValueError(`${at}.${keyword}`, `differs from sourceImages[0]: all source images must share one ${keyword}`);
    }
    if (image.Rows !== first.Rows || image.Columns !== first.Columns) {
      throw new SegValueError(`${at}.Rows`, `${image.Rows}×${image.Columns} differs from ${first.Rows}×${first.Columns} of sourceImages[0]`);
    }
    const o = checkVector(image.ImageOrientationPatient, 6, `${at}.ImageOrientationPatient`);
    if (o.some((v, k) => Math.abs(v - iop[k]) > ORIENTATION_TOLERANCE)) {
      throw new SegValueError(`${at}.ImageOrientationPatient`, 'differs from sourceImages[0]: the source must be one stack of parallel slices');
    }
    const s = checkVector(image.PixelSpacing, 2, `${at}.PixelSpacing`);
    if (Math.abs(s[0] - spacing[0]) > 1e-4 || Math.abs(s[1] - spacing[1]) > 1e-4) {
      throw new SegValueError(`${at}.PixelSpacing`, 'differs from sourceImages[0]');
    }
    return dot(checkVector(image.ImagePositionPatient, 3, `${at}.ImagePositionPatient`), normal);
  });
  if (!Number.isInteger(first.Rows) || first.Rows < 1 || !Number.isInteger(first.Columns) || first.Columns < 1) {
    throw new SegValueError('sourceImages[0].Rows', 'Rows and Columns must be positive integers');
  }

  const sortedSlices = positions.map((_, i) => i).sort((a, b) => positions[a] - positions[b]);
  const positionIndex = new Array<number>(images.length);
  sortedSlices.forEach((slice, rank) => (positionIndex[slice] = rank + 1));
  const gaps = sortedSlices.slice(1).map((slice, k) => positions[slice] - positions[sortedSlices[k]]);
  gaps.forEach((gap, k) => {
    if (gap < 1e-3) {
      throw new SegValueError(`sourceImages[${sortedSlices[k + 1]}].ImagePositionPatient`, `has the same position as sourceImages[${sortedSlices[k]}]`);
    }
  });
  const uniform = gaps.length > 0 && gaps.every((gap) => Math.abs(gap - gaps[0]) <= SPACING_TOLERANCE_MM);
  const spacingBetweenSlices = uniform ? round6(gaps.reduce((a, b) => a + b, 0) / gaps.length) : undefined;
  const sliceThickness = first.SliceThickness ?? spacingBetweenSlices;
  if (sliceThickness === undefined || !(sliceThickness > 0)) {
    throw new SegValueError('sourceImages[0].SliceThickness', 'is required when the slices are not uniformly spaced');
  }
  return {
    rows: first.Rows,
    columns: first.Columns,
    imageOrientationPatient: iop,
    pixelSpacing: [spacing[0], spacing[1]],
    normal,
    sortedSlices,
    positionIndex,
    ...(spacingBetweenSlices !== undefined ? { spacingBetweenSlices } : {}),
    sliceThickness,
  };
}

function checkVector(value: readonly number[] | undefined, length: number, path: string): number[] {
  if (!Array.isArray(value) || value.length !== length || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new SegValueError(path, `must be ${length} finite numbers`);
  }
  return value.map(Number);
}

const dot = (a: readonly number[], b: readonly number[]): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const norm = (a: readonly number[]): number => Math.sqrt(dot(a, a));
const cross = (a: readonly number[], b: readonly number[]): [number, number, number] => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
