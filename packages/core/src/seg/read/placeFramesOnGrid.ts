/**
 * The slice of the target grid each SEG frame lies on, found from the frame's own geometry —
 * ImagePositionPatient projected onto the grid's axes (PS3.3 C.7.6.2.1.1) — never from frame
 * order. A frame must have the grid's orientation and pixel spacing, its first pixel must be the
 * grid's first pixel of a slice (in-plane offset ~0) and its slice offset a whole number of slices
 * within the grid; otherwise a GeometryMismatchError names the frame (1-based) and why.
 */
import { GeometryMismatchError } from '../../volume/GeometryMismatchError';
import { GRID_TOLERANCE } from '../../volume/sourceGrid';
import type { VoxelGrid } from '../../volume/VoxelGrid';
import type { FramePlane } from './framePlanes';

/**
 * Frames are held to twice the grid's own tolerance: a source slice may sit up to one tolerance
 * off its regular place on the grid, and the SEG repeats its position rounded to a DS string.
 */
const FRAME_TOLERANCE_FACTOR = 2;

const { abs, round, max } = Math;

export function placeFramesOnGrid(planes: readonly FramePlane[], grid: VoxelGrid): Int32Array {
  const [sx, sy, sz] = grid.spacing;
  const toIndex = inverseOfAxes(grid);
  const tolerance = (spacing: number): number => FRAME_TOLERANCE_FACTOR * max(GRID_TOLERANCE.positionFloorMm, GRID_TOLERANCE.positionFraction * spacing);
  const slices = new Int32Array(planes.length);
  let checkedOrientation: readonly number[] | undefined;
  let checkedSpacing: readonly number[] | undefined;

  planes.forEach((plane, f) => {
    const frame = f + 1;
    if (plane.orientation !== checkedOrientation) {
      const o = plane.orientation;
      const expected = [...grid.rowDirection, ...grid.columnDirection];
      if (o.some((v, a) => abs(v - expected[a]) > GRID_TOLERANCE.orientation)) {
        throw new GeometryMismatchError(plane.orientationPath, `${o.join('\\')} is not the grid's orientation ${expected.map((v) => round6(v)).join('\\')}`, frame);
      }
      checkedOrientation = o;
    }
    if (plane.pixelSpacing !== checkedSpacing) {
      // PixelSpacing is [between rows, between columns] (PS3.3 10.7.1.3); the grid's is [i, j, k].
      const [rowSpacing, columnSpacing] = plane.pixelSpacing;
      if (!spacingMatches(columnSpacing, sx, grid.columns) || !spacingMatches(rowSpacing, sy, grid.rows)) {
        throw new GeometryMismatchError(plane.pixelSpacingPath, `${rowSpacing}\\${columnSpacing} mm is not the grid's pixel spacing ${round6(sy)}\\${round6(sx)} mm`, frame);
      }
      checkedSpacing = plane.pixelSpacing;
    }
    const p = plane.position;
    const d = [p[0] - grid.origin[0], p[1] - grid.origin[1], p[2] - grid.origin[2]];
    const i = dot(toIndex[0], d);
    const j = dot(toIndex[1], d);
    const k = dot(toIndex[2], d);
    if (abs(i) * sx > tolerance(sx) || abs(j) * sy > tolerance(sy)) {
      throw new GeometryMismatchError(
        plane.positionPath,
        `${p.join('\\')} is ${round6(i * sx)} mm along the rows and ${round6(j * sy)} mm along the columns from the grid's first pixel of a slice: the frame is not on the grid`,
        frame,
      );
    }
    const slice = round(k);
    if (abs(k - slice) * sz > tolerance(sz)) {
      throw new GeometryMismatchError(plane.positionPath, `${p.join('\\')} lies between slices ${Math.floor(k)} and ${Math.floor(k) + 1} of the grid (${round6(k)} slices from the first)`, frame);
    }
    if (slice < 0 || slice >= grid.slices) {
      throw new GeometryMismatchError(plane.positionPath, `${p.join('\\')} is at slice ${slice}, outside the grid's slices 0…${grid.slices - 1}`, frame);
    }
    slices[f] = slice;
  });
  return slices;
}

/** Same spacing when the difference accumulated over the whole row stays within a tenth of a pixel. */
function spacingMatches(value: number, expected: number, count: number): boolean {
  return abs(value - expected) <= max(1e-4 * expected, (0.1 * expected) / max(1, count - 1));
}

/** Rows of the inverse of [sx·row | sy·column | sz·slice]: patient offset (mm) → voxel index offset. */
function inverseOfAxes(grid: VoxelGrid): [number, number, number][] {
  const a = grid.rowDirection.map((v) => v * grid.spacing[0]);
  const b = grid.columnDirection.map((v) => v * grid.spacing[1]);
  const c = grid.sliceDirection.map((v) => v * grid.spacing[2]);
  const bc = cross(b, c);
  const determinant = dot(a, bc);
  if (!(abs(determinant) > 0) || !Number.isFinite(determinant)) throw new GeometryMismatchError('grid', 'the grid axes are degenerate (zero spacing or parallel directions)');
  return [bc, cross(c, a), cross(a, b)].map((row) => row.map((v) => v / determinant) as [number, number, number]);
}

const dot = (a: readonly number[], b: readonly number[]): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: readonly number[], b: readonly number[]): [number, number, number] => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const round6 = (x: number): number => round(x * 1e6) / 1e6;
