// Golden SEG cases: inputs to the BINARY SEG writer that each exercise one thing the issue asks
// of it (1 to 50 segments, empty segments, sparse frames, overlap, oblique slices, the three
// roles, a STAPLE consensus, a SOP reference…), and what every case must satisfy: the validators
// count no error, and our reader reads back exactly the masks that went in.
import { SCT } from '../codes/sct';
import type { CodeInit } from '../dicom/CodedConcept';
import { uidFromName } from '../dicom/uid';
import { sha256Hex } from '../hash/sha256';
import { segCreatorIdentity } from '../identity/segCreatorIdentity';
import { encodeUtf8 } from '../text/utf8';
import type { Segmentation } from '../volume/Segmentation';
import { gridFromSourceImages } from '../volume/sourceGrid';
import type { BinarySegInput } from './buildBinarySeg';
import type { SegmentDescriptionInit } from './SegmentDescription';
import { defaultSegmentColor } from './segmentPalette';
import type { SourceImage } from './SourceImage';
import { sourceImageFiles } from './sourceFiles.fixture';
import { fixtureInput, maskFrom, syntheticSeries, type SyntheticSeries } from './syntheticSource.fixture';

export interface GoldenSeg {
  input: BinarySegInput;
  /** The source series as Part 10 files, for dcentvfy. */
  sourceFiles: Uint8Array[];
}

export interface GoldenSegCase {
  name: string;
  build(): GoldenSeg;
  /** What this case must show in the written dataset, beyond validity and the round trip. */
  check?(dataset: Record<string, unknown>, input: BinarySegInput): void;
}

/** A SOP as the SOP library will hold it; its reference hashes this exact text. */
export const GOLDEN_SOP_JSON = JSON.stringify({ id: 'ct-lung-nodule', version: '1.2.0', title: 'CT lung nodule segmentation', structures: ['Right lung', 'Left lung', 'Lung nodule'] });
export const GOLDEN_SOP = { id: 'ct-lung-nodule', version: '1.2.0', sha256: sha256Hex(encodeUtf8(GOLDEN_SOP_JSON)) };

/** A sign-in as an OpenID Provider (Keycloak) gives it: the subject a UUID, longer than a CodeValue's 16 characters. */
const GOLDEN_SIGN_IN = { issuer: 'https://login.segqc-test.example/realms/radiology', subject: 'c0a8e1f2-5b7d-4c3e-9a61-0f2b3d4e5a6b' };

const LIVER: CodeInit = { value: '10200004', scheme: 'SCT', meaning: 'Liver' };

/** A valid input on `series` for case `name`: every UID derived from the name. */
export function goldenInput(name: string, series: SyntheticSeries, change: Partial<BinarySegInput>): BinarySegInput {
  return {
    ...fixtureInput(series),
    seriesInstanceUID: uidFromName(`golden/${name}/seg-series`),
    sopInstanceUID: uidFromName(`golden/${name}/seg-instance`),
    seriesDescription: `Golden ${name}`,
    ...change,
  };
}

function synthetic(name: string, options: Parameters<typeof syntheticSeries>[0], change: (series: SyntheticSeries) => Partial<BinarySegInput>): () => GoldenSeg {
  return () => {
    const series = syntheticSeries({ name: `golden/${name}`, ...options });
    const input = goldenInput(name, series, change(series));
    return { input, sourceFiles: sourceImageFiles(input.sourceImages) };
  };
}

const segment = (segmentNumber: number, label: string, rest: Partial<SegmentDescriptionInit> = {}): SegmentDescriptionInit => ({
  segmentNumber, label, category: SCT.MorphologicallyAbnormalStructure, type: SCT.Lesion, algorithmType: 'MANUAL', color: defaultSegmentColor(segmentNumber), ...rest,
});

export const SYNTHETIC_GOLDEN_CASES: readonly GoldenSegCase[] = [
  {
    name: 'one segment',
    build: synthetic('one-segment', {}, (series) => ({
      segments: [segment(1, 'Liver', { category: SCT.AnatomicalStructure, type: LIVER })],
      frames: [{ segmentNumber: 1, mask: maskFrom(series, (x, y, z) => (x + 12) ** 2 + (y + 22) ** 2 + (z - 30) ** 2 <= 49) }],
    })),
    check: (seg) => expect(seg['NumberOfFrames']).toBe(7),
  },
  {
    name: 'three segments, the third empty, one semiautomatic',
    build: () => {
      const series = syntheticSeries({ name: 'golden/three-segments' });
      return { input: goldenInput('three-segments', series, {}), sourceFiles: sourceImageFiles(series.images) };
    },
    check: (seg) => {
      const segments = seg['SegmentSequence'] as Record<string, unknown>[];
      expect(segments.map((s) => s['SegmentAlgorithmType'])).toEqual(['MANUAL', 'SEMIAUTOMATIC', 'MANUAL']);
      expect(segments[1]['SegmentAlgorithmName']).toBe('SegQC brush');
    },
  },
  {
    name: 'fifty segments from one label volume, each with its own colour and tracking identifiers',
    build: synthetic('fifty-segments', { rows: 32, columns: 32, slices: 10 }, () => {
      const labels = new Uint16Array(32 * 32 * 10);
      const segments: SegmentDescriptionInit[] = [];
      for (let n = 1; n <= 50; n++) {
        const [row, column, slice] = [Math.floor((n - 1) / 7) * 4 + 1, ((n - 1) % 7) * 4 + 1, n % 9];
        for (const [dr, dc, dk] of [[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 0], [0, 0, 1]]) labels[((slice + dk) * 32 + row + dr) * 32 + column + dc] = n;
        segments.push(segment(n, `Lesion ${n}`, { trackingId: `lesion ${n}`, trackingUid: uidFromName(`golden/fifty/lesion/${n}`) }));
      }
      return { segments, frames: segments.map((s) => ({ segmentNumber: s.segmentNumber, mask: labels, label: s.segmentNumber })) };
    }),
    check: (seg) => {
      const segments = seg['SegmentSequence'] as Record<string, unknown>[];
      expect(segments).toHaveLength(50);
      expect(new Set(segments.map((s) => JSON.stringify(s['RecommendedDisplayCIELabValue']))).size).toBe(50);
      expect(seg['NumberOfFrames']).toBe(100);
    },
  },
  {
    name: 'every segment empty: one empty frame',
    build: synthetic('all-empty', { rows: 8, columns: 8, slices: 4 }, () => ({
      segments: [segment(1, 'Lesion'), segment(2, 'Nodule', { type: SCT.Nodule })],
      frames: [1, 2].map((segmentNumber) => ({ segmentNumber, mask: new Uint8Array(8 * 8 * 4) })),
    })),
    check: (seg) => expect(seg['NumberOfFrames']).toBe(1),
  },
  {
    name: 'sparse frames: a segment on slices 0, 5 and 11 only',
    build: synthetic('sparse', {}, () => {
      const mask = new Uint8Array(24 * 20 * 12);
      for (const k of [0, 5, 11]) mask[k * 24 * 20 + 10 * 20 + 7] = 1;
      return { segments: [segment(1, 'Lesion')], frames: [{ segmentNumber: 1, mask }] };
    }),
    check: (seg) => {
      expect(seg['NumberOfFrames']).toBe(3);
      const groups = seg['PerFrameFunctionalGroupsSequence'] as Record<string, Record<string, unknown>[]>[];
      // Input slice k is at z = 40 − 2k; frames ascend along the normal (+z).
      expect(groups.map((g) => (g['PlanePositionSequence'][0]['ImagePositionPatient'] as number[])[2])).toEqual([18, 30, 40]);
    },
  },
  {
    name: 'overlapping segments',
    build: synthetic('overlap', {}, (series) => ({
      segments: [segment(1, 'Lung nodule', { type: SCT.Nodule }), segment(2, 'Lesion core')],
      frames: [
        { segmentNumber: 1, mask: maskFrom(series, (x, y, z) => (x + 12) ** 2 + (y + 22) ** 2 + (z - 30) ** 2 <= 36) },
        { segmentNumber: 2, mask: maskFrom(series, (x, y, z) => (x + 11) ** 2 + (y + 21) ** 2 + (z - 30) ** 2 <= 9) },
      ],
    })),
    check: (seg) => expect(seg['SegmentsOverlap']).toBe('YES'),
  },
  {
    name: 'oblique slices (rotated 30° about z and 20° about x)',
    build: synthetic('oblique', { orientation: [0.866025, 0.5, 0, -0.469846, 0.813798, 0.34202] }, (series) => {
      const centre = series.world(12, 10, 6);
      return {
        segments: [segment(1, 'Lesion')],
        frames: [{ segmentNumber: 1, mask: maskFrom(series, (x, y, z) => (x - centre[0]) ** 2 + (y - centre[1]) ** 2 + (z - centre[2]) ** 2 <= 20) }],
      };
    }),
    check: (seg) => {
      const shared = (seg['SharedFunctionalGroupsSequence'] as Record<string, Record<string, unknown>[]>[])[0];
      expect(shared['PlaneOrientationSequence'][0]['ImageOrientationPatient']).toEqual([0.866025, 0.5, 0, -0.469846, 0.813798, 0.34202]);
    },
  },
  {
    name: 'the adjudicated reference standard (ADJUDICATED), written by the adjudicator under the SOP',
    build: synthetic('adjudicated', {}, (series) => ({
      contentLabel: 'ADJUDICATED',
      contentDescription: 'Adjudicated reference standard',
      // Signed in, with a UUID subject: a LongCodeValue (UC), and the issuer in CodingSchemeResponsibleOrganization (ST).
      creator: { name: 'Singh^Priya^^Dr.', login: 'psingh', authentication: GOLDEN_SIGN_IN },
      sop: GOLDEN_SOP,
      segments: [
        segment(1, 'Lung nodule', { type: SCT.Nodule, anatomicRegion: SCT.Lung, description: 'accepted annotation A' }),
        segment(2, 'Lesion', { algorithmType: 'SEMIAUTOMATIC', algorithmName: 'SegQC brush', description: 'edited by the adjudicator' }),
      ],
      frames: [
        { segmentNumber: 1, mask: maskFrom(series, (x, y, z) => (x + 12) ** 2 + (y + 22) ** 2 + (z - 30) ** 2 <= 36) },
        { segmentNumber: 2, mask: maskFrom(series, (x, y, z) => x > -8 && x < -5 && y > -25 && y < -22 && z > 23 && z < 28) },
      ],
    })),
    check: (seg) => {
      expect(seg['ContentLabel']).toBe('ADJUDICATED');
      expect(seg['ContentCreatorName']).toEqual([{ Alphabetic: 'Singh^Priya^^Dr.' }]);
      expect(seg['ContentDescription']).toBe('Adjudicated reference standard; creator authenticated');
      expect(segCreatorIdentity(seg)).toEqual({ name: 'Singh^Priya^^Dr.', login: 'psingh', contentLabel: 'ADJUDICATED', authentication: GOLDEN_SIGN_IN });
    },
  },
  {
    name: 'a calibration gold standard (GOLD)',
    build: synthetic('gold', {}, (series) => ({
      contentLabel: 'GOLD',
      contentDescription: 'Calibration gold standard',
      creator: { name: 'Gold^Standard', login: 'gold' },
      segments: [segment(1, 'Right lung', { category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right })],
      frames: [{ segmentNumber: 1, mask: maskFrom(series, (x, y) => x < -12 && y > -24) }],
    })),
    check: (seg) => {
      expect(seg['ContentLabel']).toBe('GOLD');
      expect(seg['ImageLaterality']).toBe('R');
    },
  },
  {
    name: 'the SOP reference in ProtocolName, parseable by the viewer',
    build: synthetic('sop-reference', {}, (series) => ({
      sop: GOLDEN_SOP,
      segments: [segment(1, 'Lung nodule', { type: SCT.Nodule })],
      frames: [{ segmentNumber: 1, mask: maskFrom(series, (x, y, z) => (x + 12) ** 2 + (y + 22) ** 2 + (z - 30) ** 2 <= 16) }],
    })),
    check: (seg) => {
      expect(seg['ProtocolName']).toBe(`ct-lung-nodule@1.2.0+${GOLDEN_SOP.sha256.slice(0, 16)}`);
      // The viewer's rule (extensions/segmentation-qc/src/annotations/sopReference.ts).
      expect(seg['ProtocolName']).toMatch(/^([a-z0-9][a-z0-9._-]*)@(\d+\.\d+\.\d+(?:-[0-9a-z.]+)?)\+([0-9a-f]{8,64})$/);
    },
  },
];

/** Each segment's expected voxels, in sourceImages order, from the writer's input. */
export function expectedMasks(input: BinarySegInput): Map<number, Uint8Array> {
  const masks = new Map<number, Uint8Array>();
  for (const { segmentNumber, mask, label } of input.frames) {
    const out = new Uint8Array(mask.length);
    for (let v = 0; v < mask.length; v++) if (label === undefined ? mask[v] !== 0 : mask[v] === label) out[v] = 1;
    masks.set(segmentNumber, out);
  }
  return masks;
}

/** Each segment of a read Segmentation, back in sourceImages order. */
export function readMasksInSourceOrder(segmentation: Segmentation, sourceImages: readonly SourceImage[]): Map<number, Uint8Array> {
  const { grid, sliceOrder } = gridFromSourceImages(sourceImages);
  const perSlice = grid.rows * grid.columns;
  const masks = new Map<number, Uint8Array>();
  for (const segment of segmentation.segments) {
    const out = new Uint8Array(perSlice * sourceImages.length);
    for (const v of segment.mask.indices()) {
      const k = Math.floor(v / perSlice);
      out[sliceOrder[k] * perSlice + (v % perSlice)] = 1;
    }
    masks.set(segment.number, out);
  }
  return masks;
}

/** A readSegmentation mask (grid order) as a writer mask (sourceImages order). */
export function writerMaskOf(segmentation: Segmentation, segmentNumber: number, sourceImages: readonly SourceImage[]): Uint8Array {
  return readMasksInSourceOrder({ ...segmentation, segments: segmentation.segments.filter((s) => s.number === segmentNumber) }, sourceImages).get(segmentNumber)!;
}

/** Frames a BINARY SEG of `input` must have: one per non-empty (segment, slice), at least one. */
export function expectedFrameCount(input: BinarySegInput): number {
  const perSlice = input.sourceImages[0].Rows * input.sourceImages[0].Columns;
  let frames = 0;
  for (const mask of expectedMasks(input).values()) {
    for (let k = 0; k < input.sourceImages.length; k++) if (mask.subarray(k * perSlice, (k + 1) * perSlice).includes(1)) frames++;
  }
  return Math.max(frames, 1);
}

/** Voxels where two masks differ (0 when identical). */
export function differingVoxels(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return Math.max(a.length, b.length);
  let n = 0;
  for (let v = 0; v < a.length; v++) if (a[v] !== b[v]) n++;
  return n;
}
