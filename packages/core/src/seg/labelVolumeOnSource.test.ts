// `segqc seg` turns NRRD/NIfTI label volumes into a SEG on their source series. A volume must be
// on the series' own voxels — in whatever axis order and direction its writer chose, possibly
// cropped — and is then copied voxel for voxel; anything that would need resampling is refused.
import { GeometryMismatchError } from '../volume/GeometryMismatchError';
import { gridFromSourceImages } from '../volume/sourceGrid';
import { voxelToPatient, type VoxelGrid } from '../volume/VoxelGrid';
import { labelVolumeOnSource, placeVolumeOnSource } from './labelVolumeOnSource';
import { syntheticSeries } from './syntheticSource.fixture';

const series = syntheticSeries({ name: 'on-source', rows: 5, columns: 4, slices: 6 });
const { grid: source, sliceOrder } = gridFromSourceImages(series.images);

/** A label that tells every voxel position apart (0.1 mm resolution), never 0. */
const labelAt = ([x, y, z]: readonly number[]): number => ((Math.round(x * 10) * 7 + Math.round(y * 10) * 13 + Math.round(z * 10) * 29) % 60000 + 60000) % 60000 + 1;

/** A volume on `grid` holding labelAt of each voxel centre. */
function volumeOn(grid: VoxelGrid): { grid: VoxelGrid; labels: Uint16Array } {
  const labels = new Uint16Array(grid.columns * grid.rows * grid.slices);
  for (let k = 0, v = 0; k < grid.slices; k++) for (let j = 0; j < grid.rows; j++) for (let i = 0; i < grid.columns; i++, v++) labels[v] = labelAt(voxelToPatient(grid, i, j, k));
  return { grid, labels };
}

/** What the writer must get: labelAt of every source voxel (sourceImages order) that `inside` accepts. */
function expectedOnSource(inside: (column: number, row: number, gridSlice: number) => boolean = () => true): Uint16Array {
  const out = new Uint16Array(series.rows * series.columns * series.slices);
  sliceOrder.forEach((image, k) => {
    for (let r = 0; r < series.rows; r++) for (let c = 0; c < series.columns; c++) {
      if (inside(c, r, k)) out[(image * series.rows + r) * series.columns + c] = labelAt(series.world(r, c, image));
    }
  });
  return out;
}

const scaled = (v: readonly number[], s: number): [number, number, number] => [v[0] * s, v[1] * s, v[2] * s];
const plus = (...vs: (readonly number[])[]): [number, number, number] => [0, 1, 2].map((a) => vs.reduce((sum, v) => sum + v[a], 0)) as [number, number, number];

describe('labelVolumeOnSource', () => {
  // Issue 16: a volume already in writer order is not copied (a 512 × 512 × 300 copy is 80 MB).
  it("gives the volume its own array when the series is stored in the grid's order (feet first here)", () => {
    const ascending = [...series.images].reverse();
    const volume = volumeOn(source);
    const [layer] = labelVolumeOnSource(volume, ascending);
    expect(layer).toBe(volume.labels);
    ascending.forEach((image, n) => {
      const k = series.images.indexOf(image);
      expect(layer[n * series.rows * series.columns]).toBe(labelAt(series.world(0, 0, k)));
    });
  });

  it('copies a volume on the source grid itself into sourceImages order (head-first slices reversed)', () => {
    const [layer] = labelVolumeOnSource(volumeOn(source), series.images);
    expect(layer).toBeInstanceOf(Uint16Array);
    expect(Array.from(layer)).toEqual(Array.from(expectedOnSource()));
    expect(placeVolumeOnSource(source, series.images).axes).toEqual([
      { sourceAxis: 0, direction: 1, offset: 0 },
      { sourceAxis: 1, direction: 1, offset: 0 },
      { sourceAxis: 2, direction: 1, offset: 0 },
    ]);
  });

  it('takes a volume whose rows and slices run the other way (as NIfTI writers store them)', () => {
    const flipped: VoxelGrid = {
      ...source,
      origin: plus(source.origin, scaled(source.columnDirection, (source.rows - 1) * source.spacing[1]), scaled(source.sliceDirection, (source.slices - 1) * source.spacing[2])),
      columnDirection: scaled(source.columnDirection, -1),
      sliceDirection: scaled(source.sliceDirection, -1),
    };
    expect(Array.from(labelVolumeOnSource(volumeOn(flipped), series.images)[0])).toEqual(Array.from(expectedOnSource()));
  });

  it('takes a volume with its axes in another order', () => {
    const swapped: VoxelGrid = {
      ...source,
      columns: source.rows,
      rows: source.columns,
      spacing: [source.spacing[1], source.spacing[0], source.spacing[2]],
      rowDirection: source.columnDirection,
      columnDirection: source.rowDirection,
      sliceDirection: scaled(source.sliceDirection, -1),
      origin: plus(source.origin, scaled(source.sliceDirection, (source.slices - 1) * source.spacing[2])),
    };
    expect(placeVolumeOnSource(swapped, series.images).axes.map((a) => [a.sourceAxis, a.direction])).toEqual([[1, 1], [0, 1], [2, -1]]);
    expect(Array.from(labelVolumeOnSource(volumeOn(swapped), series.images)[0])).toEqual(Array.from(expectedOnSource()));
  });

  it('takes a volume cropped to part of the series (as 3D Slicer saves a .seg.nrrd)', () => {
    const cropped: VoxelGrid = { ...source, columns: 2, rows: 3, slices: 2, origin: voxelToPatient(source, 1, 2, 3) };
    const [layer] = labelVolumeOnSource(volumeOn(cropped), series.images);
    expect(Array.from(layer)).toEqual(Array.from(expectedOnSource((c, r, k) => c >= 1 && c <= 2 && r >= 2 && r <= 4 && k >= 3 && k <= 4)));
  });

  it('maps every layer, keeping each layer’s array type', () => {
    const { grid, labels } = volumeOn(source);
    const second = Int32Array.from(labels, (v) => v % 3);
    const layers = labelVolumeOnSource({ grid, labels, layers: [labels, second] }, series.images);
    expect(layers).toHaveLength(2);
    expect(layers[1]).toBeInstanceOf(Int32Array);
    expect(Array.from(layers[1])).toEqual(Array.from(expectedOnSource(), (v) => v % 3));
  });

  it.each<[string, VoxelGrid, string, RegExp]>([
    ['another slice spacing', { ...source, spacing: [source.spacing[0], source.spacing[1], 2.5] }, 'volume.grid.spacing', /slices \(k\) are 2\.5 mm apart, the source series' voxels 2 mm along its slice normal/],
    ['a shift by half a voxel', { ...source, origin: plus(source.origin, [0.35, 0, 0]) }, 'volume.grid.origin', /0\.35 mm off the source series' voxel centres along its row direction/],
    ['a rotation of 5°', { ...source, rowDirection: [Math.cos(0.087), Math.sin(0.087), 0], columnDirection: [-Math.sin(0.087), Math.cos(0.087), 0] }, 'volume.grid.rowDirection', /runs along none of the source series' axes/],
    ['a volume reaching past the last slice', { ...source, slices: 7 }, 'volume.grid', /7 slices \(k\) cover source indices 0\.\.6 along the slice normal, where the source series has 0\.\.5/],
    ['a volume starting before the first row', { ...source, origin: plus(source.origin, scaled(source.columnDirection, -source.spacing[1])) }, 'volume.grid', /rows \(j\) cover source indices -1\.\.3/],
  ])('refuses %s with a GeometryMismatchError', (_, grid, path, message) => {
    let error: unknown;
    try {
      labelVolumeOnSource(volumeOn(grid), series.images);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GeometryMismatchError);
    expect((error as GeometryMismatchError).attributePath).toBe(path);
    expect((error as GeometryMismatchError).reason).toMatch(message);
  });

  it('names the volume in the attribute path when asked', () => {
    expect(() => labelVolumeOnSource(volumeOn({ ...source, slices: 7 }), series.images, 'chen.nrrd')).toThrow(/^chen\.nrrd\.grid: /);
  });

  it('refuses a label on a slice the series lacks, and accepts the gap when it is empty', () => {
    const gapped = series.images.filter((_, n) => n !== 2); // input slice 2 is grid slice 3
    const full = volumeOn(source);
    expect(() => labelVolumeOnSource(full, gapped)).toThrow(/volume\.layers\[0\]: voxel \(0, 0, 3\) has label \d+ on a slice the source series lacks/);
    const empty = Uint16Array.from(full.labels, (v, n) => (Math.floor(n / (source.rows * source.columns)) === 3 ? 0 : v));
    const [layer] = labelVolumeOnSource({ grid: source, labels: empty }, gapped);
    expect(layer).toHaveLength(source.rows * source.columns * 5);
  });
});
