// The golden SEG cases on the demo cohort's real-sized series: an MR FLAIR annotation (mr-01), a
// CT chest annotation (ct-01), and the STAPLE consensus of ct-01's three annotators written as the
// adjudicated reference. The masks come from the demo SEGs through our reader, so these also show
// that a SEG read and written again keeps every voxel.
import { CT_SEGMENTS, MR_SEGMENTS, generateDemoFiles } from '@segqc/demo-data';
import { staple } from '../consensus/staple';
import { uidFromName } from '../dicom/uid';
import { sha256Hex } from '../hash/sha256';
import { segCreatorIdentity } from '../identity/segCreatorIdentity';
import { encodeUtf8 } from '../text/utf8';
import type { Segmentation } from '../volume/Segmentation';
import { readSegmentation } from './read/readSegmentation';
import { readSourceImages } from './read/readSourceImages';
import type { BinarySegInput } from './buildBinarySeg';
import type { SegmentDescriptionInit } from './SegmentDescription';
import type { SourceImage } from './SourceImage';
import { writerMaskOf, type GoldenSeg, type GoldenSegCase } from './goldenSeg.fixture';
import { describeGoldenSeg } from './goldenSeg.runner.fixture';

interface DemoSeries {
  sourceImages: SourceImage[];
  sourceFiles: Uint8Array[];
  /** The demo SEGs on this series, read, by annotator key. */
  segs: Map<string, Segmentation>;
}

const demoSeries = new Map<string, DemoSeries>();

/** The series in `folder` of demo case `caseId` and the demo SEGs on it (generated once per case). */
function demo(caseId: string, folder: string): DemoSeries {
  const key = `${caseId}/${folder}`;
  if (!demoSeries.has(key)) {
    const files = [...generateDemoFiles({ cases: [caseId] })];
    const sourceFiles = files.filter((f) => f.path.startsWith(`${key}/`)).map((f) => f.bytes);
    const sourceImages = readSourceImages(sourceFiles);
    const segs = new Map<string, Segmentation>();
    for (const file of files.filter((f) => f.path.startsWith(`${caseId}/seg/`))) {
      const seg = readSegmentation(file.bytes, sourceImages);
      segs.set(file.path.slice(`${caseId}/seg/`.length, -'.dcm'.length), seg);
    }
    demoSeries.set(key, { sourceImages, sourceFiles, segs });
  }
  return demoSeries.get(key)!;
}

function demoInput(name: string, series: DemoSeries, segments: readonly SegmentDescriptionInit[], masks: Uint8Array[], change: Partial<BinarySegInput>): BinarySegInput {
  return {
    sourceImages: series.sourceImages,
    segments,
    frames: masks.map((mask, n) => ({ segmentNumber: n + 1, mask })),
    creator: { name: 'Rivera^Ana', login: 'arivera', institutionName: 'SegQC Demo Hospital' },
    contentLabel: 'ANNOTATION',
    contentDate: '20240312',
    contentTime: '101500',
    seriesInstanceUID: uidFromName(`golden/${name}/seg-series`),
    sopInstanceUID: uidFromName(`golden/${name}/seg-instance`),
    seriesNumber: 310,
    seriesDescription: `Golden ${name}`,
    equipment: { manufacturerModelName: 'SegQC core', softwareVersions: '0.1.0', deviceSerialNumber: 'golden', institutionName: 'SegQC Demo Hospital' },
    ...change,
  };
}

/** An annotator's demo SEG written again from its masks. */
function rewritten(name: string, caseId: string, folder: string, annotator: string, segments: readonly SegmentDescriptionInit[], change: Partial<BinarySegInput>): () => GoldenSeg {
  return () => {
    const series = demo(caseId, folder);
    const seg = series.segs.get(annotator)!;
    const masks = segments.map((s) => writerMaskOf(seg, s.segmentNumber, series.sourceImages));
    return { input: demoInput(name, series, segments, masks, change), sourceFiles: series.sourceFiles };
  };
}

const MR_SOP_JSON = JSON.stringify({ id: 'mr-brain-flair-lesion', version: '2.0.1', title: 'MR brain white matter lesions on FLAIR' });
const MR_SOP = { id: 'mr-brain-flair-lesion', version: '2.0.1', sha256: sha256Hex(encodeUtf8(MR_SOP_JSON)) };

const DEMO_GOLDEN_CASES: GoldenSegCase[] = [
  {
    name: 'MR source: a white matter lesion annotation on the demo FLAIR series (mr-01), under a SOP',
    build: rewritten('mr-flair', 'mr-01', 'flair', 'chen', MR_SEGMENTS, {
      creator: { name: 'Chen^Wei', login: 'wchen', institutionName: 'SegQC Demo Hospital' },
      sop: MR_SOP,
    }),
    check: (seg) => {
      expect(seg['Modality']).toBe('SEG');
      expect(seg['ProtocolName']).toBe(`mr-brain-flair-lesion@2.0.1+${MR_SOP.sha256.slice(0, 16)}`);
    },
  },
  {
    name: 'CT source: lungs and nodules on the demo chest series (ct-01)',
    build: rewritten('ct-chest', 'ct-01', 'ct', 'rivera', CT_SEGMENTS, {}),
    check: (seg) => {
      expect(seg['ImageLaterality']).toBe('B');
      expect((seg['SegmentSequence'] as unknown[]).length).toBe(3);
    },
  },
  {
    name: 'a STAPLE consensus of three annotators (AUTOMATIC, algorithm "STAPLE") as the adjudicated reference',
    build: () => {
      const series = demo('ct-01', 'ct');
      const raters = ['rivera', 'chen', 'okafor'].map((key) => series.segs.get(key)!);
      const segments = CT_SEGMENTS.map((s): SegmentDescriptionInit => ({ ...s, algorithmType: 'AUTOMATIC', algorithmName: 'STAPLE' }));
      const masks = segments.map((s) => {
        const consensus = staple(raters.map((rater) => rater.segments.find((r) => r.number === s.segmentNumber)!.mask)).consensus;
        const segmentation: Segmentation = { grid: consensus.grid, segments: [{ number: s.segmentNumber, label: s.label, mask: consensus }], source: {} };
        return writerMaskOf(segmentation, s.segmentNumber, series.sourceImages);
      });
      const input = demoInput('staple', series, segments, masks, {
        contentLabel: 'ADJUDICATED',
        contentDescription: 'STAPLE of arivera, wchen, cokafor',
        // Signed in: a subject of at most 16 characters is a CodeValue (the synthetic ADJUDICATED case has a LongCodeValue).
        creator: { name: 'Singh^Priya', login: 'psingh', institutionName: 'SegQC Demo Hospital', authentication: { issuer: 'https://login.segqc-demo.example/realms/radiology', subject: 'psingh-7731' } },
      });
      return { input, sourceFiles: series.sourceFiles };
    },
    check: (seg) => {
      expect(seg['ContentLabel']).toBe('ADJUDICATED');
      expect(seg['ContentDescription']).toBe('STAPLE of arivera, wchen, cokafor; creator authenticated');
      expect(segCreatorIdentity(seg).authentication).toEqual({ issuer: 'https://login.segqc-demo.example/realms/radiology', subject: 'psingh-7731' });
      for (const item of seg['SegmentSequence'] as Record<string, unknown>[]) {
        expect(item).toMatchObject({ SegmentAlgorithmType: 'AUTOMATIC', SegmentAlgorithmName: 'STAPLE' });
      }
    },
  },
];

jest.setTimeout(60_000);
DEMO_GOLDEN_CASES.forEach(describeGoldenSeg);
