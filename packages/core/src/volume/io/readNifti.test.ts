// NIfTI label volumes round-trip through a tiny writer (nifti.fixture.ts). Geometry is checked
// against hand-computed patient positions: RAS → LPS (x, y negated), sform over qform, the
// quaternion of a 30° rotation, qfac = -1 (slices reversed to VoxelGrid's convention), pixdim
// alone. Values chosen exactly representable in float32 so NIfTI-1 and NRRD agree bit for bit.
import { gunzipSync, gzipSync } from 'node:zlib';
import { voxelToPatient } from '../VoxelGrid';
import { LabelVolumeError } from './LabelVolumeError';
import { writeNifti, type NiftiSpec } from './nifti.fixture';
import { writeNrrd } from './nrrd.fixture';
import { readNifti } from './readNifti';
import { readNrrd } from './readNrrd';

const gz = (bytes: Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes));
const VALUES = Array.from({ length: 60 }, (_, n) => n % 7);

/** 5 × 4 × 3, sform in RAS: i goes to the patient's left (RAS −x), j posterior (RAS −y). */
const SFORM: NiftiSpec = {
  sizes: [5, 4, 3],
  datatype: 4,
  sampleType: 'int16',
  pixdim: [1, 0.75, 0.5, 2.5],
  sformCode: 1,
  srow: [[-0.75, 0, 0, 10], [0, -0.5, 0, -20.5], [0, 0, 2.5, -177.75]],
};

function readError(bytes: Uint8Array): LabelVolumeError {
  try {
    readNifti(bytes);
  } catch (error) {
    if (error instanceof LabelVolumeError) return error;
    throw error;
  }
  throw new Error('expected a LabelVolumeError');
}

function expectPositions(volume: ReturnType<typeof readNifti>, filePosition: (i: number, j: number, k: number) => number[], reversed = false): void {
  const { grid } = volume;
  for (let k = 0; k < grid.slices; k++)
    for (let j = 0; j < grid.rows; j++)
      for (let i = 0; i < grid.columns; i++) {
        const kk = reversed ? grid.slices - 1 - k : k;
        expect(volume.labels[i + grid.columns * (j + grid.rows * kk)]).toBe(VALUES[i + 5 * (j + 4 * k)]);
        const expected = filePosition(i, j, k);
        voxelToPatient(grid, i, j, kk).forEach((x, a) => expect(x).toBeCloseTo(expected[a], 5));
      }
}

describe('readNifti: geometry', () => {
  test('the sform in RAS becomes an LPS grid: the same grid and voxels as the equivalent LPS NRRD', () => {
    const nifti = readNifti(writeNifti(SFORM, VALUES));
    const nrrd = readNrrd(writeNrrd({ typeName: 'short', sampleType: 'int16', sizes: [5, 4, 3], space: 'left-posterior-superior', directions: [[0.75, 0, 0], [0, 0.5, 0], [0, 0, 2.5]], origin: [-10, 20.5, -177.75], endian: 'little' }, VALUES));
    expect(nifti).toEqual(nrrd);
    expect(nifti.grid.rowDirection).toEqual([1, 0, 0]);
  });

  test('the qform quaternion of a 30° rotation about z, with offsets', () => {
    const half = Math.PI / 12;
    const spec: NiftiSpec = { ...SFORM, sformCode: 0, qformCode: 1, quatern: [0, 0, Math.sin(half)], qoffset: [4, -8, 16] };
    const volume = readNifti(writeNifti(spec, VALUES));
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    // RAS position R·(0.75 i, 0.5 j, 2.5 k) + offset, then x and y negated.
    expectPositions(volume, (i, j, k) => [-(c * 0.75 * i - s * 0.5 * j + 4), -(s * 0.75 * i + c * 0.5 * j - 8), 2.5 * k + 16]);
    volume.grid.spacing.forEach((x, a) => expect(x).toBeCloseTo([0.75, 0.5, 2.5][a], 6));
  });

  test('qfac = -1 (pixdim[0]) flips the third axis; slices are reversed so k runs along row × column', () => {
    const spec: NiftiSpec = { ...SFORM, pixdim: [-1, 0.75, 0.5, 2.5], sformCode: 0, qformCode: 1, quatern: [0, 0, 0], qoffset: [4, -8, 16] };
    const volume = readNifti(writeNifti(spec, VALUES));
    // Identity rotation in RAS: i → +x (LPS −x), j → +y (LPS −y), k → −z because of qfac.
    expect(volume.grid.sliceDirection).toEqual([0, 0, 1]);
    expectPositions(volume, (i, j, k) => [-(0.75 * i + 4), -(0.5 * j - 8), -2.5 * k + 16], true);
  });

  test('sform is preferred to qform; a sheared sform gives way to the qform; neither gives pixdim scaling', () => {
    const both: NiftiSpec = { ...SFORM, qformCode: 1, quatern: [0, 0, 1], qoffset: [0, 0, 0] };
    expect(readNifti(writeNifti(both, VALUES)).grid.origin).toEqual([-10, 20.5, -177.75]);
    const sheared: NiftiSpec = { ...both, srow: [[-0.75, 0.25, 0, 10], [0, -0.5, 0, -20.5], [0, 0, 2.5, -177.75]] };
    // quaternion (0, 0, 1): 180° about z, so RAS i → −x, j → −y: LPS +x, +y.
    expect(readNifti(writeNifti(sheared, VALUES)).grid).toMatchObject({ origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0] });
    expect(readError(writeNifti({ ...sheared, qformCode: 0 }, VALUES))).toMatchObject({ field: 'nifti.srow_x/y/z' });
    const neither = readNifti(writeNifti({ ...SFORM, sformCode: 0 }, VALUES));
    expect(neither.grid).toMatchObject({ spacing: [0.75, 0.5, 2.5], origin: [0, 0, 0], rowDirection: [-1, 0, 0], columnDirection: [0, -1, 0], sliceDirection: [0, 0, 1] });
  });

  test('a 2-dimensional file is one slice', () => {
    const volume = readNifti(writeNifti({ ...SFORM, sizes: [5, 12] }, VALUES));
    expect([volume.grid.columns, volume.grid.rows, volume.grid.slices]).toEqual([5, 12, 1]);
  });
});

describe('readNifti: samples and containers', () => {
  test.each([
    [2, 'uint8', 'Uint8Array'],
    [4, 'int16', 'Int16Array'],
    [8, 'int32', 'Int32Array'],
    [16, 'float32', 'Int32Array'],
    [64, 'float64', 'Int32Array'],
    [256, 'int8', 'Int16Array'],
    [512, 'uint16', 'Uint16Array'],
    [768, 'uint32', 'Uint32Array'],
    [1024, 'int64', 'Int32Array'],
    [1280, 'uint64', 'Uint32Array'],
  ] as const)('datatype %d (%s) → %s; NIfTI-1 and -2, both byte orders, .nii and .nii.gz', (datatype, sampleType, arrayName) => {
    const reference = readNifti(writeNifti(SFORM, VALUES));
    for (const version of [1, 2] as const)
      for (const littleEndian of [true, false])
        for (const zip of [false, true]) {
          const bytes = writeNifti({ ...SFORM, version, littleEndian, datatype, sampleType }, VALUES);
          const volume = readNifti(zip ? gz(bytes) : bytes);
          expect(volume.labels.constructor.name).toBe(arrayName);
          expect(Array.from(volume.labels)).toEqual(VALUES);
          expect(volume.grid).toEqual(reference.grid);
        }
  });

  test('scl_slope and scl_inter do not change labels', () => {
    expect(Array.from(readNifti(writeNifti({ ...SFORM, sclSlope: 2, sclInter: 5 }, VALUES)).labels)).toEqual(VALUES);
  });

  test('vox_offset past the header (extensions in between) is honoured', () => {
    expect(Array.from(readNifti(gz(writeNifti({ ...SFORM, voxOffset: 1000 }, VALUES))).labels)).toEqual(VALUES);
  });
});

describe('readNifti: malformed files are LabelVolumeErrors naming the field', () => {
  const valid = writeNifti(SFORM, VALUES);
  const patched = (patch: (view: DataView) => void, base = valid): Uint8Array => {
    const copy = base.slice();
    patch(new DataView(copy.buffer));
    return copy;
  };

  test.each([
    ['a file shorter than its header', () => valid.subarray(0, 200), 'nifti.sizeof_hdr'],
    ['sizeof_hdr neither 348 nor 540', () => patched((v) => v.setInt32(0, 349, true)), 'nifti.sizeof_hdr'],
    ['empty input', () => new Uint8Array(0), 'nifti.sizeof_hdr'],
    ['an .hdr/.img pair', () => writeNifti({ ...SFORM, magic: 'ni1\0' }, VALUES), 'nifti.magic'],
    ['no magic (ANALYZE 7.5)', () => writeNifti({ ...SFORM, magic: '\0\0\0\0' }, VALUES), 'nifti.magic'],
    ['an RGB datatype', () => patched((v) => v.setInt16(70, 128, true)), 'nifti.datatype'],
    ['dim[0] = 9', () => patched((v) => v.setInt16(40, 9, true)), 'nifti.dim[0]'],
    ['a zero size', () => patched((v) => v.setInt16(44, 0, true)), 'nifti.dim[2]'],
    ['a time series', () => writeNifti({ ...SFORM, sizes: [5, 4, 1, 3] }, VALUES), 'nifti.dim[4]'],
    ['32767³ voxels', () => patched((v) => [42, 44, 46].forEach((at) => v.setInt16(at, 32767, true))), 'nifti.dim'],
    ['vox_offset inside the header', () => patched((v) => v.setFloat32(108, 300, true)), 'nifti.vox_offset'],
    ['vox_offset not an integer', () => patched((v) => v.setFloat32(108, 352.5, true)), 'nifti.vox_offset'],
    ['truncated voxel data', () => valid.subarray(0, valid.length - 1), 'nifti.dim'],
    ['a fractional float label', () => writeNifti({ ...SFORM, datatype: 16, sampleType: 'float32' }, VALUES.map((x, n) => (n === 3 ? 1.5 : x))), 'nifti.datatype'],
    ['a zero voxel size in the qform', () => writeNifti({ ...SFORM, sformCode: 0, qformCode: 1, pixdim: [1, 0, 0.5, 2.5] }, VALUES), 'nifti.pixdim[1]'],
  ])('%s', (_, input, field) => {
    expect(readError(input())).toMatchObject({ field });
  });

  test('NIfTI-2 sizes near 2^40 are refused before allocating', () => {
    const bytes = writeNifti({ ...SFORM, version: 2 }, VALUES);
    const view = new DataView(bytes.buffer);
    [24, 32, 40].forEach((at) => view.setBigInt64(at, 2n ** 14n, true));
    expect(readError(bytes)).toMatchObject({ field: 'nifti.dim', reason: expect.stringMatching(/exceeds the limit/) });
    view.setBigInt64(24, 2n ** 62n, true);
    expect(readError(bytes)).toMatchObject({ field: 'nifti.dim[1]' });
  });

  test('.nii.gz: truncated, corrupt, or declaring more voxels than the compressed bytes could hold', () => {
    const compressed = gz(valid);
    expect(readError(compressed.subarray(0, compressed.length - 12))).toMatchObject({ field: 'nifti.gzip' });
    expect(readError(compressed.subarray(0, 15))).toMatchObject({ field: 'nifti.gzip' });
    const corrupt = compressed.slice();
    corrupt[corrupt.length - 7] ^= 0x40;
    expect(readError(corrupt)).toMatchObject({ field: 'nifti.gzip' });
    // 1000 × 1000 × 1000 uint8 declared by a ~100-byte file: refused by the 1032:1 bound.
    const huge = gz(patched((v) => [42, 44, 46].forEach((at) => v.setInt16(at, 1000, true))));
    expect(readError(huge)).toMatchObject({ field: 'nifti.dim', reason: expect.stringMatching(/gzip bytes can hold/) });
    // A valid stream with fewer voxels than declared.
    expect(readError(gz(valid.subarray(0, valid.length - 2)))).toMatchObject({ field: 'nifti.dim' });
  });

  test('600 seeded mutants (byte flips, truncations) of .nii and .nii.gz: a volume or a LabelVolumeError, nothing else', () => {
    let seed = 99;
    const random = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const sources = [valid, gz(valid), writeNifti({ ...SFORM, version: 2, qformCode: 1, quatern: [0.1, 0.2, 0.3] }, VALUES)];
    let errors = 0;
    for (let n = 0; n < 600; n++) {
      const source = sources[n % 3];
      let mutant = source.slice();
      if (random() < 0.25) mutant = mutant.subarray(0, Math.floor(random() * mutant.length));
      // Flips land in the header half the time: that is where the interesting failures are.
      else for (let f = 0; f < 1 + Math.floor(random() * 3); f++) mutant[Math.floor(random() * (random() < 0.5 ? 352 : mutant.length))] = Math.floor(random() * 256);
      try {
        const volume = readNifti(mutant);
        expect(volume.labels.length).toBe(volume.grid.columns * volume.grid.rows * volume.grid.slices);
      } catch (error) {
        if (!(error instanceof LabelVolumeError)) throw error;
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(100);
  });
});

describe('readNifti: a file written by nibabel (an independent writer)', () => {
  // nibabel 5.0.0 (Debian python3-nibabel), 167 bytes: Nifti1Image of int16 labels
  // data[i, j, k] = (1 + i + 4j + 12k) % 20, shape 4 × 3 × 2, affine R(20° about z) · diag(0.75,
  // 1.25, -3) + (12.5, -30.25, 7) — left-handed, so nibabel writes qfac = -1 — saved with
  // set_qform(A, code=1) and set_sform(A, code=1) to oblique.nii.gz. The expected positions are
  // nibabel's `img.affine @ (i, j, k, 1)` with x and y negated (RAS → LPS), printed by that script.
  const NIBABEL_OBLIQUE =
    'H4sIAAAAAAAE/4thZCAKMDOwMDAzMDEwQiGqJhYGAbBAw34GBgd7BoYFQOzgwMDQAKSR8QZnCB9V90DxQH6BgSsXDO0YGDwcGRg+HWRgeOBwLNvEfuqTW/sg8h6On0Ob7c5HTgP6BwRAamDA4QBIPYwHo/O0DcFMRmCYgcKOlYGNgZ2Bg4GTgYuBm4GHgZeBj4EfGGqCDEIMwkCVMHUASzI1DZABAAA=';
  const EXPECTED: Array<[[number, number, number], number, [number, number, number]]> = [
    [[0, 0, 0], 1, [-12.5, 30.25, 7.0]],
    [[3, 0, 0], 4, [-14.614308476448059, 29.48045465350151, 7.0]],
    [[0, 2, 0], 9, [-11.644949615001678, 27.900768518447876, 7.0]],
    [[0, 0, 1], 13, [-12.5, 30.25, 4.0]],
    [[3, 2, 1], 4, [-13.759258091449738, 27.131223171949387, 4.0]],
  ];

  test('every voxel nibabel placed is where nibabel says, with its label (slices reversed: qfac = -1)', () => {
    const volume = readNifti(new Uint8Array(Buffer.from(NIBABEL_OBLIQUE, 'base64')));
    const { grid } = volume;
    expect([grid.columns, grid.rows, grid.slices]).toEqual([4, 3, 2]);
    grid.spacing.forEach((x, a) => expect(x).toBeCloseTo([0.75, 1.25, 3][a], 6));
    for (const [[i, j, k], label, lps] of EXPECTED) {
      const kk = 1 - k; // the file's k runs against row × column
      expect(volume.labels[i + 4 * (j + 3 * kk)]).toBe(label);
      voxelToPatient(grid, i, j, kk).forEach((x, a) => expect(x).toBeCloseTo(lps[a], 4));
    }
  });

  test("nibabel's qform alone (sform_code set to 0) gives the same grid: quaternion and qfac decoded right", () => {
    const bytes = new Uint8Array(gunzipSync(Buffer.from(NIBABEL_OBLIQUE, 'base64')));
    const fromSform = readNifti(bytes);
    new DataView(bytes.buffer, bytes.byteOffset).setInt16(254, 0, true);
    const fromQform = readNifti(bytes);
    expect(fromQform.labels).toEqual(fromSform.labels);
    (['origin', 'spacing', 'rowDirection', 'columnDirection', 'sliceDirection'] as const).forEach((key) =>
      fromQform.grid[key].forEach((x, a) => expect(x).toBeCloseTo(fromSform.grid[key][a], 5)),
    );
  });
});
