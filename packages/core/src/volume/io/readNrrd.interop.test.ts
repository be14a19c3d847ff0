// dcmqi's ground-truth label volumes (tests/data/interop/dcmqi, or $SEGQC_INTEROP_DIR/dcmqi),
// the files the interop SEGs were made from, must read with the geometry their headers state and
// the voxels they hold. Expected voxel counts and index sums were computed once, independently of
// this code, by a 20-line python3 script using only the standard library: gzip.decompress() of the
// bytes after the header's blank line, struct.unpack('<Nh') of the int16 samples, then per non-zero
// value the number of voxels and the sum of their linear indices (file order, axis 0 fastest).
// The index sum pins the voxel order, not just the histogram.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNrrd } from './readNrrd';
import { INTEROP_DIR } from '../../../../../tests/harness/interopCorpus';

const DCMQI = join(INTEROP_DIR, 'dcmqi');
// The corpus is in the repository (tests/data/interop): missing, these tests fail rather than skip (issue 14).
const present = existsSync(DCMQI);

type Vec3 = readonly [number, number, number];
interface Expected {
  sizes: Vec3;
  spacing: Vec3;
  origin: Vec3;
  /** label value → [voxels, sum of linear indices] */
  labels: Record<number, [number, number]>;
}

const CT3: Pick<Expected, 'sizes' | 'spacing'> = { sizes: [512, 512, 3], spacing: [0.810547, 0.810547, 1] };
const SMALL: Pick<Expected, 'spacing' | 'origin'> = { spacing: [0.69999999999999984, 0.69999999999999984, 2.5000000000000004], origin: [46.464900970458984, 5.0188097953796378, -177.75000000000006] };

const EXPECTED: Record<string, Expected> = {
  'liver_seg.nrrd': { ...CT3, origin: [-235.2, -226.8, -128.69], labels: { 1: [107098, 40923841406] } },
  'partial_overlaps-1.nrrd': { ...CT3, origin: [-235.199997, -226.800003, -128.690002], labels: { 1: [9602, 3616084398], 4: [6693, 1218394139], 5: [4713, 883857411] } },
  'partial_overlaps-2.nrrd': { ...CT3, origin: [-235.199997, -226.800003, -128.690002], labels: { 2: [11888, 4656673791] } },
  'partial_overlaps-3.nrrd': { ...CT3, origin: [-235.199997, -226.800003, -128.690002], labels: { 3: [10743, 6891594937] } },
  'sparse_labelmap_noppv_seg.nrrd': { sizes: [24, 38, 3], ...SMALL, labels: { 1: [630, 730440] } },
  'sparse_labelmap_ppv5_seg.nrrd': { sizes: [24, 38, 3], ...SMALL, labels: { 1: [630, 730440], 5: [912, 1247160] } },
  '23x38x3/nrrd/label.nrrd': { sizes: [23, 38, 3], spacing: [0.7, 0.7, 2.5], origin: [46.4649, 5.01881, -177.75], labels: { 1: [322, 360269] } },
};

describe('dcmqi ground-truth NRRDs', () => {
  test('the interop corpus is present', () => {
    expect(present ? DCMQI : `${DCMQI} is missing (tests/data/interop, or SEGQC_INTEROP_DIR)`).toBe(DCMQI);
  });

  test.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    const volume = readNrrd(new Uint8Array(readFileSync(join(DCMQI, file))));
    const { grid } = volume;
    expect([grid.columns, grid.rows, grid.slices]).toEqual(expected.sizes);
    grid.spacing.forEach((s, a) => expect(s).toBeCloseTo(expected.spacing[a], 12));
    grid.origin.forEach((x, a) => expect(x).toBeCloseTo(expected.origin[a], 10));
    // All written in LPS with positive diagonal directions.
    expect([grid.rowDirection, grid.columnDirection, grid.sliceDirection]).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expect(volume.labels).toBeInstanceOf(Int16Array); // "type: short"
    const found: Record<number, [number, number]> = {};
    volume.labels.forEach((value, index) => {
      if (value === 0) return;
      const entry = (found[value] ??= [0, 0]);
      entry[0]++;
      entry[1] += index;
    });
    expect(found).toEqual(expected.labels);
  });
});
