import {
  jsonNumber, jsonString, readSegmentation, readSourceImages, retrieveInstance, retrieveSeriesMetadata, searchForInstances, searchForSeries,
  sourceImageFromDicomJson, DicomwebReadError, type DicomwebReadOptions,
} from '@segqc/core';
import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import { startTestPacs, type TestPacs } from '../harness/testPacs';

// The core DICOMweb read client against a real Orthanc (1.10, DICOMweb plugin 1.7) seeded with demo
// case ct-01: find the study's SEG series by QIDO-RS (the three annotators' and the adjudicated
// reference standard's), build the CT grid from WADO-RS metadata alone, retrieve each SEG and read it
// onto that grid — the voxel counts must be the generator's.
jest.setTimeout(180_000);

const CASE_ID = 'ct-01';
const demoCase = demoManifest({ cases: [CASE_ID] }).cases[0];
const ctSeries = demoCase.series[0];
const reference = demoCase.reference!;
/** Every SEG of the case as the manifest describes it: the annotators', then the adjudicated reference. */
const segsOfCase = [
  ...demoCase.segs.map((seg) => ({ ...seg, creator: seg.annotator.login })),
  { ...reference, creator: reference.adjudicator.login },
];
let pacs: TestPacs;
let options: DicomwebReadOptions;

beforeAll(async () => {
  pacs = await startTestPacs([CASE_ID]);
  options = { fetch: (url, init) => fetch(url, init) };
});
afterAll(async () => {
  await pacs?.stop();
});

test('QIDO-RS finds the SEG series of the study, with every included attribute (one includefield parameter each)', async () => {
  const study = { studyInstanceUid: demoCase.StudyInstanceUID };
  const series = await searchForSeries(pacs.dicomwebUrl, study, { match: { Modality: 'SEG' }, includefield: ['SeriesDate', '00080031'] }, options);
  const byNumber = (a: unknown[], b: unknown[]) => Number(a[1]) - Number(b[1]);
  const found = series.map((s) => [jsonString(s, '0020000E'), jsonNumber(s, '00200011'), jsonString(s, '00080021'), jsonString(s, '00080031')]).sort(byNumber);
  expect(found).toEqual(segsOfCase.map((seg) => [seg.SeriesInstanceUID, seg.SeriesNumber, seg.ContentDate, seg.ContentTime]).sort(byNumber));
  // Without includefield Orthanc leaves the series date and time out: the attributes above came from the query.
  const plain = await searchForSeries(pacs.dicomwebUrl, study, { match: { Modality: 'SEG' } }, options);
  expect(plain.map((s) => [jsonString(s, '00080021'), jsonString(s, '00080031')])).toEqual(segsOfCase.map(() => [undefined, undefined]));
  expect(await searchForSeries(pacs.dicomwebUrl, study, { match: { Modality: 'MR' } }, options)).toEqual([]);
});

test('WADO-RS metadata of the CT series gives the SourceImages its Part 10 files give', async () => {
  const metadata = await retrieveSeriesMetadata(pacs.dicomwebUrl, { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid: ctSeries.SeriesInstanceUID }, options);
  expect(metadata).toHaveLength(ctSeries.numberOfInstances);
  const fromJson = metadata.map((dataset, i) => sourceImageFromDicomJson(dataset, `metadata[${i}]`));
  const files = [...generateDemoFiles({ cases: [CASE_ID] })].filter((file) => file.path.startsWith(`${CASE_ID}/${ctSeries.folder}/`));
  const fromFiles = new Map(readSourceImages(files.map((file) => file.bytes)).map((image) => [image.SOPInstanceUID, image]));
  expect(fromJson.map((image) => fromFiles.get(image.SOPInstanceUID))).toEqual(fromJson);
});

test('each SEG, found by QIDO-RS and retrieved by WADO-RS, reads onto the metadata grid with the manifest voxel counts', async () => {
  const root = pacs.dicomwebUrl;
  const study = { studyInstanceUid: demoCase.StudyInstanceUID };
  const metadata = await retrieveSeriesMetadata(root, { ...study, seriesInstanceUid: ctSeries.SeriesInstanceUID }, options);
  const sourceImages = metadata.map((dataset, i) => sourceImageFromDicomJson(dataset, `metadata[${i}]`));
  const segSeries = await searchForSeries(root, study, { match: { Modality: 'SEG' } }, options);
  expect(segSeries).toHaveLength(segsOfCase.length);
  for (const series of segSeries) {
    const seriesInstanceUid = jsonString(series, '0020000E')!;
    const expected = segsOfCase.find((seg) => seg.SeriesInstanceUID === seriesInstanceUid)!;
    const [instance] = await searchForInstances(root, { ...study, seriesInstanceUid }, {}, options);
    const sopInstanceUid = jsonString(instance, '00080018')!;
    expect([seriesInstanceUid, sopInstanceUid]).toEqual([expected.SeriesInstanceUID, expected.SOPInstanceUID]);

    const bytes = await retrieveInstance(root, { ...study, seriesInstanceUid, sopInstanceUid }, options);
    const segmentation = readSegmentation(bytes, sourceImages);
    expect([expected.creator, segmentation.segments.map((segment) => [segment.number, segment.label, segment.mask.count()])]).toEqual([
      expected.creator,
      expected.segments.map((segment) => [segment.number, segment.label, segment.voxelCount]),
    ]);
  }
});

test('an instance the PACS does not hold: an http 404 DicomwebReadError naming the URL', async () => {
  const instance = { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid: demoCase.segs[0].SeriesInstanceUID, sopInstanceUid: '1.2.3' };
  const error = (await retrieveInstance(pacs.dicomwebUrl, instance, options).catch((e: unknown) => e)) as DicomwebReadError;
  expect(error).toBeInstanceOf(DicomwebReadError);
  const url = `${pacs.dicomwebUrl}/studies/${instance.studyInstanceUid}/series/${instance.seriesInstanceUid}/instances/1.2.3`;
  expect([error.kind, error.status, error.url, error.message]).toEqual(['http', 404, url, `The PACS answered HTTP 404 for ${url}: it has no such resource.`]);
});
