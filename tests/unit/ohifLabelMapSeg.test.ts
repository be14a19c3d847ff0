/**
 * Issue 13: SEGs as OHIF 3.13.2's own stock segmentation mode writes them (tests/data/ohif, made
 * through its UI by tests/tools/captureOhifSeg.ts) read with SegQC's readers against the demo CT
 * they were drawn on: a Label Map Segmentation Storage SEG, RLE Lossless, with frames only for the
 * painted slices, whose voxels are the ones OHIF's labelmap held (ground-truth.json, recorded at
 * capture); the typed label is the segment's only identity, and a SOP synonym names the structure;
 * no creator, so it is named by its series description and marked unattributed; and the
 * SliceThickness OHIF writes (the gap between the painted frames) is warned about when it is not
 * the source's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import {
  NO_REVIEWER_CHOICES, SOP_CLASS, caseStructures, inventorySeg, loadSop, readPart10, readSegHeader, readSegmentation, type DicomJsonDataset, type NaturalDataset,
} from '@segqc/core';
import { annotationRefs } from '../../packages/cli/src/qc/annotationRefs';
import { sliceThicknessWarnings } from '../../packages/cli/src/qc/sliceThicknessWarnings';
import { RLE_LOSSLESS } from '../../packages/core/src/seg/read/transferSyntaxes';
import { sopStructureNamed } from '../../packages/core/src/sop/structureVocabulary';
import { demoCtSeries } from '../harness/demoCtSeries';

interface CapturedExport {
  file: string;
  seriesDescription: string;
  segments: Array<{ segmentIndex: number; label: string; voxelCount: number; paintedInstanceNumbers: number[] }>;
}

const FIXTURES_DIR = join(__dirname, '..', 'data', 'ohif');
const SOP_DIR = join(__dirname, '..', '..', 'platform-config', 'sops');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const groundTruth = readJson(join(FIXTURES_DIR, 'ground-truth.json')) as { case: string; exports: CapturedExport[] };
const ct = demoCtSeries(groundTruth.case);
const sop = loadSop(readJson(join(SOP_DIR, 'ct-lung-nodule.json')), readJson(join(SOP_DIR, 'sop.schema.json')) as object);
/** The phantom's true right lung: the demo case's adjudicated reference standard. */
const rightLung = readSegmentation(ct.files.find((file) => file.path === `${groundTruth.case}/reference/adjudicated.dcm`)!.bytes, ct.sourceImages)
  .segments.find((segment) => segment.label === 'Right lung')!.mask;

/** What the SOP's vocabulary makes of each label the captures have: a synonym names its structure, OHIF's default label none. */
const SOP_STRUCTURE_OF_LABEL: Record<string, string | null> = { 'R lung': 'Right lung', 'Segment 1': null };

const bytesOf = (capture: CapturedExport) => new Uint8Array(readFileSync(join(FIXTURES_DIR, capture.file)));

/** DICOM JSON of a Part 10 file without its pixel data, as WADO-RS metadata gives it to the inventory. */
function metadataOf(bytes: Uint8Array): DicomJsonDataset {
  const { PixelData: _pixels, _vrMap: _map, ...rest } = readPart10(bytes).dataset as Record<string, unknown>;
  return dcmjs.data.DicomMetaDictionary.denaturalizeDataset(rest) as DicomJsonDataset;
}

const positionKey = (position: readonly number[]) => position.map((value) => value.toFixed(3)).join('\\');

test('the captures are the two OHIF exports issue 13 needs: a segment renamed to a SOP synonym, and one left at OHIF\'s default label', () => {
  expect(groundTruth.exports.map((capture) => capture.segments.map((segment) => segment.label))).toEqual([['R lung'], ['Segment 1']]);
});

describe.each(groundTruth.exports.map((capture) => [capture.file, capture] as const))('%s', (_file, capture) => {
  const bytes = bytesOf(capture);
  const painted = [...new Set(capture.segments.flatMap((segment) => segment.paintedInstanceNumbers))].sort((a, b) => a - b);

  test('a Label Map Segmentation Storage SEG, RLE Lossless, 8-bit, drawn on the demo CT, with a frame for each painted slice and no other', () => {
    const header = readSegHeader(bytes);
    expect(header).toMatchObject({
      sopClassUID: SOP_CLASS.LabelMapSegmentationStorage, transferSyntaxUID: RLE_LOSSLESS, segmentationType: 'LABELMAP', bitsAllocated: 8,
      numberOfFrames: painted.length, referencedSeriesInstanceUIDs: [ct.sourceImages[0]!.SeriesInstanceUID],
    });
    const frames = readPart10(bytes).dataset.PerFrameFunctionalGroupsSequence as NaturalDataset[];
    const framePositions = frames.map((frame) => positionKey((frame.PlanePositionSequence as NaturalDataset[])[0]!.ImagePositionPatient as number[]));
    expect(framePositions.sort()).toEqual(painted.map((n) => positionKey(ct.imageNumbered(n).ImagePositionPatient)).sort());
  });

  test("read onto the CT grid: each segment has OHIF's voxel count, on the slices OHIF painted, inside the phantom's right lung", () => {
    const segmentation = readSegmentation(bytes, ct.sourceImages);
    const sliceVoxels = ct.grid.columns * ct.grid.rows;
    expect(segmentation.segments.map((segment) => ({
      segmentIndex: segment.number,
      label: segment.label,
      voxelCount: segment.mask.count(),
      paintedInstanceNumbers: [...new Set(Array.from(segment.mask.indices(), (index) => Math.floor(index / sliceVoxels)))]
        .map((slice) => ct.instanceNumberOf(ct.sourceImages[ct.sliceOrder[slice]!]!.SOPInstanceUID))
        .sort((a, b) => a - b),
    }))).toEqual(capture.segments.map((segment) => ({ ...segment, paintedInstanceNumbers: [...segment.paintedInstanceNumbers].sort((a, b) => a - b) })));
    for (const segment of segmentation.segments) expect(segment.mask.intersectionCount(rightLung)).toBe(segment.mask.count());
  });

  test("the typed label is the segment's only identity (OHIF codes it \"Tissue\"), and the SOP's vocabulary decides its structure", () => {
    const header = readSegHeader(bytes);
    expect(header.segments.map((segment) => [segment.label, segment.category?.meaning, segment.type?.meaning])).toEqual(capture.segments.map((segment) => [segment.label, 'Tissue', 'Tissue']));
    const expected = capture.segments.map((segment) => SOP_STRUCTURE_OF_LABEL[segment.label]);
    expect(header.segments.map((segment) => sopStructureNamed(segment.label, sop.structures)).map((index) => (index === null ? null : sop.structures[index]!.label))).toEqual(expected);
    // The review joins the segment to that structure, or keeps it apart under its own label.
    const structures = caseStructures([readSegmentation(bytes, ct.sourceImages)], sop.structures);
    expect(structures.map((structure) => structure.identity.sopStructure?.label ?? null)).toEqual(expected);
    expect(structures.map((structure) => structure.identity.label)).toEqual(capture.segments.map((segment) => SOP_STRUCTURE_OF_LABEL[segment.label] ?? segment.label));
  });

  test('no creator: an annotation candidate named by its series description, marked unattributed', () => {
    const seg = inventorySeg(metadataOf(bytes), readSegHeader(bytes).seriesInstanceUID)!;
    expect(seg).toMatchObject({
      contentLabel: 'SEGMENTATION',
      creator: { name: null, login: null },
      attribution: { name: `${capture.seriesDescription} (unattributed)`, attributed: false },
      sop: null,
      sourceSeriesInstanceUid: ct.sourceImages[0]!.SeriesInstanceUID,
      segmentLabels: capture.segments.map((segment) => segment.label),
    });
  });

  test("OHIF's SliceThickness is the gap between its painted frames, and segqc qc warns when that is not the source's", () => {
    const seg = inventorySeg(metadataOf(bytes), readSegHeader(bytes).seriesInstanceUID)!;
    // The captures' painted slices are evenly spaced: the gap between the first two is every gap.
    const gapMm = (painted[1]! - painted[0]!) * ct.grid.spacing[2];
    const sourceThicknessMm = ct.sourceImages[0]!.SliceThickness!;
    expect(seg.sliceThicknessMm).toBeCloseTo(gapMm, 6);
    const warnings = sliceThicknessWarnings(annotationRefs([seg], NO_REVIEWER_CHOICES), [seg], sourceThicknessMm).map((warning) => warning.warning);
    expect(warnings).toEqual(Math.abs(gapMm - sourceThicknessMm) < 1e-6 ? [] : [expect.stringContaining(`SliceThickness is ${seg.sliceThicknessMm} mm in the SEG and ${sourceThicknessMm} mm in its source series`)]);
  });
});

test('between them the captures show both sides of the SliceThickness warning', () => {
  const gaps = groundTruth.exports.map((capture) => {
    const painted = capture.segments.flatMap((segment) => segment.paintedInstanceNumbers).sort((a, b) => a - b);
    return (painted[1]! - painted[0]!) * ct.grid.spacing[2];
  });
  expect(new Set(gaps.map((gap) => Math.abs(gap - ct.sourceImages[0]!.SliceThickness!) < 1e-6))).toEqual(new Set([true, false]));
});
