import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirectoryCaseStore } from '@segqc/case-store';
import type { CaseStoreEntry, ProgrammeCases } from '@segqc/core';
import type { FastifyInstance } from 'fastify';
import { AccessTokenError, type AccessTokenVerifier } from './accessTokens';
import { createGatewayApp } from './gatewayApp';
import type { SegqcRole } from './segqcRoles';

// Why: the case store's triage names every annotator and how they agree; with sign-in the gateway
// gives it only to users who may read everything, as blinding keeps other readers' SEGs and SRs
// from an annotator, and it answers from the store without asking the PACS.

const ENTRY: CaseStoreEntry = {
  studyInstanceUid: '1.2.8', key: 'k', fingerprint: '5/310', computedAt: '2026-12-07T21:00:00.000Z',
  summary: {
    studyInstanceUid: '1.2.8', label: 'CT-08', patientName: null, patientId: null, studyDate: '20240304', studyDescription: null, state: 'awaiting-review', modality: 'CT',
    calibration: false, annotations: [], annotators: ['Rivera, Ana', 'Chen, Wei'], sops: [], references: [], qcReports: 0, unreadable: [],
  },
  triage: { kind: 'judged', verdict: 'escalate', sop: 'ct-lung-nodule@1.2.0', structures: [{ label: 'Nodule 1', verdict: 'escalate', failing: ['Rivera, Ana – Chen, Wei: Dice 0.39 < 0.70'] }], outlier: null, excluded: [] },
  result: { secret: 'the whole result stays in the store' },
};
const SYNC = { pacs: 'http://pacs/dicom-web', startedAt: '2026-12-07T21:00:00.000Z', finishedAt: '2026-12-07T21:00:09.000Z', studiesWithoutSegs: 1, pending: [], failures: [] };

const ROLES: Record<string, SegqcRole[]> = { reviewer: ['reviewer'], annotator: ['annotator'], nobody: [] };
const verifier: AccessTokenVerifier = async (authorization) => {
  const roles = ROLES[authorization?.replace(/^Bearer /, '') ?? ''];
  if (!roles) throw new AccessTokenError('a bearer access token is required');
  return { issuer: 'https://idp.test', subject: 's', roles };
};

let dir: string;
const started: FastifyInstance[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-cases-route-'));
  const store = new DirectoryCaseStore(dir);
  store.put(ENTRY);
  store.putSync(SYNC);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(started.splice(0).map((app) => app.close()));
});

async function cases(token: string | null, signIn = true, method = 'GET'): Promise<{ status: number; body: unknown }> {
  // The PACS is unreachable (port 9): the answer comes from the store alone.
  const app = await createGatewayApp({ upstream: new URL('http://127.0.0.1:9/dicom-web'), keepHostHeader: false, caseStore: new DirectoryCaseStore(dir), ...(signIn ? { accessTokens: verifier } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  started.push(app);
  const answer = await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/segqc/api/cases`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: answer.status, body: await answer.json() };
}

test('a reviewer gets every case\'s row and triage and the sync, without the whole result', async () => {
  const expected: ProgrammeCases = { sync: SYNC, cases: [{ summary: ENTRY.summary, triage: ENTRY.triage, computedAt: ENTRY.computedAt }] };
  expect(await cases('reviewer')).toEqual({ status: 200, body: expected });
  expect(await cases(null, false)).toEqual({ status: 200, body: expected });
});

test.each([
  ['no token', null, 401, 'unauthenticated'],
  ['an annotator', 'annotator', 403, 'blinded'],
  ['a user without a SegQC role', 'nobody', 403, 'no-role'],
])('%s is refused', async (_who, token, status, error) => {
  expect(await cases(token)).toEqual({ status, body: { error, message: expect.any(String) } });
});

test('a gateway that keeps no store answers that nothing was synced, not the viewer\'s page', async () => {
  const app = await createGatewayApp({ upstream: new URL('http://127.0.0.1:9/dicom-web'), keepHostHeader: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  started.push(app);
  const answer = await fetch(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/segqc/api/cases`);
  expect([answer.status, await answer.json()]).toEqual([200, { sync: null, cases: [] }]);
});

test('it only reads', async () => {
  expect((await cases('reviewer', true, 'POST')).status).toBe(404);
});
