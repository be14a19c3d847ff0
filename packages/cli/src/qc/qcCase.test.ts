import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dcmjs from 'dcmjs';
import {
  buildBinarySeg, readPart10, readQcReport, readSegmentation, reviewCase, SOP_CLASS, uidFromName, writePart10,
  type DicomJsonDataset, type ReadFetchLike, type SegmentDescriptionInit, type Sop, type SourceImage,
} from '@segqc/core';
import { qcCase, type QcCaseContext } from './qcCase';
import { defaultSopDir, readSopLibrary, type SopLibrary } from './sopLibrary';

// Why: `segqc qc` must give, case by case, the numbers and verdicts the viewer gives: the SEGs read
// onto the source grid from metadata alone (no source pixels fetched), judged against the SOP the
// annotations name — refused when the library's file is not that text — an unreadable SEG left out
// with its reason, and with --write-reports a reviewer's report that revises the study's latest.

const uid = (name: string) => uidFromName(`qc case test ${name}`);
const STUDY = uid('study'), CT = uid('ct series'), FOR = uid('frame of reference');
const [COLUMNS, ROWS, SLICES] = [16, 16, 8];
const library = readSopLibrary(defaultSopDir());
const SOP: Sop = library.sops.find(({ sop }) => sop.id === 'ct-lung-nodule')!.sop;

const sourceImages: SourceImage[] = Array.from({ length: SLICES }, (_, z) => ({
  SOPClassUID: SOP_CLASS.CtImageStorage, SOPInstanceUID: uid(`ct ${z}`), SeriesInstanceUID: CT, StudyInstanceUID: STUDY, FrameOfReferenceUID: FOR,
  ImagePositionPatient: [0, 0, z], ImageOrientationPatient: [1, 0, 0, 0, 1, 0], PixelSpacing: [1, 1], SliceThickness: 1, Rows: ROWS, Columns: COLUMNS,
  PatientName: 'Test^Qc', PatientID: 'QC-1', StudyDate: '20240304', StudyID: '1',
}));
const ctFile = (image: SourceImage) => writePart10({
  ...image, ImagePositionPatient: [...image.ImagePositionPatient], ImageOrientationPatient: [...image.ImageOrientationPatient], PixelSpacing: [...image.PixelSpacing],
  Modality: 'CT', SeriesDescription: 'Chest', SamplesPerPixel: 1, PhotometricInterpretation: 'MONOCHROME2', BitsAllocated: 16, BitsStored: 12, HighBit: 11, PixelRepresentation: 0,
  PixelData: [new Uint16Array(ROWS * COLUMNS).fill(1024).buffer], _vrMap: { PixelData: 'OW' },
});

/** A box of ones in a (slice, row, column) volume. */
function box(x: [number, number], y: [number, number], z: [number, number]): Uint8Array {
  const mask = new Uint8Array(SLICES * ROWS * COLUMNS);
  for (let k = z[0]; k <= z[1]; k++) for (let j = y[0]; j <= y[1]; j++) for (let i = x[0]; i <= x[1]; i++) mask[(k * ROWS + j) * COLUMNS + i] = 1;
  return mask;
}
const segments: SegmentDescriptionInit[] = SOP.structures.map((structure, n) => ({
  segmentNumber: n + 1, label: structure.label, category: structure.category, type: structure.type,
  ...(structure.typeModifier ? { typeModifier: structure.typeModifier } : {}), algorithmType: 'MANUAL', color: [...structure.color] as [number, number, number],
}));

/** An annotator's SEG: identical lungs, the nodule shifted by `noduleShift` columns (4×4×4 voxels). */
function annotationSeg(key: string, name: string, noduleShift: number, minute: number): { sopInstanceUid: string; seriesInstanceUid: string; bytes: Uint8Array } {
  const sopInstanceUid = uid(`seg ${key}`), seriesInstanceUid = uid(`seg series ${key}`);
  const bytes = writePart10(buildBinarySeg({
    sourceImages, segments,
    frames: [
      { segmentNumber: 1, mask: box([1, 6], [2, 13], [1, 6]) },
      { segmentNumber: 2, mask: box([9, 14], [2, 13], [1, 6]) },
      { segmentNumber: 3, mask: box([2 + noduleShift, 5 + noduleShift], [6, 9], [2, 5]) },
    ],
    creator: { name, login: key, institutionName: 'Test Hospital' }, contentLabel: 'ANNOTATION',
    contentDate: '20240305', contentTime: `10${String(minute).padStart(2, '0')}00`,
    seriesInstanceUID: seriesInstanceUid, sopInstanceUID: sopInstanceUid, seriesNumber: 300 + minute, seriesDescription: `Lungs (${key})`,
    equipment: { manufacturerModelName: 'test', softwareVersions: '1', deviceSerialNumber: '1' },
    sop: SOP.reference,
  }));
  return { sopInstanceUid, seriesInstanceUid, bytes };
}
const rivera = annotationSeg('arivera', 'Rivera^Ana', 0, 1);
const chen = annotationSeg('wchen', 'Chen^Wei', 2, 2);
const okafor = annotationSeg('cokafor', 'Okafor^Chidi', 0, 3);

/** DICOM JSON of a Part 10 file without its pixel data, as WADO-RS metadata gives it. */
function metadataOf(bytes: Uint8Array): DicomJsonDataset {
  const { dataset } = readPart10(bytes);
  const { PixelData: _pixels, _vrMap: _map, ...rest } = dataset as Record<string, unknown>;
  return dcmjs.data.DicomMetaDictionary.denaturalizeDataset(rest) as DicomJsonDataset;
}

interface Stored { seriesInstanceUid: string; sopInstanceUid: string; bytes: Uint8Array; modality: 'SEG' | 'SR' }

/** A PACS with the CT series and `objects`; SEG metadata from `metadataBytes` when given (a SEG whose pixels are damaged). */
function fakePacs(objects: Stored[], metadataBytes = new Map<string, Uint8Array>()) {
  const requests: string[] = [];
  const answer = (status: number, body: string | Uint8Array, type: string) => ({
    status, headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? type : null) },
    text: async () => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8')),
    arrayBuffer: async () => (typeof body === 'string' ? Buffer.from(body) : body).slice().buffer as ArrayBuffer,
  });
  const json = (value: unknown) => answer(200, JSON.stringify(value), 'application/dicom+json');
  const fetch: ReadFetchLike = async (url) => {
    const path = url.replace('https://pacs.test/dicom-web', '');
    requests.push(path);
    const [, , study, , series, resource, instance] = new URL(`https://x${path}`).pathname.split('/');
    if (study !== STUDY) return answer(404, '', 'text/plain');
    if (series === undefined) {
      const seriesList = [{ uid: CT, modality: 'CT' }, ...objects.map((o) => ({ uid: o.seriesInstanceUid, modality: o.modality }))];
      return json([...new Map(seriesList.map((s) => [s.uid, s])).values()].map((s) => ({ '0020000E': { vr: 'UI', Value: [s.uid] }, '00080060': { vr: 'CS', Value: [s.modality] } })));
    }
    const inSeries = objects.filter((o) => o.seriesInstanceUid === series);
    if (resource === 'metadata') {
      return json(series === CT ? sourceImages.map((image) => metadataOf(ctFile(image))) : inSeries.map((o) => metadataOf(metadataBytes.get(o.sopInstanceUid) ?? o.bytes)));
    }
    if (resource === 'instances' && instance === undefined) {
      return json(inSeries.map((o) => ({ '00080016': { vr: 'UI', Value: [readPart10(o.bytes).dataset.SOPClassUID] }, '00080018': { vr: 'UI', Value: [o.sopInstanceUid] } })));
    }
    const object = inSeries.find((o) => o.sopInstanceUid === instance);
    return object ? answer(200, object.bytes, 'application/dicom') : answer(404, '', 'text/plain');
  };
  return { fetch, requests };
}
const seg = (s: { sopInstanceUid: string; seriesInstanceUid: string; bytes: Uint8Array }): Stored => ({ ...s, modality: 'SEG' });

const SIGN_IN = { issuer: 'https://login.segqc-test.example/realms/radiology', subject: 'mlindqvist' };

function context(fetch: ReadFetchLike, options: { library?: SopLibrary; writeReports?: boolean; signedIn?: boolean; stored?: Uint8Array[] } = {}): QcCaseContext {
  return {
    root: 'https://pacs.test/dicom-web',
    read: { fetch },
    library: options.library ?? library,
    writeReports: options.writeReports ? { name: 'Lindqvist^Maria', login: 'mlindqvist', ...(options.signedIn ? { authentication: SIGN_IN } : {}) } : null,
    store: async (bytes) => void options.stored?.push(bytes),
    now: () => new Date(2026, 2, 2, 10, 15, 0),
  };
}

test('two annotations under the SOP they name: the review of the SEGs on the source grid, with no source pixels fetched', async () => {
  const pacs = fakePacs([seg(chen), seg(rivera)]);
  const result = await qcCase(STUDY, context(pacs.fetch));

  const grid = readSegmentation(rivera.bytes, sourceImages).grid;
  const expected = reviewCase([
    { id: 'Rivera, Ana', segmentation: readSegmentation(rivera.bytes, grid) },
    { id: 'Chen, Wei', segmentation: readSegmentation(chen.bytes, grid) },
  ], SOP);
  expect(result).toMatchObject({
    studyInstanceUid: STUDY, status: 'reviewed', sourceSeriesInstanceUid: CT, modality: 'CT', excluded: [], warnings: [], error: null, report: null,
    sop: { id: 'ct-lung-nodule', version: SOP.version, sha256: SOP.reference.sha256, file: join(defaultSopDir(), 'ct-lung-nodule.json'), chosenBy: 'protocol-name' },
    verdict: 'escalate',
    structures: [
      { label: 'Right lung', verdict: 'pass', escalatedPairs: 0, annotations: ['Rivera, Ana', 'Chen, Wei'] },
      { label: 'Left lung', verdict: 'pass', escalatedPairs: 0, annotations: ['Rivera, Ana', 'Chen, Wei'] },
      { label: 'Lung nodule', verdict: 'escalate', escalatedPairs: 1, annotations: ['Rivera, Ana', 'Chen, Wei'] },
    ],
  });
  expect(result.annotations.map((a) => [a.id, a.login, a.sop])).toEqual([['Rivera, Ana', 'arivera', SOP.reference.toProtocolName()], ['Chen, Wei', 'wchen', SOP.reference.toProtocolName()]]);
  // Two 4×4×4 cubes two columns apart: 2·32 / (64 + 64).
  const nodule = result.pairs[0];
  expect([nodule.structure, nodule.a, nodule.b, nodule.dice, nodule.verdict]).toEqual(['Lung nodule', 'Rivera, Ana', 'Chen, Wei', 0.5, 'escalate']);
  expect(nodule.failed).toContainEqual({ criterion: 'minDice', threshold: 0.7, value: 0.5 });
  expect(result.pairs.map((p) => [p.structure, p.dice, p.hd95Mm, p.nsd, p.verdict])).toEqual(expected.rows.map((r) => [r.structure.label, r.dice, r.hd95Mm, r.nsd, r.verdict]));
  expect(result.pairs[1].nsdByToleranceMm).toEqual({ 1: 1, 2: 1, 3: 1 });

  expect(pacs.requests.filter((path) => path.includes(`/series/${CT}/instances`))).toEqual([]);
  expect(pacs.requests.filter((path) => /\/instances\/[\d.]+$/.test(path)).sort()).toEqual([chen, rivera].map((s) => `/studies/${STUDY}/series/${s.seriesInstanceUid}/instances/${s.sopInstanceUid}`).sort());
});

test('a library file that is not the text the annotators worked under fails the case, naming the file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'segqc-sops-'));
  try {
    cpSync(defaultSopDir(), dir, { recursive: true });
    const file = join(dir, 'ct-lung-nodule.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), title: 'edited after the annotations' }));
    const result = await qcCase(STUDY, context(fakePacs([seg(rivera), seg(chen)]).fetch, { library: readSopLibrary(dir) }));
    expect([result.status, result.verdict, result.pairs]).toEqual(['failed', null, []]);
    expect(result.error).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')} is ct-lung-nodule@${SOP.version} with SHA-256 [0-9a-f]{64}, but the annotations were made under ${SOP.reference.toProtocolName().replace(/[.+]/g, '\\$&')}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one annotation of the series: not double-read, and no SEG is retrieved', async () => {
  const pacs = fakePacs([seg(rivera)]);
  const result = await qcCase(STUDY, context(pacs.fetch));
  expect([result.status, result.annotations.map((a) => a.id), result.verdict]).toEqual(['not-double-read', ['Rivera, Ana'], null]);
  expect(pacs.requests.some((path) => path.includes('/instances/'))).toBe(false);
});

test('a SEG that cannot be read is left out with its reason; the others are compared', async () => {
  // Its metadata says SEG; what is stored under it is a CT image.
  const broken = { ...okafor, bytes: ctFile(sourceImages[0]) };
  const result = await qcCase(STUDY, context(fakePacs([seg(rivera), seg(chen), seg(broken)], new Map([[okafor.sopInstanceUid, okafor.bytes]])).fetch));
  expect(result.status).toBe('reviewed');
  expect(result.excluded).toEqual([{ id: 'Okafor, Chidi', sopInstanceUid: okafor.sopInstanceUid, reason: expect.stringMatching(/^SOPClassUID: .* is not a Segmentation/) }]);
  expect(result.structures[2].annotations).toEqual(['Rivera, Ana', 'Chen, Wei']);
  const alone = await qcCase(STUDY, context(fakePacs([seg(rivera), seg(broken)], new Map([[okafor.sopInstanceUid, okafor.bytes]])).fetch));
  expect([alone.status, alone.error]).toEqual(['failed', expect.stringMatching(/^agreement needs two readable annotations; Okafor, Chidi: SOPClassUID: /)]);
});

test('--write-reports: an unsigned report by the reviewer (self-declared) with each structure decided; the next one, signed in, revises it', async () => {
  const stored: Uint8Array[] = [];
  const first = await qcCase(STUDY, context(fakePacs([seg(rivera), seg(chen)]).fetch, { writeReports: true, stored }));
  expect(stored).toHaveLength(1);
  const { qc } = readQcReport(stored[0]);
  expect(qc!.sopInstanceUid).toBe(first.report!.sopInstanceUid);
  expect(first.report!.revises).toBeNull();
  expect(qc!.observer).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist', role: 'reviewer' });
  expect(qc!.verification).toBeUndefined();
  expect(qc!.sop).toEqual({ id: 'ct-lung-nodule', version: SOP.version, sha256: SOP.reference.sha256 });
  expect(qc!.structures.map((s) => [s.label, s.decision?.outcome])).toEqual([['Right lung', 'agreed'], ['Left lung', 'agreed'], ['Lung nodule', 'escalated']]);

  const report: Stored = { seriesInstanceUid: qc!.seriesInstanceUid, sopInstanceUid: qc!.sopInstanceUid, bytes: stored[0], modality: 'SR' };
  const second = await qcCase(STUDY, context(fakePacs([seg(rivera), seg(chen), report]).fetch, { writeReports: true, signedIn: true, stored }));
  const revision = readQcReport(stored[1]).qc!;
  expect(revision.observer).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist', role: 'reviewer', authentication: SIGN_IN });
  expect(second.report!.revises).toBe(qc!.sopInstanceUid);
  expect([revision.instanceNumber, revision.seriesInstanceUid, revision.predecessors?.map((p) => p.sopInstanceUid)]).toEqual([2, qc!.seriesInstanceUid, [qc!.sopInstanceUid]]);
});
