// SEG frames are placed by geometry, so the writer must order slices along the true normal and
// detect grids it cannot describe (mixed orientations, duplicated positions, uneven spacing).
import { describeSourceGeometry } from './sourceGeometry';
import { syntheticSeries } from './syntheticSource.fixture';
import { SegValueError } from './SegValueError';

describe('describeSourceGeometry', () => {
  it('sorts head-first axial slices by ascending z and ranks them 1-based', () => {
    const { images } = syntheticSeries({ rows: 4, columns: 4, slices: 5 }); // z = 40, 38, 36, 34, 32
    const geometry = describeSourceGeometry(images);
    expect(geometry.normal).toEqual([0, 0, 1]);
    expect(geometry.sortedSlices).toEqual([4, 3, 2, 1, 0]);
    expect(geometry.positionIndex).toEqual([5, 4, 3, 2, 1]);
    expect(geometry.spacingBetweenSlices).toBe(2);
    expect(geometry.sliceThickness).toBe(2);
    expect(geometry.pixelSpacing).toEqual([0.8, 0.7]);
  });

  it('uses the cross product of row and column directions for sagittal slices', () => {
    const { images } = syntheticSeries({ rows: 4, columns: 4, slices: 3 });
    // Sagittal: rows along +y, columns along -z; normal = y × -z = -x. Slices at x = 5, -5, 0.
    const sagittal = images.map((im, k) => ({ ...im, ImageOrientationPatient: [0, 1, 0, 0, 0, -1], ImagePositionPatient: [[5, -5, 0][k], 0, 0] }));
    const geometry = describeSourceGeometry(sagittal);
    expect(geometry.normal.map((v) => v + 0)).toEqual([-1, 0, 0]);
    expect(geometry.sortedSlices).toEqual([0, 2, 1]); // -x ascending: x = 5, 0, -5
    expect(geometry.spacingBetweenSlices).toBe(5);
  });

  it('falls back to the slice spacing when SliceThickness is absent', () => {
    const { images } = syntheticSeries({ rows: 4, columns: 4, slices: 3, thickness: 2.5 });
    expect(describeSourceGeometry(images.map(({ SliceThickness: _omit, ...im }) => im)).sliceThickness).toBe(2.5);
  });

  it('rejects an empty source and non-orthogonal orientation', () => {
    expect(() => describeSourceGeometry([])).toThrow(SegValueError);
    const { images } = syntheticSeries({ rows: 4, columns: 4, slices: 2 });
    expect(() => describeSourceGeometry(images.map((im) => ({ ...im, ImageOrientationPatient: [1, 0, 0, 1, 0, 0] })))).toThrow(
      'sourceImages[0].ImageOrientationPatient: row and column directions must be orthogonal unit vectors',
    );
  });

  it('rejects a slice of another size', () => {
    const { images } = syntheticSeries({ rows: 4, columns: 4, slices: 3 });
    images[2] = { ...images[2], Columns: 5 };
    expect(() => describeSourceGeometry(images)).toThrow('sourceImages[2].Rows: 4×5 differs from 4×4 of sourceImages[0]');
  });
});
