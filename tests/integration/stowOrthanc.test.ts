import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stowInstances, StowError, uidFromName, type StowOptions } from '@segqc/core';
import { paths, startEmbeddedOrthanc, stowInstances as serverStowInstances, type EmbeddedOrthanc } from '@segqc/server';
import { getDicomJson, orthancRest } from '../harness/testPacs';
import { tinyCtSeries } from '../harness/tinyCtSeries';

// The core STOW-RS client against the answers of a real Orthanc (1.10, DICOMweb plugin 1.7): what a
// success, a repeat, a study conflict, an unreadable part and a wrong address become for the user.
jest.setTimeout(60_000);

const series = tinyCtSeries('stow-orthanc');
const { studyInstanceUID: STUDY_UID, sopInstanceUID: sopUid, slice: tinyCtSlice } = series;

let storageDir: string;
let orthanc: EmbeddedOrthanc;
let options: StowOptions;

beforeAll(async () => {
  storageDir = mkdtempSync(join(tmpdir(), 'segqc-test-stow-orthanc-'));
  orthanc = await startEmbeddedOrthanc({ baseConfigFile: paths.orthancConfigFile, storageDir });
  options = { url: orthanc.dicomwebUrl, headers: () => ({ Authorization: orthanc.authorization }), fetch: (url, init) => fetch(url, init), retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 100 } };
});
afterAll(async () => {
  await orthanc?.stop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

const countInstances = async () => ((await (await orthancRest(orthanc, '/statistics')).json()) as { CountInstances: number }).CountInstances;

test('three instances: 200, all stored, with the study Retrieve URL', async () => {
  const result = await stowInstances([tinyCtSlice(0), tinyCtSlice(1), tinyCtSlice(2)], options);
  expect(result).toEqual({
    status: 200,
    stored: [sopUid(0), sopUid(1), sopUid(2)],
    alreadyStored: [],
    warnings: [],
    failed: [],
    attempts: 1,
    retrieveURL: `${orthanc.dicomwebUrl}/studies/${STUDY_UID}`,
  });
  expect(await getDicomJson(`${orthanc.dicomwebUrl}/studies/${STUDY_UID}/instances`, { Authorization: orthanc.authorization })).toHaveLength(3);
});

test('the same instances again (a retry after a lost answer): Orthanc answers 200, stored, still three instances', async () => {
  const result = await stowInstances([tinyCtSlice(0), tinyCtSlice(1), tinyCtSlice(2)], { ...options, studyInstanceUID: STUDY_UID });
  expect([result.status, result.stored]).toEqual([200, [sopUid(0), sopUid(1), sopUid(2)]]);
  expect(await countInstances()).toBe(3);
});

test('an instance of another study sent to /studies/{study}: 409, refused with Processing failure, in plain words', async () => {
  const error = (await stowInstances([tinyCtSlice(3)], { ...options, studyInstanceUID: uidFromName('segqc-test/another-study') }).catch((e: unknown) => e)) as StowError;
  expect(error).toBeInstanceOf(StowError);
  expect([error.kind, error.status, error.failedSops, error.reasons.map((r) => r.code), error.retryable]).toEqual(['refused', 409, [sopUid(3)], [0x0110], false]);
  expect(error.message).toBe(`The PACS refused 1 of 1 object: the PACS failed while processing it (${sopUid(3)}).`);
  expect(await countInstances()).toBe(3);
});

test('a Part 10 file whose data set Orthanc cannot read, next to a good one: 400, the good one stored and reported', async () => {
  const good = tinyCtSlice(4);
  // The File Meta of instance 5 (it names itself sopUid(5)), then (0008,0018) UI with a length past
  // the end. The meta group ends 144 bytes + its (0002,0000) group length into the file (PS3.10 7.1).
  const source = tinyCtSlice(5);
  const metaEnd = 144 + new DataView(source.buffer, source.byteOffset).getUint32(140, true);
  const unreadable = new Uint8Array(metaEnd + 8);
  unreadable.set(source.subarray(0, metaEnd));
  unreadable.set([0x08, 0x00, 0x18, 0x00, 0x55, 0x49, 0xff, 0xff], metaEnd);
  const error = (await stowInstances([good, unreadable], options).catch((e: unknown) => e)) as StowError;
  expect(error).toBeInstanceOf(StowError);
  expect([error.kind, error.status, error.stored, error.failedSops]).toEqual(['bad-request', 400, [sopUid(4)], [sopUid(5)]]);
  expect(error.message).toBe('The PACS rejected the upload as malformed (HTTP 400); it stored 1 of 2 objects.');
});

test('a DICOMweb root that is not one: 404, not-found, not retried', async () => {
  const error = (await stowInstances([tinyCtSlice(6)], { ...options, url: `${orthanc.restUrl}/not-dicom-web` }).catch((e: unknown) => e)) as StowError;
  expect([error.kind, error.status, error.attempts]).toEqual(['not-found', 404, 1]);
});

test('no PACS listening: network, after every attempt', async () => {
  const error = (await stowInstances([tinyCtSlice(7)], { ...options, url: 'http://127.0.0.1:9/dicom-web' }).catch((e: unknown) => e)) as StowError;
  expect([error.kind, error.status, error.attempts, error.retryable]).toEqual(['network', null, 2, true]);
});

test("the server package's stowInstances (demo seeding) goes through the same client and returns its result", async () => {
  const result = await serverStowInstances(orthanc.dicomwebUrl, [tinyCtSlice(8)], { Authorization: orthanc.authorization });
  expect([result.status, result.stored]).toEqual([200, [sopUid(8)]]);
});
