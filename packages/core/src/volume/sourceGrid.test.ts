// The grid is the frame every metric is computed in: a slice out of order, a spacing read from the
// wrong element of PixelSpacing or a missing slice closed up silently would shift or scale every
// distance. These tests build series whose grid is known by construction.
import { DicomValueError } from '../dicom/DicomValueError';
import type { SourceImage } from '../seg/SourceImage';
import { GeometryMismatchError } from './GeometryMismatchError';
import { gridFromSourceImages } from './sourceGrid';
import { voxelToPatient } from './VoxelGrid';

function image(k: number, position: number[], overrides: Partial<SourceImage> = {}): SourceImage {
  return {
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.4',
    SOPInstanceUID: `1.2.3.${k}`,
    SeriesInstanceUID: '1.2.3',
    ImagePositionPatient: position,
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    PixelSpacing: [0.5, 0.8],
    SliceThickness: 3,
    Rows: 30,
    Columns: 40,
    PatientName: '',
    PatientID: '',
    StudyInstanceUID: '1.2',
    FrameOfReferenceUID: '1.2.9',
    ...overrides,
  };
}

/** Axial slices at the given z, in the given order. */
const axial = (zs: number[], overrides: Partial<SourceImage> = {}): SourceImage[] => zs.map((z, k) => image(k, [-10, 20, z], overrides));

function mismatch(run: () => unknown): GeometryMismatchError {
  try {
    run();
  } catch (error) {
    if (error instanceof GeometryMismatchError) return error;
    throw error;
  }
  throw new Error('expected a GeometryMismatchError');
}

describe('gridFromSourceImages', () => {
  it('sorts slices along the normal, whatever the file order', () => {
    const { grid, sliceOrder } = gridFromSourceImages(axial([6, 0, 9, 3]));
    expect(sliceOrder).toEqual([1, 3, 0, 2]);
    expect(grid.origin).toEqual([-10, 20, 0]);
    expect(grid.slices).toBe(4);
    expect(grid.spacing[2]).toBe(3);
    expect(grid.sliceDirection).toEqual([0, 0, 1]);
  });

  it('takes spacing along i from PixelSpacing[1] (between columns) and along j from PixelSpacing[0] (PS3.3 10.7.1.3)', () => {
    const { grid } = gridFromSourceImages(axial([0, 3]));
    expect([grid.columns, grid.rows]).toEqual([40, 30]);
    expect(grid.spacing).toEqual([0.8, 0.5, 3]);
    // Column 10, row 4, slice 1 lies 10 × 0.8 mm along x and 4 × 0.5 mm along y from the origin.
    expect(voxelToPatient(grid, 10, 4, 1)).toEqual([-2, 22, 3]);
  });

  it('orders slices along row × column, which for a sagittal stack is −x when the rows run +y and the columns −z', () => {
    // Sagittal: rows along +y (anterior→posterior), columns along −z (head→feet); normal = y × −z = −x.
    const sagittal = [5, -5, 0].map((x, k) => image(k, [x, -100, 50], { ImageOrientationPatient: [0, 1, 0, 0, 0, -1] }));
    const { grid, sliceOrder } = gridFromSourceImages(sagittal);
    expect(grid.sliceDirection).toEqual([-1, 0, 0]);
    expect(sliceOrder).toEqual([0, 2, 1]);
    expect(grid.origin).toEqual([5, -100, 50]);
    expect(grid.spacing[2]).toBe(5);
  });

  it('accepts the rounding of DS values (positions within 1 % of the spacing)', () => {
    const { grid } = gridFromSourceImages(axial([0, 1.250001, 2.499999, 3.75]));
    expect(grid.spacing[2]).toBeCloseTo(1.25, 9);
  });

  it('gives a single slice the depth of its SliceThickness', () => {
    expect(gridFromSourceImages(axial([7])).grid.spacing[2]).toBe(3);
    expect(() => gridFromSourceImages(axial([7], { SliceThickness: undefined }))).toThrow(DicomValueError);
  });

  it('refuses a missing slice, naming the image after the gap', () => {
    const e = mismatch(() => gridFromSourceImages(axial([0, 3, 9, 12])));
    expect(e.attributePath).toBe('sourceImages[2].ImagePositionPatient');
    expect(e.reason).toMatch(/is 6\.0000 mm from sourceImages\[1\] where slices are 3\.0000 mm apart/);
  });

  it('fills whole missing slices on request, marking them -1 in sliceOrder', () => {
    const { grid, sliceOrder } = gridFromSourceImages(axial([12, 0, 3, 9]), { allowGaps: true });
    expect(grid.slices).toBe(5);
    expect(grid.spacing[2]).toBe(3);
    expect(sliceOrder).toEqual([1, 2, -1, 3, 0]);
  });

  it('refuses irregular spacing even with gaps allowed', () => {
    expect(mismatch(() => gridFromSourceImages(axial([0, 3, 7.5]), { allowGaps: true })).reason).toMatch(/not a whole number of 2\.5000 mm steps: the slices are irregularly spaced/);
    expect(mismatch(() => gridFromSourceImages(axial([0, 3, 6.5, 9.5]))).attributePath).toBe('sourceImages[2].ImagePositionPatient');
  });

  it('refuses spacing that drifts by more than 1 % over the stack', () => {
    // Gaps of 3.02 then 2.98 mm: each within 1 % of the typical gap, the drift is not.
    const zs = [0, 3.02, 6.04, 9.06, 12.08, 15.1, 18.12, 21.14, 23.12, 25.1, 27.08, 29.06, 31.04];
    expect(mismatch(() => gridFromSourceImages(axial(zs))).reason).toMatch(/irregularly spaced/);
  });

  it('refuses two images at one position', () => {
    expect(mismatch(() => gridFromSourceImages(axial([0, 3, 3]))).reason).toMatch(/at the same position as sourceImages\[1\]/);
  });

  it('refuses a sheared stack (gantry tilt): slices shifted within their plane', () => {
    const tilted = [0, 3, 6].map((z, k) => image(k, [-10, 20 + 0.5 * k, z]));
    expect(mismatch(() => gridFromSourceImages(tilted)).reason).toMatch(/shifted by \(0\.000, 0\.500\) mm within the image plane/);
  });

  it.each([
    ['ImageOrientationPatient', { ImageOrientationPatient: [1, 0, 0, 0, 0.9998, 0.02] }, /ImageOrientationPatient: .* differs from/],
    ['PixelSpacing', { PixelSpacing: [0.5, 0.81] }, /PixelSpacing: 0\.5\\0\.81 differs from 0\.5\\0\.8/],
    ['Rows', { Rows: 31 }, /Rows: 31×40 pixels differ from 30×40/],
    ['FrameOfReferenceUID', { FrameOfReferenceUID: '1.2.10' }, /FrameOfReferenceUID: 1\.2\.10 differs from 1\.2\.9/],
  ])('refuses a slice with another %s', (keyword, change, message) => {
    const images = axial([0, 3, 6]);
    images[1] = { ...images[1], ...change };
    const e = mismatch(() => gridFromSourceImages(images));
    expect(e.attributePath).toBe(`sourceImages[1].${keyword}`);
    expect(e.message).toMatch(message);
  });

  it('names invalid values as DicomValueErrors', () => {
    expect(() => gridFromSourceImages([])).toThrow(GeometryMismatchError);
    expect(() => gridFromSourceImages(axial([0], { ImageOrientationPatient: [1, 0, 0, 1, 0, 0] }))).toThrow(/orthogonal unit vectors/);
    expect(() => gridFromSourceImages(axial([0], { PixelSpacing: [0, 1] }))).toThrow(/PixelSpacing: must be positive/);
    expect(() => gridFromSourceImages(axial([0], { FrameOfReferenceUID: '' }))).toThrow(/FrameOfReferenceUID: is required/);
    const images = axial([0, 3]);
    images[1] = { ...images[1], ImagePositionPatient: [0, Number.NaN, 3] };
    expect(() => gridFromSourceImages(images)).toThrow(/sourceImages\[1\]\.ImagePositionPatient: must be 3 finite numbers/);
  });
});
