// NRRD label volumes round-trip through a tiny writer (nrrd.fixture.ts): every sample type, byte
// order and encoding, RAS → LPS, anisotropic and oblique grids, Slicer's multi-layer .seg.nrrd,
// and the malformed headers people actually produce, each a LabelVolumeError naming the field.
import { gzipSync } from 'node:zlib';
import { voxelToPatient } from '../VoxelGrid';
import { LabelVolumeError } from './LabelVolumeError';
import { writeNrrd, type NrrdSpec } from './nrrd.fixture';
import { readNrrd } from './readNrrd';
import type { SampleType } from './sampleTypes';

const gzip = (data: Uint8Array): Uint8Array => new Uint8Array(gzipSync(data));

/** 5 × 4 × 3 labels: a value per voxel that encodes its position (i + 5j + 20k) mod 7. */
const SIZES = [5, 4, 3];
const VALUES = Array.from({ length: 60 }, (_, n) => n % 7);

const LPS: NrrdSpec = {
  typeName: 'short',
  sampleType: 'int16',
  sizes: SIZES,
  space: 'left-posterior-superior',
  directions: [[0.7, 0, 0], [0, 0.8, 0], [0, 0, 2.5]],
  origin: [-10, 20.5, -177.75],
  kinds: ['domain', 'domain', 'domain'],
  endian: 'little',
};

function readError(bytes: Uint8Array): LabelVolumeError {
  try {
    readNrrd(bytes);
  } catch (error) {
    if (error instanceof LabelVolumeError) return error;
    throw error;
  }
  throw new Error('expected a LabelVolumeError');
}

describe('readNrrd: geometry', () => {
  test('an LPS volume keeps its axes: axis 0 → i (columns), 1 → j (rows), 2 → k (slices)', () => {
    const volume = readNrrd(writeNrrd(LPS, VALUES));
    expect(volume.grid).toEqual({
      columns: 5, rows: 4, slices: 3,
      spacing: [0.7, 0.8, 2.5],
      origin: [-10, 20.5, -177.75],
      rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
    });
    expect(Array.from(volume.labels)).toEqual(VALUES);
    expect(volume.labels).toBeInstanceOf(Int16Array);
    expect(volume.layers).toBeUndefined();
    expect(volume.segments).toBeUndefined();
  });

  test('a RAS volume is converted to LPS: x and y of the directions and the origin change sign', () => {
    const ras = readNrrd(writeNrrd({ ...LPS, space: 'right-anterior-superior', directions: [[-0.7, 0, 0], [0, -0.8, 0], [0, 0, 2.5]], origin: [10, -20.5, -177.75] }, VALUES));
    const lps = readNrrd(writeNrrd(LPS, VALUES));
    expect(ras).toEqual(lps);
    // Abbreviated space names, as some writers use them.
    expect(readNrrd(writeNrrd({ ...LPS, space: 'RAS', directions: [[-0.7, 0, 0], [0, -0.8, 0], [0, 0, 2.5]], origin: [10, -20.5, -177.75] }, VALUES))).toEqual(lps);
  });

  test('an oblique, anisotropic grid: spacing is the length of each direction, directions are unit vectors', () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const volume = readNrrd(writeNrrd({ ...LPS, directions: [[0.5 * c, 0.5 * s, 0], [-0.9 * s, 0.9 * c, 0], [0, 0, 3]] }, VALUES));
    expect(volume.grid.spacing[0]).toBeCloseTo(0.5, 12);
    expect(volume.grid.spacing[1]).toBeCloseTo(0.9, 12);
    expect(volume.grid.spacing[2]).toBeCloseTo(3, 12);
    volume.grid.rowDirection.forEach((x, a) => expect(x).toBeCloseTo([c, s, 0][a], 12));
    volume.grid.columnDirection.forEach((x, a) => expect(x).toBeCloseTo([-s, c, 0][a], 12));
    // Voxel (4, 3, 2)'s centre: origin + 4·0.5·u + 3·0.9·v + 2·3·w.
    const p = voxelToPatient(volume.grid, 4, 3, 2);
    expect(p[0]).toBeCloseTo(-10 + 2 * c - 2.7 * s, 10);
    expect(p[1]).toBeCloseTo(20.5 + 2 * s + 2.7 * c, 10);
    expect(p[2]).toBeCloseTo(-177.75 + 6, 10);
  });

  test('a left-handed volume (slices stacked against row × column) has its slices reversed: same voxels, same places', () => {
    const spec: NrrdSpec = { ...LPS, directions: [[0.7, 0, 0], [0, 0.8, 0], [0, 0, -2.5]] };
    const volume = readNrrd(writeNrrd(spec, VALUES));
    expect(volume.grid.sliceDirection).toEqual([0, 0, 1]);
    expect(volume.grid.origin).toEqual([-10, 20.5, -182.75]);
    for (let k = 0; k < 3; k++)
      for (let j = 0; j < 4; j++)
        for (let i = 0; i < 5; i++) {
          const fileValue = VALUES[i + 5 * (j + 4 * k)];
          const filePosition = [-10 + 0.7 * i, 20.5 + 0.8 * j, -177.75 - 2.5 * k];
          const kk = 2 - k;
          expect(volume.labels[i + 5 * (j + 4 * kk)]).toBe(fileValue);
          voxelToPatient(volume.grid, i, j, kk).forEach((x, a) => expect(x).toBeCloseTo(filePosition[a], 10));
        }
  });

  test('without a space, spacings give an axis-aligned grid at the origin', () => {
    const volume = readNrrd(writeNrrd({ typeName: 'uchar', sampleType: 'uint8', sizes: SIZES, spacings: [1, 1.5, 3], encoding: 'raw' }, VALUES));
    expect(volume.grid).toMatchObject({ spacing: [1, 1.5, 3], origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1] });
  });
});

describe('readNrrd: samples', () => {
  const cases: Array<[string, SampleType, string, number[]]> = [
    ['signed char', 'int8', 'Int16Array', [0, 1, -3, 127]],
    ['unsigned char', 'uint8', 'Uint8Array', [0, 1, 255, 7]],
    ['short', 'int16', 'Int16Array', [0, 1, -2, 32767]],
    ['ushort', 'uint16', 'Uint16Array', [0, 1, 65535, 300]],
    ['int', 'int32', 'Int32Array', [0, 1, -70000, 2 ** 31 - 1]],
    ['unsigned int', 'uint32', 'Uint32Array', [0, 1, 2 ** 32 - 1, 70000]],
    ['long long', 'int64', 'Int32Array', [0, 1, -5, 2 ** 31 - 1]],
    ['uint64', 'uint64', 'Uint32Array', [0, 1, 5, 2 ** 32 - 1]],
    ['float', 'float32', 'Int32Array', [0, 1, 2, 40]],
    ['double', 'float64', 'Int32Array', [0, 1, 2, 1000000]],
  ];
  const values = (sample: number[]): number[] => VALUES.map((v, n) => (n < 4 ? sample[n] : v));

  test.each(cases)('type "%s" (%s) reads into an %s with the same values, both byte orders, raw and gzip', (typeName, sampleType, arrayName, sample) => {
    for (const endian of ['little', 'big'] as const)
      for (const encoding of ['raw', 'gzip'] as const) {
        const volume = readNrrd(writeNrrd({ ...LPS, typeName, sampleType, endian, encoding }, values(sample), gzip));
        expect(volume.labels.constructor.name).toBe(arrayName);
        expect(Array.from(volume.labels)).toEqual(values(sample));
      }
  });

  test('ascii data, CR LF line endings, byte skip and line skip', () => {
    expect(Array.from(readNrrd(writeNrrd({ ...LPS, encoding: 'ascii', endian: undefined, lineEnding: '\r\n' }, VALUES)).labels)).toEqual(VALUES);
    const padding = new TextEncoder().encode('skip me\nand me\nXYZ');
    const skipped = writeNrrd({ ...LPS, padding, extraFields: { 'line skip': '2', 'byte skip': '3' } }, VALUES);
    expect(Array.from(readNrrd(skipped).labels)).toEqual(VALUES);
    const fromEnd = writeNrrd({ ...LPS, padding: new Uint8Array(11), extraFields: { 'byte skip': '-1' } }, VALUES);
    expect(Array.from(readNrrd(fromEnd).labels)).toEqual(VALUES);
  });

  test('with gzip, byte skip counts decompressed bytes', () => {
    const skip = Uint8Array.of(9, 9, 9, 9, 9);
    const gzipWithSkip = (data: Uint8Array): Uint8Array => gzip(Uint8Array.from([...skip, ...data]));
    const bytes = writeNrrd({ ...LPS, encoding: 'gzip', extraFields: { 'byte skip': '5' } }, VALUES, gzipWithSkip);
    expect(Array.from(readNrrd(bytes).labels)).toEqual(VALUES);
  });

  test('float samples that are not integers are not labels', () => {
    const error = readError(writeNrrd({ ...LPS, typeName: 'float', sampleType: 'float32' }, VALUES.map((v, n) => (n === 9 ? 0.5 : v))));
    expect(error).toMatchObject({ field: 'nrrd.type' });
    expect(error.reason).toMatch(/sample 9 is 0.5/);
  });
});

describe('readNrrd: 4-dimensional files', () => {
  // Slicer .seg.nrrd with two layers: "kinds: list domain domain domain", layer varying fastest.
  const layer0 = VALUES.map((v) => (v === 1 || v === 2 ? v : 0));
  const layer1 = VALUES.map((_, n) => (n % 5 === 0 ? 1 : 0));
  const interleaved = VALUES.flatMap((_, n) => [layer0[n], layer1[n]]);
  const slicerHeader = {
    Segment0_ID: 'Segment_1', Segment0_LabelValue: '1', Segment0_Layer: '0', Segment0_Name: 'right lung',
    Segment0_Tags: 'Segmentation.Status:inprogress|TerminologyEntry:Segmentation category and type - 3D Slicer General Anatomy list~SCT^123037004^Anatomical Structure~SCT^39607008^Lung~SCT^24028007^Right~Anatomic codes - DICOM master list~^^~^^|',
    Segment1_ID: 'Segment_2', Segment1_LabelValue: '2', Segment1_Layer: '0', Segment1_Name: 'left lung',
    Segment1_Terminology: 'Segmentation category and type - 3D Slicer General Anatomy list~SCT^123037004^Anatomical Structure~SCT^39607008^Lung~SCT^7771000^Left~Anatomic codes - DICOM master list~^^~^^',
    Segment2_ID: 'Segment_3', Segment2_LabelValue: '1', Segment2_Layer: '1', Segment2_Name: 'Überlappung',
  };

  test("Slicer's multi-layer .seg.nrrd: layers de-interleaved, segments with layer, value, name and codes", () => {
    const spec: NrrdSpec = {
      ...LPS, typeName: 'unsigned char', sampleType: 'uint8', endian: undefined, encoding: 'gzip',
      sizes: [2, ...SIZES], directions: [null, ...LPS.directions!], kinds: ['list', 'domain', 'domain', 'domain'], keyValues: slicerHeader,
    };
    const volume = readNrrd(writeNrrd(spec, interleaved, gzip));
    expect(volume.grid).toEqual(readNrrd(writeNrrd(LPS, VALUES)).grid);
    expect(volume.layers).toHaveLength(2);
    expect(volume.layers![0]).toBe(volume.labels);
    expect(Array.from(volume.layers![0])).toEqual(layer0);
    expect(Array.from(volume.layers![1])).toEqual(layer1);
    expect(volume.segments).toEqual([
      { layer: 0, labelValue: 1, name: 'right lung', category: { scheme: 'SCT', value: '123037004', meaning: 'Anatomical Structure' }, type: { scheme: 'SCT', value: '39607008', meaning: 'Lung' }, typeModifier: { scheme: 'SCT', value: '24028007', meaning: 'Right' } },
      { layer: 0, labelValue: 2, name: 'left lung', category: { scheme: 'SCT', value: '123037004', meaning: 'Anatomical Structure' }, type: { scheme: 'SCT', value: '39607008', meaning: 'Lung' }, typeModifier: { scheme: 'SCT', value: '7771000', meaning: 'Left' } },
      { layer: 1, labelValue: 1, name: 'Überlappung' },
    ]);
  });

  test('a layer axis last (planar layers) and a size-1 list axis read the same voxels', () => {
    const planar: NrrdSpec = { ...LPS, sizes: [...SIZES, 2], directions: [...LPS.directions!, null], kinds: ['domain', 'domain', 'domain', 'list'] };
    const volume = readNrrd(writeNrrd(planar, [...layer0, ...layer1]));
    expect(Array.from(volume.layers![1])).toEqual(layer1);
    const single: NrrdSpec = { ...LPS, sizes: [1, ...SIZES], directions: [null, ...LPS.directions!], kinds: ['list', 'domain', 'domain', 'domain'] };
    const one = readNrrd(writeNrrd(single, VALUES));
    expect(one.layers).toBeUndefined();
    expect(Array.from(one.labels)).toEqual(VALUES);
  });

  test('without a space, the list axis comes from kinds and its spacing (nan) is ignored', () => {
    const spec: NrrdSpec = { typeName: 'uchar', sampleType: 'uint8', sizes: [2, ...SIZES], spacings: [NaN, 1, 1.5, 3], kinds: ['list', 'domain', 'domain', 'domain'] };
    const volume = readNrrd(writeNrrd(spec, interleaved));
    expect(volume.grid.spacing).toEqual([1, 1.5, 3]);
    expect(Array.from(volume.layers![1])).toEqual(layer1);
    expect(readError(writeNrrd({ ...spec, kinds: undefined }, interleaved))).toMatchObject({ field: 'nrrd.kinds' });
  });

  test('Slicer segments before 4.11 (no _Layer/_LabelValue): segment N is layer N, value 1', () => {
    const spec: NrrdSpec = {
      ...LPS, typeName: 'unsigned char', sampleType: 'uint8', endian: undefined,
      sizes: [2, ...SIZES], directions: [null, ...LPS.directions!], kinds: ['list', 'domain', 'domain', 'domain'],
      keyValues: { Segment0_Name: 'a', Segment1_Name: 'b' },
    };
    const volume = readNrrd(writeNrrd(spec, interleaved.map((v) => (v ? 1 : 0))));
    expect(volume.segments).toEqual([{ layer: 0, labelValue: 1, name: 'a' }, { layer: 1, labelValue: 1, name: 'b' }]);
  });
});

describe('readNrrd: malformed files are LabelVolumeErrors naming the field', () => {
  const valid = writeNrrd(LPS, VALUES);
  const replace = (from: string, to: string): Uint8Array => {
    const text = Buffer.from(valid).toString('latin1');
    expect(text).toContain(from);
    return new Uint8Array(Buffer.from(text.replace(from, to), 'latin1'));
  };

  test.each([
    ['not NRRD', new TextEncoder().encode('P5\n5 4\n255\n'), 'nrrd.magic'],
    ['missing type', () => replace('type: short\n', ''), 'nrrd.type'],
    ['a block type', () => replace('type: short', 'type: block'), 'nrrd.type'],
    ['dimension 2', () => replace('dimension: 3', 'dimension: 2'), 'nrrd.dimension'],
    ['sizes not matching the dimension', () => replace('sizes: 5 4 3', 'sizes: 5 4'), 'nrrd.sizes'],
    ['a zero size', () => replace('sizes: 5 4 3', 'sizes: 5 0 3'), 'nrrd.sizes'],
    ['a scanner space', () => replace('space: left-posterior-superior', 'space: scanner-xyz'), 'nrrd.space'],
    ['an unnamed space', () => replace('space: left-posterior-superior', 'space dimension: 3'), 'nrrd.space dimension'],
    ['a sheared grid', () => replace('(0,0.8,0)', '(0.2,0.8,0)'), 'nrrd.space directions'],
    ['a zero direction', () => replace('(0,0,2.5)', '(0,0,0)'), 'nrrd.space directions'],
    ['a malformed vector', () => replace('(0,0,2.5)', '(0,0)'), 'nrrd.space directions'],
    ['a non-finite origin', () => replace('(-10,20.5,-177.75)', '(nan,20.5,-177.75)'), 'nrrd.space origin'],
    ['detached data', () => replace('encoding: raw', 'encoding: raw\ndata file: label.raw'), 'nrrd.data file'],
    ['bzip2 encoding', () => replace('encoding: raw', 'encoding: bzip2'), 'nrrd.encoding'],
    ['no endian for 16-bit samples', () => replace('endian: little\n', ''), 'nrrd.endian'],
    ['a field given twice', () => replace('kinds: domain domain domain', 'kinds: domain domain domain\nkinds: domain domain domain'), 'nrrd.kinds'],
    ['a line that is not a field', () => replace('kinds: domain domain domain', 'kinds domain'), 'nrrd.header'],
    ['truncated raw data', () => valid.subarray(0, valid.length - 1), 'nrrd.sizes'],
    ['sizes beyond the voxel limit', () => replace('sizes: 5 4 3', 'sizes: 100000 100000 100000'), 'nrrd.sizes'],
  ])('%s', (_, input, field) => {
    expect(readError(typeof input === 'function' ? input() : input)).toMatchObject({ field });
  });

  test('gzip data: truncated, corrupt, or declaring more than it could hold — checked before allocating', () => {
    const gz = writeNrrd({ ...LPS, encoding: 'gzip' }, VALUES, gzip);
    expect(readError(gz.subarray(0, gz.length - 10))).toMatchObject({ field: 'nrrd.encoding' });
    const corrupt = gz.slice();
    corrupt[corrupt.length - 6] ^= 0xff; // inside the CRC32
    expect(readError(corrupt)).toMatchObject({ field: 'nrrd.encoding' });
    // 512 × 512 × 2000 int16 = 1 GB from a few dozen compressed bytes: refused by the 1032:1 bound.
    const text = Buffer.from(gz).toString('latin1').replace('sizes: 5 4 3', 'sizes: 512 512 2000');
    expect(readError(new Uint8Array(Buffer.from(text, 'latin1')))).toMatchObject({ field: 'nrrd.sizes', reason: expect.stringMatching(/compressed bytes can hold/) });
    // Fewer bytes than declared, but a valid stream.
    const short = Buffer.from(gz).toString('latin1').replace('sizes: 5 4 3', 'sizes: 5 4 4');
    expect(readError(new Uint8Array(Buffer.from(short, 'latin1')))).toMatchObject({ field: 'nrrd.sizes' });
  });

  test('a Slicer segment in a layer that does not exist', () => {
    const bytes = writeNrrd({ ...LPS, keyValues: { Segment0_Layer: '3', Segment0_Name: 'x' } }, VALUES);
    expect(readError(bytes)).toMatchObject({ field: 'nrrd.Segment0_Layer' });
    expect(readError(writeNrrd({ ...LPS, keyValues: { Segment0_LabelValue: '0' } }, VALUES))).toMatchObject({ field: 'nrrd.Segment0_LabelValue' });
  });

  test('500 seeded mutants (byte flips, truncations) of raw and gzip files: a volume or a LabelVolumeError, nothing else', () => {
    let seed = 1234;
    const random = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const sources = [valid, writeNrrd({ ...LPS, encoding: 'gzip' }, VALUES, gzip)];
    let errors = 0;
    for (let n = 0; n < 500; n++) {
      const source = sources[n % 2];
      let mutant = source.slice();
      if (random() < 0.3) mutant = mutant.subarray(0, Math.floor(random() * mutant.length));
      else for (let f = 0; f < 1 + Math.floor(random() * 3); f++) mutant[Math.floor(random() * mutant.length)] = Math.floor(random() * 256);
      try {
        const volume = readNrrd(mutant);
        expect(volume.labels.length).toBe(volume.grid.columns * volume.grid.rows * volume.grid.slices);
      } catch (error) {
        expect(error).toBeInstanceOf(LabelVolumeError);
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(100);
  });
});
