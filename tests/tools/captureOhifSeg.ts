/**
 * Remakes the fixtures in tests/data/ohif/ (issue 13): SEGs made by OHIF 3.13.2's own stock
 * segmentation mode, through its UI, on demo case ct-01, as the PACS stored them, and the ground
 * truth read from OHIF's labelmap at the moment of export (ground-truth.json). It drives a real
 * viewer, so it runs as a jest file of the browser project, on purpose only (not part of `npm test`):
 *
 *   npm run build && npx jest --selectProjects browser --testMatch '<rootDir>/tests/tools/captureOhifSeg.ts'
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DATA_VERSION, demoManifest } from '@segqc/demo-data';
import { browserSession } from '../harness/browserSession';
import { demoCtSeries } from '../harness/demoCtSeries';
import { BRUSH_RADIUS_MM, segmentAndExport, type ReaderWork } from '../harness/ohifStockSegmentation';
import { orthancStoredInstance } from '../harness/orthancStoredInstance';

jest.setTimeout(600_000);

const CASE = 'ct-01';
const FIXTURES_DIR = join(__dirname, '..', 'data', 'ohif');
const OHIF_VERSION = readFileSync(join(__dirname, '..', '..', '.ohif-host', 'VERSION'), 'utf8').split(' ')[0]!;
const [demoCase] = demoManifest({ cases: [CASE] }).cases;
const session = browserSession({ cases: [CASE], name: 'capture-ohif-seg' });
const ct = demoCtSeries(CASE);

// Both inside the phantom's right lung. The renamed one is painted on every other slice (OHIF then
// writes the 5 mm between its frames as SliceThickness); the one left at OHIF's default label on
// three slices in a row.
const captures: Array<{ file: string; work: ReaderWork }> = [
  {
    file: 'ohif-r-lung.dcm',
    work: { seriesDescription: 'Reader A lungs', segmentLabel: 'R lung', strokes: [39, 41, 43].map((imageIndex) => ({ imageIndex, from: [58, 110], to: [62, 140] })) },
  },
  {
    file: 'ohif-segment-1.dcm',
    work: { seriesDescription: 'Reader C lungs', strokes: [49, 50, 51].map((imageIndex) => ({ imageIndex, from: [70, 165], to: [95, 175] })) },
  },
];

test(`capture OHIF ${OHIF_VERSION} stock segmentation exports of ${CASE} into tests/data/ohif`, async () => {
  const exports = [];
  for (const { file, work } of captures) {
    const exported = await segmentAndExport(session.browser.page, session.viewer.baseUrl, demoCase.StudyInstanceUID, work);
    const stored = await orthancStoredInstance(session.pacs.orthanc, exported.sopInstanceUid);
    mkdirSync(FIXTURES_DIR, { recursive: true });
    writeFileSync(join(FIXTURES_DIR, file), stored.file);
    exports.push({
      file,
      seriesDescription: work.seriesDescription,
      strokes: work.strokes,
      segments: Object.keys(exported.labels).map(Number).map((segmentIndex) => ({
        segmentIndex,
        label: exported.labels[segmentIndex],
        voxelCount: exported.voxelCounts[segmentIndex],
        paintedInstanceNumbers: exported.paintedImages[segmentIndex]!.map(ct.instanceNumberOf),
      })),
    });
  }
  const groundTruth = {
    writer: `OHIF ${OHIF_VERSION} prebuilt @ohif/app, stock segmentation mode (@ohif/mode-segmentation), Export → DICOM SEG → Save`,
    case: CASE,
    demoDataVersion: DEMO_DATA_VERSION,
    capturedAt: new Date().toISOString(),
    brushRadiusMm: BRUSH_RADIUS_MM,
    exports,
  };
  writeFileSync(join(FIXTURES_DIR, 'ground-truth.json'), `${JSON.stringify(groundTruth, null, 2)}\n`);
  expect(exports.map((capture) => capture.segments.map((segment) => segment.label))).toEqual([['R lung'], ['Segment 1']]);
});
