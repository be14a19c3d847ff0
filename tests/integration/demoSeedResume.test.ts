import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retrieveInstance, verifyDatasetSignatures, MAX_SR_BYTES } from '@segqc/core';
import { demoManifest } from '@segqc/demo-data';
import { demoSigningCertificate, nodeVerifier, reportSignerOf } from '@segqc/gateway';
import { demoSeedEntries, paths, seedDemoCohort, startEmbeddedOrthanc, type EmbeddedOrthanc } from '@segqc/server';
import type { DemoAdjudicatorSigning } from '../../packages/server/src/signedInAdjudicationObject';
import { orthancRest } from '../harness/testPacs';

// Issue 15: with sign-in the seed signs each demo adjudication report anew, and a PACS keeps the first
// copy of an instance. A start stopped in the middle of a case stores the case again on the next
// start: the adjudication objects already stored must not be stored (nor journaled) again, or the
// journal would record a signature and bytes the PACS does not hold.
jest.setTimeout(180_000);

const CASE = 'ct-01';
const [demoCase] = demoManifest({ cases: [CASE] }).cases;
const reference = demoCase!.reference!;
const ISSUER = 'http://127.0.0.1:3002';
let dir: string;
let orthanc: EmbeddedOrthanc;
let signedInAdjudicator: DemoAdjudicatorSigning;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-seed-resume-'));
  orthanc = await startEmbeddedOrthanc({ baseConfigFile: paths.orthancConfigFile, storageDir: join(dir, 'orthanc') });
  const certificate = demoSigningCertificate(join(dir, 'signing'));
  signedInAdjudicator = { issuer: ISSUER, signer: reportSignerOf({ certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem }) };
});
afterAll(async () => {
  await orthanc?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function storedSignatureUid(): Promise<string | undefined> {
  const bytes = await retrieveInstance(
    orthanc.dicomwebUrl,
    { studyInstanceUid: demoCase!.StudyInstanceUID, seriesInstanceUid: reference.report.SeriesInstanceUID, sopInstanceUid: reference.report.SOPInstanceUID },
    { fetch: (url, init) => fetch(url, init), headers: { Authorization: orthanc.authorization } },
    MAX_SR_BYTES,
  );
  return verifyDatasetSignatures(bytes, nodeVerifier())[0]?.signatureUid;
}

test('a case stored again after an interrupted start keeps its signed adjudication: not stored, not journaled twice', async () => {
  const seed = async () => {
    const journaled: ReturnType<typeof demoSeedEntries> = [];
    const report = await seedDemoCohort(orthanc.dicomwebUrl, { cases: [CASE], headers: { Authorization: orthanc.authorization }, signedInAdjudicator, onStored: (objects) => journaled.push(...demoSeedEntries(objects)) });
    return { report, journaled };
  };
  const first = await seed();
  expect(first.report).toEqual({ seeded: [CASE], alreadyPresent: [] });
  const firstReport = first.journaled.find((entry) => entry.sopInstanceUid === reference.report.SOPInstanceUID)!;
  expect(firstReport.signature?.uid).toBe(await storedSignatureUid());

  // One image lost: the case is incomplete, as after a start stopped in its middle.
  const ct = demoCase!.series[0]!;
  const [lost] = (await (await orthancRest(orthanc, '/tools/lookup', { method: 'POST', body: ct.SeriesInstanceUID })).json()) as Array<{ ID: string }>;
  const instances = (await (await orthancRest(orthanc, `/series/${lost!.ID}/instances`)).json()) as Array<{ ID: string }>;
  expect((await orthancRest(orthanc, `/instances/${instances[0]!.ID}`, { method: 'DELETE' })).status).toBe(200);

  const second = await seed();
  expect(second.report).toEqual({ seeded: [CASE], alreadyPresent: [] });
  const journaledUids = new Set(second.journaled.map((entry) => entry.sopInstanceUid));
  expect([journaledUids.has(reference.SOPInstanceUID), journaledUids.has(reference.report.SOPInstanceUID)]).toEqual([false, false]);
  // The images and the annotators' SEGs, the seed's as before.
  expect(second.journaled).toHaveLength(ct.numberOfInstances + demoCase!.segs.length);
  expect(await storedSignatureUid()).toBe(firstReport.signature!.uid);
  expect((await seed()).report).toEqual({ seeded: [], alreadyPresent: [CASE] });
});
