// A SEG from a PACS is untrusted input: the reader must never crash, hang or allocate what a
// corrupt header asks for. This test feeds seeded mutants of valid SEGs — random byte changes,
// truncations, element lengths near 2^32, and targeted corruptions (Rows×Columns×NumberOfFrames
// overflow, missing ReferencedSeriesSequence, segment number 0, functional group count ≠
// NumberOfFrames, …) — and requires each to give a typed error or a correct result, within 2 s,
// without growing ArrayBuffer memory by 256 MiB.
//
// "Correct" is checked as exactly as the mutation allows: a change inside BINARY Pixel Data must
// flip exactly the voxels of the flipped bits; a truncation must be an error; any other mutant
// must be an error, the original result, or a well-formed segmentation on the same grid (a
// changed digit of an ImagePositionPatient may legitimately move a frame to another slice).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DicomValueError } from '../../dicom/DicomValueError';
import { writePart10 } from '../../dicom/part10';
import { SOP_CLASS } from '../../dicom/sopClasses';
import { GeometryMismatchError } from '../../volume/GeometryMismatchError';
import type { Segmentation } from '../../volume/Segmentation';
import type { VoxelGrid } from '../../volume/VoxelGrid';
import type { SourceImage } from '../SourceImage';
import { parseDicomFile, type DicomItem } from './parseDicomFile';
import { readSegmentation } from './readSegmentation';
import { readSourceImages } from './readSourceImages';
import { SegParseError } from './SegParseError';
import {
  asFractional, asLabelMap, binaryFrames, fixtureSeg, IMPLICIT_LE, RLE_LOSSLESS, withRleFrames, writeDataset,
} from './segVariants.fixture';
import { INTEROP_DIR } from '../../../../../tests/harness/interopCorpus';

const MAX_MS = 2000;
const MAX_ARRAY_BUFFER_GROWTH = 256 * 2 ** 20;

/** mulberry32: a small seeded PRNG, so that a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Outcome = 'typed error' | 'identical' | 'exact pixel change' | 'well-formed' | 'crash';

interface Seed {
  name: string;
  bytes: Uint8Array;
  target: readonly SourceImage[] | VoxelGrid;
  original: Segmentation;
  /** BINARY seeds: where bit n of the pixel stream lands (segment index, voxel), or undefined past the last frame. */
  voxelOfBit?: (bit: number) => [number, number] | undefined;
  pixelData: { offset: number; length: number };
}

function seed(name: string, bytes: Uint8Array, target: readonly SourceImage[] | VoxelGrid, binary = false): Seed {
  const original = readSegmentation(bytes, target);
  const file = parseDicomFile(bytes);
  const pixelData = file.dataset.get(0x7fe00010)!;
  const result: Seed = { name, bytes, target, original, pixelData: { offset: pixelData.offset, length: pixelData.length } };
  if (binary) {
    // Independent of the reader: frame f's (segment, slice) from its functional groups, matched
    // to the grid by exact position.
    const dataset = parseDicomFile(bytes).dataset;
    const pixels = original.grid.rows * original.grid.columns;
    const frames = binaryPlacement(bytes, dataset, original);
    result.voxelOfBit = (bit) => {
      const f = Math.floor(bit / pixels);
      if (f >= frames.length) return undefined;
      return [frames[f].segment, frames[f].slice * pixels + (bit % pixels)];
    };
  }
  return result;
}

function binaryPlacement(bytes: Uint8Array, dataset: DicomItem, original: Segmentation): { segment: number; slice: number }[] {
  const text = (item: DicomItem, tag: number): string => {
    const e = item.get(tag)!;
    return Buffer.from(bytes.subarray(e.offset, e.offset + e.length)).toString('latin1');
  };
  const perFrame = dataset.get(0x52009230)!.items!;
  return perFrame.map((group) => {
    const position = text(group.get(0x00209113)!.items![0], 0x00200032).split('\\').map(Number);
    const identification = group.get(0x0062000a)!.items![0].get(0x0062000b)!;
    const number = bytes[identification.offset] | (bytes[identification.offset + 1] << 8);
    const g = original.grid;
    const k = Math.round(((position[2] - g.origin[2]) / g.spacing[2]) * g.sliceDirection[2]);
    return { segment: original.segments.findIndex((s) => s.number === number), slice: k };
  });
}

function sameSegmentation(a: Segmentation, b: Segmentation): boolean {
  return JSON.stringify(a.grid) === JSON.stringify(b.grid)
    && JSON.stringify(a.source) === JSON.stringify(b.source)
    && a.segments.length === b.segments.length
    && a.segments.every((s, n) => {
      const t = b.segments[n];
      return s.number === t.number && s.label === t.label && JSON.stringify([s.category, s.type, s.typeModifier]) === JSON.stringify([t.category, t.type, t.typeModifier])
        && s.mask.words.length === t.mask.words.length && s.mask.words.every((w, i) => w === t.mask.words[i]);
    });
}

function wellFormed(result: Segmentation, original: Segmentation): boolean {
  const numbers = result.segments.map((s) => s.number);
  return JSON.stringify(result.grid) === JSON.stringify(original.grid)
    && new Set(numbers).size === numbers.length
    && result.segments.every((s) => s.mask.grid === result.grid && s.mask.words.length === original.segments[0].mask.words.length);
}

const isTyped = (error: unknown): boolean => error instanceof SegParseError || error instanceof GeometryMismatchError || error instanceof DicomValueError;

interface Trial {
  outcome: Outcome;
  ms: number;
  arrayBufferGrowth: number;
  error?: unknown;
}

/** Reads `mutant` against `seed.target`, timing it and watching ArrayBuffer memory. */
function attempt(s: Seed, mutant: Uint8Array, judge: (result: Segmentation) => Outcome): Trial {
  const before = process.memoryUsage().arrayBuffers;
  const start = performance.now();
  let outcome: Outcome;
  let error: unknown;
  let result: Segmentation | undefined;
  try {
    result = readSegmentation(mutant, s.target);
    outcome = judge(result);
  } catch (e) {
    error = e;
    outcome = isTyped(e) ? 'typed error' : 'crash';
  }
  const ms = performance.now() - start;
  const arrayBufferGrowth = process.memoryUsage().arrayBuffers - before;
  result = undefined;
  return { outcome, ms, arrayBufferGrowth, ...(outcome === 'crash' ? { error } : {}) };
}

/** The seeds the fuzzing must start from; the dcmqi one is read from the interop corpus, which is in the repository. */
const SEED_NAMES = [
  'BINARY, explicit VR (our writer)', 'BINARY, implicit VR', 'FRACTIONAL, explicit VR', 'LABELMAP 16-bit, RLE Lossless',
  'dcmqi 23×38×3 BINARY (explicit-length sequences)',
];

/** Every outcome but 'crash': what each mutant must give. */
const ACCEPTED: readonly Outcome[] = ['typed error', 'identical', 'exact pixel change', 'well-formed'];

/** Seeds fuzzed, and why any was left out (a failure: a missing corpus must not shrink the fuzzing silently). */
function seeds(): { list: Seed[]; missing: string[] } {
  const fixture = fixtureSeg({ name: 'fuzz' });
  const images = fixture.series.images;
  const list = [
    seed('BINARY, explicit VR (our writer)', writePart10(fixture.dataset), images, true),
    seed('BINARY, implicit VR', writeDataset(fixture.dataset, IMPLICIT_LE), images, true),
    seed('FRACTIONAL, explicit VR', writePart10(asFractional(fixture.dataset, 200, 10)), images),
  ];
  const labels = asLabelMap(fixture, 16, { 3: 300 });
  list.push(seed('LABELMAP 16-bit, RLE Lossless', writeDataset(withRleFrames(labels.dataset, labels.frames, 2), RLE_LOSSLESS), images));
  const dcmqi = join(INTEROP_DIR, 'dcmqi', '23x38x3');
  const missing: string[] = [];
  if (existsSync(dcmqi)) {
    const source = readSourceImages(readdirSync(join(dcmqi, 'image')).sort().map((name) => new Uint8Array(readFileSync(join(dcmqi, 'image', name)))));
    list.push(seed(SEED_NAMES[4], new Uint8Array(readFileSync(join(dcmqi, 'seg', 'label.seg'))), source, true));
  } else {
    missing.push(`${SEED_NAMES[4]}: ${dcmqi} is missing (the interop corpus is tests/data/interop; SEGQC_INTEROP_DIR names another copy)`);
  }
  return { list, missing };
}

describe('readSegmentation under seeded mutation', () => {
  const { list: all, missing } = seeds();
  const random = prng(20240613);
  const int = (n: number): number => Math.floor(random() * n);
  const trials: { seed: string; kind: string; trial: Trial }[] = [];
  const record = (s: Seed, kind: string, trial: Trial): void => {
    trials.push({ seed: s.name, kind, trial });
  };

  /** The outcomes of one kind of mutation, checked where it ran: how many, and that none crashed. */
  const expectOutcomes = (kind: (k: string) => boolean, count: number): void => {
    const ran = trials.filter((t) => kind(t.kind));
    expect(ran.length).toBe(count);
    expect(ran.filter((t) => !ACCEPTED.includes(t.trial.outcome)).map((t) => `${t.seed} / ${t.kind}: ${t.trial.outcome} ${String(t.trial.error ?? '')}`)).toEqual([]);
  };

  it('starts from every seed, the dcmqi SEG of the interop corpus among them (a missing seed is a failure, not a warning)', () => {
    expect(missing).toEqual([]);
    expect(all.map((s) => s.name)).toEqual(SEED_NAMES);
  });

  it('byte changes: 1–4 random bytes per mutant, 250 mutants per seed', () => {
    for (const s of all) {
      for (let m = 0; m < 250; m++) {
        const mutant = s.bytes.slice();
        const changed: [number, number][] = [];
        // A third of the mutants hit the header (where the structure is), a third the Pixel Data, a third anywhere.
        const { offset, length } = s.pixelData;
        for (let c = 1 + int(4); c > 0; c--) {
          const at = m % 3 === 0 ? 128 + int(offset - 128) : m % 3 === 1 ? offset + int(length) : int(mutant.length);
          const value = int(256);
          changed.push([at, mutant[at] ^ value]);
          mutant[at] = value;
        }
        const inPixels = changed.every(([at]) => at >= s.pixelData.offset && at < s.pixelData.offset + s.pixelData.length);
        record(s, 'byte change', attempt(s, mutant, (result) => {
          if (sameSegmentation(result, s.original)) return 'identical';
          if (inPixels && s.voxelOfBit) {
            // Exactly the voxels of the flipped bits change.
            const expected = s.original.segments.map((segment) => segment.mask.words.slice());
            for (const [at, flipped] of changed) {
              for (let b = 0; b < 8; b++) {
                if (!((flipped >> b) & 1)) continue;
                const voxel = s.voxelOfBit((at - s.pixelData.offset) * 8 + b);
                if (voxel) expected[voxel[0]][voxel[1] >>> 5] ^= 1 << (voxel[1] & 31);
              }
            }
            const exact = result.segments.every((segment, n) => segment.mask.words.every((w, i) => w === expected[n][i]));
            return exact ? 'exact pixel change' : 'crash';
          }
          return wellFormed(result, s.original) ? 'well-formed' : 'crash';
        }));
      }
    }
    expectOutcomes((kind) => kind === 'byte change', 250 * all.length);
  });

  it('truncations: 40 per seed, each a typed error', () => {
    for (const s of all) {
      for (let m = 0; m < 40; m++) {
        const trial = attempt(s, s.bytes.slice(0, int(s.bytes.length)), () => 'crash');
        record(s, 'truncation', trial);
        expect([s.name, trial.outcome]).toEqual([s.name, 'typed error']);
      }
    }
    expectOutcomes((kind) => kind === 'truncation', 40 * all.length);
  });

  it('element lengths near 2^32 (and off by one) in every element header', () => {
    const lengths32 = [0xffffffff, 0xfffffffe, 0xfffffff0, 0x80000000, 0x7fffffff];
    let tried = 0;
    for (const s of all) {
      const file = parseDicomFile(s.bytes);
      const headers: { at: number; long: boolean; length: number }[] = [];
      const walk = (item: DicomItem): void => {
        for (const element of item.values()) {
          const long = !file.explicitVR || ['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV'].includes(element.vr);
          headers.push({ at: element.offset - (long ? 4 : 2), long, length: element.length });
          element.items?.forEach(walk);
        }
      };
      walk(file.dataset);
      for (const header of headers.filter((_, n) => n % Math.ceil(headers.length / 60) === 0)) {
        const values = header.long ? [...lengths32, header.length + 1, header.length + 2] : [0xffff, 0xfffe, header.length + 2];
        for (const value of values) {
          const mutant = s.bytes.slice();
          const view = new DataView(mutant.buffer);
          if (header.long) view.setUint32(header.at, value >>> 0, true);
          else view.setUint16(header.at, value & 0xffff, true);
          record(s, 'length', attempt(s, mutant, (result) => (sameSegmentation(result, s.original) ? 'identical' : wellFormed(result, s.original) ? 'well-formed' : 'crash')));
          tried++;
        }
      }
    }
    // At least 30 headers per seed (every ⌈headers / 60⌉-th), 3 to 7 lengths each.
    expect(tried).toBeGreaterThanOrEqual(all.length * 30 * 3);
    expectOutcomes((kind) => kind === 'length', tried);
  });

  it('targeted corruptions give the typed error that names them', () => {
    const fixture = fixtureSeg({ name: 'fuzz' });
    const s = all[0];
    const d = fixture.dataset;
    const perFrame = d['PerFrameFunctionalGroupsSequence'] as Record<string, unknown>[];
    const shared = (d['SharedFunctionalGroupsSequence'] as Record<string, unknown>[])[0];
    const segments = d['SegmentSequence'] as Record<string, unknown>[];
    const withFrame = (f: number, change: Record<string, unknown>): Record<string, unknown> => ({
      ...d, PerFrameFunctionalGroupsSequence: perFrame.map((group, n) => (n === f ? { ...group, ...change } : group)),
    });
    const cases: [string, Record<string, unknown>, typeof SegParseError | typeof GeometryMismatchError, RegExp][] = [
      ['segment number 0', { SegmentSequence: [{ ...segments[0], SegmentNumber: 0 }, ...segments.slice(1)] }, SegParseError, /SegmentSequence\[0\]\.SegmentNumber/],
      ['duplicate segment numbers', { SegmentSequence: [segments[0], { ...segments[1], SegmentNumber: 1 }, segments[2]] }, SegParseError, /SegmentSequence\[1\]\.SegmentNumber: 1 is used/],
      ['functional groups > NumberOfFrames', { NumberOfFrames: 6 }, SegParseError, /PerFrameFunctionalGroupsSequence: has 7 items, but NumberOfFrames is 6/],
      ['functional groups < NumberOfFrames', { PerFrameFunctionalGroupsSequence: perFrame.slice(1) }, SegParseError, /has 6 items, but NumberOfFrames is 7/],
      ['missing ReferencedSeriesSequence', { ReferencedSeriesSequence: null }, SegParseError, /^ReferencedSeriesSequence: is required/],
      ['empty ReferencedSeriesSequence', { ReferencedSeriesSequence: [] }, SegParseError, /^ReferencedSeriesSequence: must have at least one item/],
      ['Rows×Columns×NumberOfFrames overflow', { Rows: 4096, Columns: 4096, NumberOfFrames: 2 ** 31 - 1 }, SegParseError, /^NumberOfFrames: .* exceed what SegQC reads/],
      ['Rows×Columns beyond 2^30', { Rows: 65535, Columns: 65535 }, SegParseError, /^Rows: 65535×65535/],
      ['NumberOfFrames beyond 2^32', { NumberOfFrames: 4294967297 }, SegParseError, /^NumberOfFrames: must be an integer/],
      ['Rows 0', { Rows: 0 }, SegParseError, /^Rows: must be an integer from 1/],
      ['unknown SOP class', { SOPClassUID: '1.2.3.4' }, SegParseError, /^SOPClassUID/],
      ['LABELMAP SOP class on BINARY', { SOPClassUID: SOP_CLASS.LabelMapSegmentationStorage }, SegParseError, /^SegmentationType: "BINARY" is not allowed/],
      ['unknown SegmentationType', { SegmentationType: 'PARTIAL' }, SegParseError, /^SegmentationType/],
      ['8-bit BINARY', { BitsAllocated: 8 }, SegParseError, /^BitsAllocated: is 8; a BINARY Segmentation has 1/],
      ['3 samples per pixel', { SamplesPerPixel: 3 }, SegParseError, /^SamplesPerPixel/],
      ['FRACTIONAL without MaximumFractionalValue', { SegmentationType: 'FRACTIONAL', BitsAllocated: 8 }, SegParseError, /^MaximumFractionalValue: is required/],
      ['no Pixel Data', { PixelData: undefined }, SegParseError, /^PixelData: is missing/],
      ['no SegmentSequence', { SegmentSequence: null }, SegParseError, /^SegmentSequence: is required/],
      ['frame of an undeclared segment', withFrame(2, { SegmentIdentificationSequence: [{ ReferencedSegmentNumber: 9 }] }), SegParseError, /PerFrameFunctionalGroupsSequence\[2\]\.SegmentIdentificationSequence\[0\]\.ReferencedSegmentNumber: 9/],
      ['frame without a position', withFrame(4, { PlanePositionSequence: [] }), SegParseError, /^PerFrameFunctionalGroupsSequence\[4\]\.PlanePositionSequence: is missing/],
      ['position of two numbers', withFrame(1, { PlanePositionSequence: [{ ImagePositionPatient: [1, 2] }] }), SegParseError, /PerFrameFunctionalGroupsSequence\[1\]\.PlanePositionSequence\[0\]\.ImagePositionPatient: must be 3 finite numbers/],
      ['no orientation anywhere', { SharedFunctionalGroupsSequence: [{ PixelMeasuresSequence: shared['PixelMeasuresSequence'] }] }, SegParseError, /PlaneOrientationSequence: is missing/],
      ['another Frame of Reference', { FrameOfReferenceUID: '1.2.3' }, GeometryMismatchError, /^FrameOfReferenceUID/],
      ['a frame off the grid', withFrame(5, { PlanePositionSequence: [{ ImagePositionPatient: [-20, -30.1, 26] }] }), GeometryMismatchError, /^frame 6 \(PerFrameFunctionalGroupsSequence\[5\]/],
      ['another pixel spacing', { SharedFunctionalGroupsSequence: [{ ...shared, PixelMeasuresSequence: [{ PixelSpacing: [0.5, 0.5], SliceThickness: 2 }] }] }, GeometryMismatchError, /PixelSpacing\): 0\.5\\0\.5 mm is not the grid's/],
    ];
    for (const [name, change, type, message] of cases) {
      const dataset: Record<string, unknown> = { ...d, ...change };
      for (const [k, v] of Object.entries(change)) if (v === null || v === undefined) delete dataset[k];
      const trial = attempt(s, writePart10(dataset), () => 'crash');
      record(s, `targeted: ${name}`, trial);
      let error: unknown;
      try {
        readSegmentation(writePart10(dataset), s.target);
      } catch (e) {
        error = e;
      }
      expect([name, error instanceof type, (error as Error)?.message]).toEqual([name, true, expect.stringMatching(message)]);
    }

    // Raw-byte corruptions dcmjs would not write.
    const raw: [string, Uint8Array, RegExp][] = [
      ['no DICM prefix', s.bytes.slice(0, 200).fill(0, 128, 132), /no "DICM" prefix/],
      ['empty file', new Uint8Array(0), /no "DICM" prefix/],
      ['big endian', writeDataset(d, '1.2.840.10008.1.2.2'), /TransferSyntaxUID: 1\.2\.840\.10008\.1\.2\.2 is not supported/],
      ['JPEG baseline', writeDataset(d, '1.2.840.10008.1.2.4.50'), /TransferSyntaxUID: 1\.2\.840\.10008\.1\.2\.4\.50 is not supported/],
      ['sequences nested 40 deep', nestedSequences(s.bytes, 40), /nests sequences deeper than 16 levels/],
      ['Pixel Data length 0xFFFFFFF0', withPixelDataLength(s, 0xfffffff0), /^PixelData: declares a value of 4294967280 bytes/],
    ];
    for (const [name, bytes, message] of raw) {
      const trial = attempt(s, bytes, () => 'crash');
      record(s, `targeted: ${name}`, trial);
      expect([name, trial.outcome]).toEqual([name, 'typed error']);
      expect(() => readSegmentation(bytes, s.target)).toThrow(message);
    }

    // A LABELMAP whose padding value is also a segment's number is ambiguous.
    const labels = asLabelMap(fixture, 8, {}, 2);
    expect(() => readSegmentation(writePart10(labels.dataset), s.target)).toThrow(/PixelPaddingValue: 2 is also a SegmentNumber/);
    expect(binaryFrames(d).length).toBe(7);
  });

  it('every mutant gave a typed error or a correct result, within 2 s, without a 256 MiB allocation', () => {
    // Runs last: whatever the tests above asserted, every trial obeys the limits.
    const crashes = trials.filter((t) => t.trial.outcome === 'crash');
    const slow = trials.filter((t) => t.trial.ms > MAX_MS);
    const hungry = trials.filter((t) => t.trial.arrayBufferGrowth > MAX_ARRAY_BUFFER_GROWTH);
    const summary: Record<string, Record<string, number>> = {};
    for (const { kind, trial } of trials) {
      const group = kind.startsWith('targeted') ? 'targeted' : kind;
      (summary[group] ??= {})[trial.outcome] = (summary[group][trial.outcome] ?? 0) + 1;
    }
    console.log(`${trials.length} mutants; slowest ${Math.max(...trials.map((t) => t.trial.ms)).toFixed(1)} ms; largest ArrayBuffer growth ${Math.max(...trials.map((t) => t.trial.arrayBufferGrowth))} bytes\n${JSON.stringify(summary, null, 1)}`);
    expect(trials.length).toBeGreaterThanOrEqual(1000);
    expect(crashes.map((t) => `${t.seed} / ${t.kind}: ${String(t.trial.error)}`)).toEqual([]);
    expect(slow.map((t) => `${t.seed} / ${t.kind}: ${t.trial.ms} ms`)).toEqual([]);
    expect(hungry.map((t) => `${t.seed} / ${t.kind}: ${t.trial.arrayBufferGrowth} bytes`)).toEqual([]);
  });
});

/** The file with an undefined-length sequence chain `depth` deep inserted before Pixel Data. */
function nestedSequences(bytes: Uint8Array, depth: number): Uint8Array {
  const file = parseDicomFile(bytes);
  const pixelHeader = file.dataset.get(0x7fe00010)!.offset - 12;
  const chain: number[] = [];
  for (let d = 0; d < depth; d++) {
    // (0040,A730) ContentSequence, SQ, undefined length; then an item of undefined length.
    chain.push(0x40, 0x00, 0x30, 0xa7, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff);
  }
  const out = new Uint8Array(bytes.length + chain.length);
  out.set(bytes.subarray(0, pixelHeader));
  out.set(chain, pixelHeader);
  out.set(bytes.subarray(pixelHeader), pixelHeader + chain.length);
  return out;
}

function withPixelDataLength(s: Seed, length: number): Uint8Array {
  const mutant = s.bytes.slice();
  new DataView(mutant.buffer).setUint32(s.pixelData.offset - 4, length, true);
  return mutant;
}
