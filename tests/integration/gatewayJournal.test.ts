import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import { multipartRelatedBody, readJournal, readPart10, segCreatorIdentity } from '@segqc/core';
import { WriteJournal } from '@segqc/gateway';
import { DEMO_SEED_LOGIN } from '@segqc/server';
import { segqc } from '../harness/segqcCommand';
import { ohifStyleSeg } from '../harness/ohifStyleSeg';
import { startTestIssuer, type TestIssuer } from '../harness/testIssuer';
import { orthancRest, startTestPacs, type TestPacs } from '../harness/testPacs';

// The gateway's journal of writes (issue 15, and issue 13's "who stored a SEG that names no
// creator"): each object the PACS accepted is a record — who stored it (the token's issuer,
// subject, login and roles), its UIDs and the SHA-256 of the bytes the PACS holds — chained to the
// one before; a refused write leaves no record. Against a real Orthanc, with sign-in on.
jest.setTimeout(240_000);

const CASE = 'ct-01';
const { StudyInstanceUID: study } = demoManifest({ cases: [CASE] }).cases[0]!;
const demoFiles = [...generateDemoFiles({ cases: [CASE] })];
const rivera = demoFiles.find((file) => file.path === `${CASE}/seg/rivera.dcm`)!.bytes;
const ANNOTATOR = { subject: 'c0ffee03-berg', claims: { roles: ['annotator'], preferred_username: 'lberg', name: 'Lena Berg', given_name: 'Lena', family_name: 'Berg' } };

let issuer: TestIssuer;
let pacs: TestPacs;
let dir: string;
let journal: WriteJournal;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-journal-it-'));
  journal = WriteJournal.open(join(dir, 'writes.jsonl'));
  issuer = await startTestIssuer();
  pacs = await startTestPacs([CASE], { accessTokens: issuer.verifier, journal });
});
afterAll(async () => {
  await pacs?.stop();
  await issuer?.stop();
  journal?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function stow(bytes: Uint8Array[]): Promise<number> {
  const { body, contentType } = multipartRelatedBody(bytes, 'journal-boundary');
  const token = await issuer.token(ANNOTATOR.subject, ANNOTATOR.claims);
  const response = await fetch(`${pacs.dicomwebUrl}/studies`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, Origin: new URL(pacs.dicomwebUrl).origin }, body });
  await response.arrayBuffer();
  return response.status;
}

async function storedFile(sopInstanceUid: string): Promise<Uint8Array> {
  const found = (await (await orthancRest(pacs.orthanc, '/tools/lookup', { method: 'POST', body: sopInstanceUid })).json()) as Array<{ ID: string; Type: string }>;
  const instance = found.find((item) => item.Type === 'Instance')!;
  return new Uint8Array(await (await orthancRest(pacs.orthanc, `/instances/${instance.ID}/file`)).arrayBuffer());
}

test('each accepted object is recorded with who stored it and the hash of the bytes the PACS holds; a refused write is not', async () => {
  const a = ohifStyleSeg(rivera, 'journal-a', 'Reader A lungs');
  const b = ohifStyleSeg(rivera, 'journal-b', 'Reader B lungs');
  const someoneElse = ohifStyleSeg(rivera, 'journal-c', 'Reader C lungs', (dataset) => ({ ...dataset, ContentCreatorName: 'Chen^Wei' }));
  expect(await stow([a.bytes, b.bytes])).toBe(200);
  expect(await stow([someoneElse.bytes])).toBe(403);

  const all = readJournal(readFileSync(join(dir, 'writes.jsonl'), 'utf8'));
  // The demo seed's objects first (as `npm start` journals them), then the annotator's two.
  const seeded = all.filter((record) => record.login === DEMO_SEED_LOGIN).length;
  expect(seeded).toBe(demoFiles.length);
  const records = all.slice(seeded);
  expect(records.map((record) => [record.seq, record.sopInstanceUid, record.studyInstanceUid, record.login, record.subject, record.issuer, record.roles, record.pacsStatus])).toEqual([
    [seeded + 1, a.sopInstanceUID, study, 'lberg', ANNOTATOR.subject, issuer.issuer, ['annotator'], 200],
    [seeded + 2, b.sopInstanceUID, study, 'lberg', ANNOTATOR.subject, issuer.issuer, ['annotator'], 200],
  ]);
  for (const record of records) {
    const stored = await storedFile(record.sopInstanceUid);
    // The object as stored (the gateway recorded the storing user as its creator): the journal has its hash.
    expect(record.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    expect(segCreatorIdentity(readPart10(stored, { untilPixelData: true }).dataset)).toMatchObject({ login: 'lberg', authentication: { subject: ANNOTATOR.subject } });
  }
});

test('segqc audit verify --journal: clean as written; a journaled SEG deleted and a SEG stored behind the gateway\'s back are findings naming them', async () => {
  const journalFile = join(dir, 'writes.jsonl');
  const verify = () => segqc(['audit', 'verify', '--pacs', pacs.dicomwebUrl, '--token', serviceToken, '--study', study, '--journal', journalFile]);
  const serviceToken = await issuer.token('c0ffee04-qa', { roles: ['qa-lead'], preferred_username: 'ohaddad' });
  const clean = await verify();
  expect([clean.code, clean.stdout.trim().split('\n').pop()]).toEqual([0, expect.stringMatching(/against the journal's \d+ records: no findings$/)]);

  const deleted = readJournal(readFileSync(journalFile, 'utf8')).find((record) => record.login === 'lberg')!;
  const found = (await (await orthancRest(pacs.orthanc, '/tools/lookup', { method: 'POST', body: deleted.sopInstanceUid })).json()) as Array<{ ID: string; Type: string }>;
  expect((await orthancRest(pacs.orthanc, `/instances/${found.find((item) => item.Type === 'Instance')!.ID}`, { method: 'DELETE' })).status).toBe(200);
  const behind = ohifStyleSeg(rivera, 'journal-behind', 'Reader D lungs');
  const { body, contentType } = multipartRelatedBody([behind.bytes], 'behind-boundary');
  expect((await fetch(`${pacs.orthanc.dicomwebUrl}/studies`, { method: 'POST', headers: { Authorization: pacs.orthanc.authorization, 'Content-Type': contentType }, body })).status).toBe(200);

  const tampered = await verify();
  expect(tampered.code).toBe(1);
  const lines = tampered.stdout.trim().split('\n');
  expect(lines.filter((line) => /^(missing|unjournaled|changed) /.test(line)).sort()).toEqual([
    expect.stringMatching(new RegExp(`^missing +SEG ${deleted.sopInstanceUid} \\(series ${deleted.seriesInstanceUid}\\) is missing; it was stored by lberg at ${deleted.at} \\(journal record ${deleted.seq}\\)$`)),
    `unjournaled  SEG ${behind.sopInstanceUID} (series ${behind.seriesInstanceUID}) is in the PACS, but no write through the gateway stored it`,
  ]);
});
