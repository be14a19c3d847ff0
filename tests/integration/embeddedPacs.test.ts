import { demoManifest } from '@segqc/demo-data';
import { seedDemoCohort } from '@segqc/server';
import { firstValue, getDicomJson, startTestPacs, type TestPacs } from '../harness/testPacs';
import { startTestViewer } from '../harness/testViewer';

// The PACS is SegQC's system of record. This suite runs a real Orthanc (from Debian, as `npm start`
// does) on a free port with temporary storage, seeds one demo CT case (with its signed adjudication),
// and checks what QIDO-RS, WADO-RS and the one-origin proxy give back against the generator's manifest.
jest.setTimeout(180_000);

const CASE_ID = 'ct-01';
const demoCase = demoManifest({ cases: [CASE_ID] }).cases[0];
/** ct-01 is adjudicated: its reference-standard SEG and verified QC report are stored with it, each in a series of its own. */
const reference = demoCase.reference!;
let pacs: TestPacs;
let viewer: Awaited<ReturnType<typeof startTestViewer>>;

beforeAll(async () => {
  pacs = await startTestPacs([CASE_ID]);
  viewer = await startTestViewer(pacs.orthanc.dicomwebUrl, pacs.orthanc.authorization);
});
afterAll(async () => {
  await viewer?.stop();
  await pacs?.stop();
});

test('QIDO-RS finds the seeded study with its patient, CT and SEG modalities and every instance', async () => {
  const studies = await getDicomJson(`${pacs.dicomwebUrl}/studies?PatientID=${demoCase.PatientID}&includefield=00201208`);
  expect(studies).toHaveLength(1);
  expect(firstValue(studies[0], '0020000D')).toBe(demoCase.StudyInstanceUID);
  expect(studies[0]['00080061'].Value).toEqual(expect.arrayContaining(['CT', 'SEG']));
  const instances = demoCase.series.reduce((n, s) => n + s.numberOfInstances, 0) + demoCase.segs.length + 2;
  expect(firstValue(studies[0], '00201208')).toBe(instances);
});

test('each annotator SEG and the adjudicated reference is stored with its creator, content label and the source series it references', async () => {
  const segSeries = await getDicomJson(`${pacs.dicomwebUrl}/studies/${demoCase.StudyInstanceUID}/series?Modality=SEG`);
  const segs = [...demoCase.segs.map((seg) => ({ ...seg, creator: seg.annotator.name })), { ...reference, creator: reference.adjudicator.name }];
  expect(segSeries.map((s) => firstValue(s, '0020000E')).sort()).toEqual(segs.map((s) => s.SeriesInstanceUID).sort());
  for (const seg of segs) {
    const [metadata] = await getDicomJson(`${pacs.dicomwebUrl}/studies/${demoCase.StudyInstanceUID}/series/${seg.SeriesInstanceUID}/metadata`);
    expect((firstValue(metadata, '00700084') as { Alphabetic: string }).Alphabetic).toBe(seg.creator);
    expect(firstValue(metadata, '00700080')).toBe(seg.ContentLabel);
    const referencedSeries = firstValue(metadata, '00081115') as Record<string, { Value?: unknown[] }>;
    expect(firstValue(referencedSeries, '0020000E')).toBe(seg.sourceSeriesInstanceUID);
  }
});

test('seeding again stores nothing twice', async () => {
  const report = await seedDemoCohort(pacs.dicomwebUrl, { cases: [CASE_ID] });
  expect(report).toEqual({ seeded: [], alreadyPresent: [CASE_ID] });
  const series = await getDicomJson(`${pacs.dicomwebUrl}/studies/${demoCase.StudyInstanceUID}/series`);
  expect(series).toHaveLength(demoCase.series.length + demoCase.segs.length + 2);
});

test('the viewer origin forwards /dicom-web to the PACS, keeping the Host so BulkDataURIs point back at it', async () => {
  const [direct, proxied] = await Promise.all([
    getDicomJson(`${pacs.dicomwebUrl}/studies/${demoCase.StudyInstanceUID}/series`),
    getDicomJson(`${viewer.baseUrl}/dicom-web/studies/${demoCase.StudyInstanceUID}/series`),
  ]);
  // Same answer, except that the URLs Orthanc writes (RetrieveURL) name the viewer's origin.
  expect(JSON.stringify(proxied)).toContain(`"${viewer.baseUrl}/dicom-web/studies/`);
  expect(JSON.parse(JSON.stringify(proxied).replaceAll(viewer.baseUrl, new URL(pacs.dicomwebUrl).origin))).toEqual(direct);
  const ct = demoCase.series.find((s) => s.Modality === 'CT')!;
  const metadata = await getDicomJson(`${viewer.baseUrl}/dicom-web/studies/${demoCase.StudyInstanceUID}/series/${ct.SeriesInstanceUID}/metadata`);
  const bulkDataUri = (metadata[0]['7FE00010'] as { BulkDataURI?: string }).BulkDataURI;
  expect(bulkDataUri?.startsWith(`${viewer.baseUrl}/dicom-web/`)).toBe(true);
});

test('the study list query the viewer sends (comma-separated includefield) gets the study description through the proxy', async () => {
  const [study] = await getDicomJson(`${viewer.baseUrl}/dicom-web/studies?PatientID=${demoCase.PatientID}&includefield=00081030%2C00080060`);
  expect(firstValue(study, '00081030')).toBe(demoCase.StudyDescription);
});

test('the viewer origin serves our app-config, our bundles as JavaScript, and index.html for viewer routes', async () => {
  const config = await fetch(`${viewer.baseUrl}/app-config.js`);
  expect(await config.text()).toContain("modes: ['/segqc/segqc-mode.js', '/segqc/segqc-annotate-mode.js']");
  for (const bundle of ['segqc-extension.js', 'segqc-agreement-worker.js', 'segqc-mode.js', 'segqc-annotate-mode.js']) {
    const response = await fetch(`${viewer.baseUrl}/segqc/${bundle}`);
    expect([response.status, response.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  }
  const route = await fetch(`${viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`);
  expect(await route.text()).toContain('<div id="root"');
  expect((await fetch(`${viewer.baseUrl}/segqc/..%2f..%2fpackage.json`)).status).toBe(400);
  expect((await fetch(`${viewer.baseUrl}/segqc/missing.js`)).status).toBe(404);
});
