// readNrrdLabelMasks decodes NRRD samples straight into per-label bit masks (issue 16): `segqc
// compare` and `segqc seg` stand on it, so every sample type, byte order, encoding and alignment
// must give exactly the voxels written, and every bad file a LabelVolumeError, never wrong masks.
// Known answers first; then agreement with readNrrd (the label-array reader) on the layouts only
// the multi-layer and text paths have, and on hundreds of damaged files.
import { gzipSync } from 'node:zlib';
import type { BitMask } from '../BitMask';
import { labelMasksFromVolume } from './labelMasksFromVolume';
import type { LabelMasks } from './LabelMasks';
import { LabelVolumeError } from './LabelVolumeError';
import { writeNrrd, type NrrdSpec } from './nrrd.fixture';
import { readNrrd } from './readNrrd';
import { readNrrdLabelMasks } from './readNrrdLabelMasks';
import type { SampleType } from './sampleTypes';

const gzip = (data: Uint8Array): Uint8Array => new Uint8Array(gzipSync(data));

// 40 × 3 × 4 voxels: rows long enough to hold whole 32-bit words of uint8 samples.
const [COLUMNS, ROWS, SLICES] = [40, 3, 4];
const at = (i: number, j: number, k: number): number => i + COLUMNS * (j + ROWS * k);

/**
 * The known volume: label 1 on a run crossing a 32-bit mask word (voxels 26..45 of slice 0, so
 * both the 4-at-once path and its word-boundary fallback are used), label 7 on three scattered
 * voxels, `big` (a value that needs the type's width) on the last voxel.
 */
function knownVolume(big: number): { values: number[]; expected: Map<number, number[]> } {
  const values = new Array<number>(COLUMNS * ROWS * SLICES).fill(0);
  const run = Array.from({ length: 20 }, (_, n) => 26 + n);
  const sevens = [at(0, 0, 1), at(39, 2, 2), at(17, 1, 3)];
  const last = at(39, 2, 3);
  for (const v of run) values[v] = 1;
  for (const v of sevens) values[v] = 7;
  values[last] = big;
  return { values, expected: new Map([[1, run], [7, sevens.sort((a, b) => a - b)], [big, [last]]].sort(([a], [b]) => (a as number) - (b as number)) as Array<[number, number[]]>) };
}

const spec = (sampleType: SampleType, typeName: string, endian: 'little' | 'big', encoding: 'raw' | 'gzip'): NrrdSpec => ({
  typeName, sampleType, sizes: [COLUMNS, ROWS, SLICES], space: 'left-posterior-superior',
  directions: [[0.7, 0, 0], [0, 0.7, 0], [0, 0, 1.25]], origin: [-14, 3.5, -200], kinds: ['domain', 'domain', 'domain'], endian, encoding,
});

const voxelsOf = (masks: LabelMasks, layer = 0): Map<number, number[]> => new Map([...masks.layers[layer]].map(([value, mask]: [number, BitMask]) => [value, Array.from(mask.indices())]));

function readError(bytes: Uint8Array, options = {}): LabelVolumeError {
  try {
    readNrrdLabelMasks(bytes, options);
  } catch (error) {
    if (error instanceof LabelVolumeError) return error;
    throw error;
  }
  throw new Error('expected a LabelVolumeError');
}

describe('readNrrdLabelMasks: known voxels for every label sample type, byte order and encoding', () => {
  const TYPES: Array<[SampleType, string, number]> = [
    ['uint8', 'unsigned char', 255],
    ['int16', 'short', -32768],
    ['uint16', 'ushort', 65535],
    ['int32', 'int', -2147483648],
    ['uint32', 'uint', 4294967295],
  ];
  const cases = TYPES.flatMap(([type, name, big]) =>
    (['little', 'big'] as const).flatMap((endian) => (['raw', 'gzip'] as const).map((encoding) => [type, name, big, endian, encoding] as const)),
  );

  test.each(cases)('%s (%s), largest label %i, %s endian, %s', (type, name, big, endian, encoding) => {
    const { values, expected } = knownVolume(big);
    const masks = readNrrdLabelMasks(writeNrrd(spec(type, name, endian, encoding), values, gzip));
    expect(voxelsOf(masks)).toEqual(expected);
    expect(masks.grid).toMatchObject({ columns: COLUMNS, rows: ROWS, slices: SLICES, spacing: [0.7, 0.7, 1.25], origin: [-14, 3.5, -200] });
    expect(masks.layers).toHaveLength(1);
  });

  test('the data at every offset from a 4-byte boundary (the header length decides it): the same voxels', () => {
    const { values, expected } = knownVolume(200);
    for (const padding of [0, 1, 2, 3, 5]) {
      for (const [type, name] of [['uint8', 'uchar'], ['uint16', 'ushort']] as const) {
        const bytes = writeNrrd({ ...spec(type, name, 'little', 'raw'), extraFields: { 'byte skip': String(padding) }, padding: new Uint8Array(padding) }, values);
        expect(voxelsOf(readNrrdLabelMasks(bytes))).toEqual(expected);
        // The same bytes seen from an odd offset of a larger buffer.
        const shifted = new Uint8Array(bytes.length + 1);
        shifted.set(bytes, 1);
        expect(voxelsOf(readNrrdLabelMasks(shifted.subarray(1)))).toEqual(expected);
      }
    }
  });

  test('slices shorter than a word, at every offset from a 4-byte boundary', () => {
    for (const sizes of [[1, 1, 3], [3, 1, 1], [2, 1, 2]]) {
      const values = [0, 6, 0, 0, 9, 0].slice(0, sizes[0] * sizes[1] * sizes[2]);
      for (const padding of [0, 1, 2, 3]) {
        const bytes = writeNrrd({ ...spec('uint8', 'uchar', 'little', 'raw'), sizes, extraFields: { 'byte skip': String(padding) }, padding: new Uint8Array(padding) }, values);
        const expected = new Map([6, 9].flatMap((value) => (values.includes(value) ? [[value, [values.indexOf(value)]] as [number, number[]]] : [])));
        expect(voxelsOf(readNrrdLabelMasks(bytes))).toEqual(expected);
      }
    }
  });

  test('int8, 64-bit integers and integral floats, which some tools write: the same voxels', () => {
    const { values, expected } = knownVolume(100);
    for (const [type, name] of [['int8', 'int8'], ['int64', 'int64'], ['uint64', 'uint64'], ['float32', 'float'], ['float64', 'double']] as const) {
      expect(voxelsOf(readNrrdLabelMasks(writeNrrd(spec(type, name, 'big', 'gzip'), values, gzip)))).toEqual(expected);
    }
  });

  test('a volume that is all background has no masks; one value everywhere has one full mask', () => {
    const count = COLUMNS * ROWS * SLICES;
    expect(readNrrdLabelMasks(writeNrrd(spec('uint8', 'uchar', 'little', 'raw'), new Array(count).fill(0))).layers[0].size).toBe(0);
    const full = readNrrdLabelMasks(writeNrrd(spec('uint16', 'ushort', 'little', 'gzip'), new Array(count).fill(3), gzip)).layers[0];
    expect([...full.keys()]).toEqual([3]);
    expect(full.get(3)!.count()).toBe(count);
  });
});

describe('readNrrdLabelMasks: the same masks as readNrrd, layout by layout', () => {
  const SIZES = [COLUMNS, ROWS, SLICES];
  const values = Array.from({ length: COLUMNS * ROWS * SLICES }, (_, n) => (n % 11 < 3 ? 0 : n % 5));
  const base = spec('int16', 'short', 'little', 'raw');
  const layered = Array.from({ length: 2 * values.length }, (_, n) => (n % 13 < 4 ? 0 : (n % 3) + 1));
  const layouts: Array<[string, Uint8Array]> = [
    ['left-handed: slices reversed', writeNrrd({ ...base, directions: [[0.7, 0, 0], [0, 0.7, 0], [0, 0, -1.25]] }, values)],
    ['RAS, gzip', writeNrrd({ ...base, space: 'right-anterior-superior', encoding: 'gzip' }, values, gzip)],
    ["Slicer's interleaved layers (list axis first)", writeNrrd({ ...base, sizes: [2, ...SIZES], directions: [null, ...base.directions!], kinds: ['list', 'domain', 'domain', 'domain'] }, layered)],
    ['interleaved layers, left-handed, gzip', writeNrrd({ ...base, encoding: 'gzip', sizes: [2, ...SIZES], directions: [null, [0.7, 0, 0], [0, 0.7, 0], [0, 0, -1.25]], kinds: ['list', 'domain', 'domain', 'domain'] }, layered, gzip)],
    ['planar layers (layer axis last)', writeNrrd({ ...base, sizes: [...SIZES, 2], directions: [...base.directions!, null], kinds: ['domain', 'domain', 'domain', 'list'] }, layered)],
    ['a layer axis in the middle', writeNrrd({ ...base, sizes: [COLUMNS, 2, ROWS, SLICES], directions: [[0.7, 0, 0], null, [0, 0.7, 0], [0, 0, 1.25]], kinds: ['domain', 'list', 'domain', 'domain'] }, layered)],
    ['a size-1 list axis', writeNrrd({ ...base, sizes: [1, ...SIZES], directions: [null, ...base.directions!], kinds: ['list', 'domain', 'domain', 'domain'] }, values)],
    ['ascii', writeNrrd({ ...base, encoding: 'ascii' }, values)],
    ['byte skip -1 (the data are the last bytes)', writeNrrd({ ...base, extraFields: { 'byte skip': '-1' }, padding: new Uint8Array(7) }, values)],
    ['line skip', writeNrrd({ ...base, extraFields: { 'line skip': '2' }, padding: new TextEncoder().encode('first\nsecond\n') }, values)],
  ];

  test.each(layouts)('%s', (_, bytes) => {
    const expected = labelMasksFromVolume(readNrrd(bytes));
    const masks = readNrrdLabelMasks(bytes);
    expect(masks.grid).toEqual(expected.grid);
    expect(masks.layers.length).toBe(expected.layers.length);
    expect(masks.layers.some((layer) => layer.size > 0)).toBe(true);
    masks.layers.forEach((_layer, l) => expect(voxelsOf(masks, l)).toEqual(voxelsOf(expected, l)));
  });

  test('Slicer segments described in the header come with the masks', () => {
    const bytes = writeNrrd({ ...base, keyValues: { Segment0_Name: 'Liver', Segment0_Layer: '0', Segment0_LabelValue: '2' } }, values);
    expect(readNrrdLabelMasks(bytes).segments).toEqual([expect.objectContaining({ name: 'Liver', layer: 0, labelValue: 2 })]);
  });
});

describe('readNrrdLabelMasks: hostile files are LabelVolumeErrors, with memory bounded', () => {
  const { values } = knownVolume(9);
  const raw = writeNrrd(spec('uint16', 'ushort', 'little', 'raw'), values);
  const gz = writeNrrd(spec('uint16', 'ushort', 'little', 'gzip'), values, gzip);
  const withHeader = (bytes: Uint8Array, from: string, to: string): Uint8Array => {
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain(from);
    return new Uint8Array(Buffer.from(text.replace(from, to), 'latin1'));
  };

  test.each([
    ['raw data one byte short', () => raw.subarray(0, raw.length - 1), 'nrrd.sizes', /truncated/],
    ['a header declaring more slices than the raw data holds', () => withHeader(raw, 'sizes: 40 3 4', 'sizes: 40 3 5'), 'nrrd.sizes', /truncated/],
    ['gzip data cut short', () => gz.subarray(0, gz.length - 12), 'nrrd.encoding', /gzip data/],
    ['a gzip checksum that does not match', () => { const bad = gz.slice(); bad[bad.length - 7] ^= 0x40; return bad; }, 'nrrd.encoding', /checksum/],
    ['gzip data holding fewer samples than declared', () => withHeader(gz, 'sizes: 40 3 4', 'sizes: 40 3 5'), 'nrrd.sizes', /the gzip data holds/],
    // A gzip bomb: the stream inflates past the declared size; decoding stops at the buffer's end.
    ['gzip data inflating to more than declared', () => withHeader(gz, 'sizes: 40 3 4', 'sizes: 40 3 3'), 'nrrd.encoding', /longer than/],
    ['a 1.4 GB declaration behind a few hundred compressed bytes', () => withHeader(gz, 'sizes: 40 3 4', 'sizes: 1024 1024 700'), 'nrrd.sizes', /compressed bytes can hold/],
    ['dimensions beyond the voxel limit', () => withHeader(raw, 'sizes: 40 3 4', 'sizes: 100000 100000 100000'), 'nrrd.sizes', /exceeds the limit/],
    ['a fractional float label', () => writeNrrd(spec('float32', 'float', 'little', 'raw'), values.map((v, n) => (n === 300 ? 0.5 : v))), 'nrrd.type', /float32 sample 300 is 0.5/],
    ['a 64-bit label beyond 32 bits', () => writeNrrd(spec('int64', 'int64', 'little', 'gzip'), values.map((v, n) => (n === 130 ? 2 ** 40 : v)), gzip), 'nrrd.type', /sample 130 does not fit/],
  ])('%s', (_, input, field, reason) => {
    const error = readError(input());
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });

  test('more distinct values than maxLabelValues: refused before the next mask is allocated', () => {
    expect(readError(raw, { maxLabelValues: 2 })).toMatchObject({ field: 'layers[0]', reason: 'more than 2 distinct label values: not a label map?' });
    expect(voxelsOf(readNrrdLabelMasks(raw, { maxLabelValues: 3 })).size).toBe(3);
  });

  test('masks beyond maxMaskBytes: refused (each mask of this grid takes 60 bytes)', () => {
    expect(readError(raw, { maxMaskBytes: 2 * 60 })).toMatchObject({ field: 'layers[0]', reason: 'label value 9 would be mask 3; only 2 masks of this grid fit the memory limit' });
    expect(voxelsOf(readNrrdLabelMasks(raw, { maxMaskBytes: 3 * 60 })).size).toBe(3);
  });

  test('400 seeded mutants (byte flips, truncations) of raw and gzip files: the masks readNrrd gives, or the error it gives', () => {
    let seed = 16;
    const random = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const sources = [raw, gz, writeNrrd(spec('uint8', 'uchar', 'little', 'raw'), values)];
    const outcome = (read: () => LabelMasks): { field: string } | Array<Map<number, number[]>> => {
      try {
        const masks = read();
        return masks.layers.map((_layer, l) => voxelsOf(masks, l));
      } catch (error) {
        if (!(error instanceof LabelVolumeError)) throw error;
        return { field: error.field };
      }
    };
    let errors = 0;
    for (let n = 0; n < 400; n++) {
      let mutant = sources[n % sources.length].slice();
      if (random() < 0.3) mutant = mutant.subarray(0, Math.floor(random() * mutant.length));
      else for (let f = 0; f < 1 + Math.floor(random() * 3); f++) mutant[Math.floor(random() * mutant.length)] = Math.floor(random() * 256);
      const ours = outcome(() => readNrrdLabelMasks(mutant));
      expect(ours).toEqual(outcome(() => labelMasksFromVolume(readNrrd(mutant))));
      if (!Array.isArray(ours)) errors++;
    }
    expect(errors).toBeGreaterThan(50);
  });
});
