import { demoManifest } from '@segqc/demo-data';
import {
  buildBinarySeg, buildQcReport, multipartRelatedBody, writePart10, segCreatorIdentityOfJson, uidFromName,
  type AuthenticatedIdentity, type DicomJsonDataset,
} from '@segqc/core';
import { demoReport } from '../../packages/core/src/sr/qcReport.fixture';
import { fixtureInput, syntheticSeries } from '../../packages/core/src/seg/syntheticSource.fixture';
import { deflateBombSr } from '../harness/deflateBombSr';
import { pacsFingerprint } from '../harness/pacsFingerprint';
import { startTestIssuer, type TestIssuer } from '../harness/testIssuer';
import { firstValue, getDicomJson, startTestPacs, type TestPacs } from '../harness/testPacs';

// The role policy where the data passes (issue 12): with sign-in on, the gateway reads what the PACS
// holds and what a client stores, and lets each role see and write only its row of the table. An
// annotator's searches and metadata leave out other readers' SEGs and every report; retrieving one
// of them is 403. A store naming anyone but the signed-in user, or beyond the role, is 403 and
// leaves the PACS as it was. Tokens are real JWTs of a provider found by discovery (testIssuer).
jest.setTimeout(120_000);

const CASE = 'ct-01';
const study = demoManifest({ cases: [CASE] }).cases[0].StudyInstanceUID;
const ROLES: Record<string, string[]> = { arivera: ['annotator'], wchen: ['annotator'], psingh: ['reviewer'], mlindqvist: ['adjudicator'], ohaddad: ['qa-lead'] };

let issuer: TestIssuer;
let pacs: TestPacs;
let gatewayOrigin: string;
/** What Orthanc itself holds of the case: every series, and each SEG's creator login. */
let truth: { series: DicomJsonDataset[]; segCreator: Map<string, { series: string; login: string | undefined }> };

beforeAll(async () => {
  issuer = await startTestIssuer();
  pacs = await startTestPacs([CASE], { accessTokens: issuer.verifier });
  gatewayOrigin = new URL(pacs.dicomwebUrl).origin;
  const direct = { Authorization: pacs.orthanc.authorization };
  const series = (await getDicomJson(`${pacs.orthanc.dicomwebUrl}/studies/${study}/series`, direct)) as DicomJsonDataset[];
  const segCreator = new Map<string, { series: string; login: string | undefined }>();
  for (const s of series.filter((d) => firstValue(d as never, '00080060') === 'SEG')) {
    const uid = firstValue(s as never, '0020000E') as string;
    for (const instance of (await getDicomJson(`${pacs.orthanc.dicomwebUrl}/studies/${study}/series/${uid}/metadata`, direct)) as DicomJsonDataset[]) {
      segCreator.set(firstValue(instance as never, '00080018') as string, { series: uid, login: segCreatorIdentityOfJson(instance).login });
    }
  }
  truth = { series, segCreator };
});
afterAll(async () => {
  await pacs?.stop();
  await issuer?.stop();
});

const identityOf = (login: string): AuthenticatedIdentity => ({ issuer: issuer.issuer, subject: `subject-of-${login}` });
async function bearer(login: string, claims: Record<string, unknown> = {}): Promise<Record<string, string>> {
  const token = await issuer.token(identityOf(login).subject, { roles: ROLES[login], preferred_username: login, ...claims });
  return { Authorization: `Bearer ${token}` };
}
async function get(path: string, login: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${pacs.dicomwebUrl}${path}`, { headers: { ...(await bearer(login)), Accept: 'application/dicom+json' } });
  const text = await response.text();
  return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}
const uidsOf = (datasets: unknown, tag: string) => (datasets as DicomJsonDataset[]).map((d) => firstValue(d as never, tag) as string).sort();
const modalityOf = (uid: string) => firstValue(truth.series.find((s) => firstValue(s as never, '0020000E') === uid) as never, '00080060');
const segsOf = (login: string) => [...truth.segCreator].filter(([, seg]) => seg.login === login);
const othersSegs = (login: string) => [...truth.segCreator].filter(([, seg]) => seg.login !== login);

test('the case holds what blinding is about: images, each annotator\'s SEG, and reports', () => {
  const modalities = truth.series.map((s) => firstValue(s as never, '00080060'));
  expect(modalities).toEqual(expect.arrayContaining(['CT', 'SEG', 'SR']));
  expect(segsOf('arivera').length).toBeGreaterThan(0);
  expect(othersSegs('arivera').length).toBeGreaterThan(1);
});

test('the session route says who the gateway takes the user for and what their roles allow; without a token, 401', async () => {
  const session = async (headers: Record<string, string>) => {
    const response = await fetch(`${new URL(pacs.dicomwebUrl).origin}/segqc/session`, { headers });
    return [response.status, await response.json()];
  };
  expect(await session(await bearer('arivera'))).toEqual([200, {
    issuer: issuer.issuer, subject: 'subject-of-arivera', login: 'arivera', roles: ['annotator'], reads: 'source-images-and-own-segmentations', stores: ['annotation-seg'],
  }]);
  expect(await session(await bearer('psingh'))).toEqual([200, expect.objectContaining({ roles: ['reviewer'], reads: 'everything', stores: ['unverified-qc-report'] })]);
  expect(await session({})).toEqual([401, { error: 'unauthenticated', message: 'a bearer access token is required' }]);
  const forged = await issuer.token('subject-of-arivera', { roles: ['qa-lead'], preferred_username: 'arivera' }, issuer.forgingKey);
  expect(await session({ Authorization: `Bearer ${forged}` })).toEqual([401, { error: 'unauthenticated', message: expect.any(String) }]);
});

test("an annotator's study search lists the case as a reviewer's does", async () => {
  const annotator = await get('/studies', 'arivera');
  expect(uidsOf(annotator.body, '0020000D')).toEqual([study]);
  expect(annotator).toEqual(await get('/studies', 'psingh'));
});

test("an annotator's series search lists the images and their own SEGs' series; a reviewer's lists every series", async () => {
  const all = uidsOf(truth.series, '0020000E');
  const own = new Set(segsOf('arivera').map(([, seg]) => seg.series));
  const expected = all.filter((uid) => !['SEG', 'SR', 'KO', 'PR'].includes(modalityOf(uid) as string) || own.has(uid));
  const annotator = await get(`/studies/${study}/series`, 'arivera');
  expect(annotator.status).toBe(200);
  expect(uidsOf(annotator.body, '0020000E')).toEqual(expected.sort());
  expect(uidsOf((await get(`/series?StudyInstanceUID=${study}`, 'arivera')).body, '0020000E')).toEqual(expected);
  expect(uidsOf((await get(`/studies/${study}/series`, 'psingh')).body, '0020000E')).toEqual(all);
});

test("an annotator's instance searches and metadata leave out other readers' SEGs and every report", async () => {
  for (const path of [`/studies/${study}/instances`, `/instances?StudyInstanceUID=${study}`, `/studies/${study}/metadata`]) {
    const { status, body } = await get(path, 'arivera');
    expect([path, status]).toEqual([path, 200]);
    const classes = new Set((body as DicomJsonDataset[]).map((d) => firstValue(d as never, '00080016') as string));
    expect([...classes].some((uid) => uid.startsWith('1.2.840.10008.5.1.4.1.1.88.'))).toBe(false);
    const segs = uidsOf((body as DicomJsonDataset[]).filter((d) => firstValue(d as never, '00080016') === '1.2.840.10008.5.1.4.1.1.66.4'), '00080018');
    expect(segs).toEqual(segsOf('arivera').map(([uid]) => uid).sort());
  }
  const [otherUid, other] = othersSegs('arivera')[0];
  expect(await get(`/studies/${study}/series/${other.series}/metadata`, 'arivera')).toEqual({ status: 200, body: [] });
  // The reviewer's metadata is the PACS's own.
  const reviewer = await get(`/studies/${study}/series/${other.series}/metadata`, 'psingh');
  expect(uidsOf(reviewer.body, '00080018')).toContain(otherUid);
});

test("retrieving another reader's SEG (file, frames, metadata) or a report is 403; the annotator's own SEG is the PACS's bytes", async () => {
  const [otherUid, other] = othersSegs('arivera')[0];
  const base = `/studies/${study}/series/${other.series}`;
  for (const path of [base, `${base}/instances/${otherUid}`, `${base}/instances/${otherUid}/metadata`, `${base}/instances/${otherUid}/frames/1`]) {
    const { status, body } = await get(path, 'arivera');
    expect([path, status, (body as { error: string }).error]).toEqual([path, 403, 'blinded']);
  }
  const report = truth.series.find((s) => firstValue(s as never, '00080060') === 'SR')!;
  expect((await get(`/studies/${study}/series/${firstValue(report as never, '0020000E')}`, 'arivera')).status).toBe(403);
  expect((await get(`/studies/${study}`, 'arivera')).status).toBe(403);

  const [ownUid, own] = segsOf('arivera')[0];
  const path = `/studies/${study}/series/${own.series}/instances/${ownUid}`;
  const through = await fetch(`${pacs.dicomwebUrl}${path}`, { headers: { ...(await bearer('arivera')), Accept: 'multipart/related; type="application/dicom"' } });
  const direct = await fetch(`${pacs.orthanc.dicomwebUrl}${path}`, { headers: { Authorization: pacs.orthanc.authorization, Accept: 'multipart/related; type="application/dicom"' } });
  expect(through.status).toBe(200);
  expect(Buffer.from(await through.arrayBuffer()).length).toBe(Buffer.from(await direct.arrayBuffer()).length);
  // And a reviewer reads the other reader's SEG.
  expect((await get(`${base}/instances/${otherUid}/metadata`, 'psingh')).status).toBe(200);
});

// Objects to store: a SEG by a person, with a content label; a QC report by an observer, signed or not.
const series = syntheticSeries();
function seg(label: 'ANNOTATION' | 'ADJUDICATED' | 'GOLD', login: string, authentication: AuthenticatedIdentity | undefined, name: string): Uint8Array {
  return writePart10(buildBinarySeg({
    ...fixtureInput(series),
    creator: { name: 'Test^Person', login, ...(authentication ? { authentication } : {}) },
    contentLabel: label,
    sopInstanceUID: uidFromName(`role-policy/${name}/sop`),
    seriesInstanceUID: uidFromName(`role-policy/${name}/series`),
  }));
}
function report(login: string, authentication: AuthenticatedIdentity | undefined, verified: boolean, name: string): Uint8Array {
  const { init } = demoReport(CASE, ['rivera', 'chen'], {
    sopInstanceUid: uidFromName(`role-policy/${name}/report`),
    observer: { name: 'Test^Person', login, role: verified ? 'adjudicator' : 'reviewer', ...(authentication ? { authentication } : {}) },
    ...(verified ? { verification: { name: 'Test^Person', login, organization: 'SegQC Demo Hospital', dateTime: '20260302113000', ...(authentication ? { authentication } : {}) } } : {}),
  });
  return writePart10(buildQcReport(init));
}

const me = (login: string) => identityOf(login);
const STORES: Array<[string, string, () => Uint8Array, number, string | null]> = [
  ['an annotator stores their own annotation', 'arivera', () => seg('ANNOTATION', 'arivera', me('arivera'), 'own-annotation'), 200, null],
  ['an annotator stores an annotation naming another annotator', 'arivera', () => seg('ANNOTATION', 'wchen', me('wchen'), 'forged-annotation'), 403, 'store-refused'],
  ['an annotator stores an annotation with their login but self-declared', 'arivera', () => seg('ANNOTATION', 'arivera', undefined, 'self-declared'), 403, 'store-refused'],
  ['an annotator stores an annotation authenticated by another provider', 'arivera', () => seg('ANNOTATION', 'arivera', { issuer: 'https://idp.example', subject: me('arivera').subject }, 'other-issuer'), 403, 'store-refused'],
  ['an annotator stores an adjudicated reference', 'arivera', () => seg('ADJUDICATED', 'arivera', me('arivera'), 'annotator-reference'), 403, 'store-refused'],
  ['an annotator stores a QC report', 'arivera', () => report('arivera', me('arivera'), false, 'annotator-report'), 403, 'store-refused'],
  ['a reviewer stores their unsigned review', 'psingh', () => report('psingh', me('psingh'), false, 'review'), 200, null],
  ['a reviewer stores a VERIFIED report', 'psingh', () => report('psingh', me('psingh'), true, 'reviewer-signs'), 403, 'store-refused'],
  ['a reviewer stores a review naming another observer', 'psingh', () => report('mlindqvist', me('mlindqvist'), false, 'review-as-other'), 403, 'store-refused'],
  ['a reviewer stores an annotation', 'psingh', () => seg('ANNOTATION', 'psingh', me('psingh'), 'reviewer-annotation'), 403, 'store-refused'],
  ['an adjudicator stores their adjudicated reference', 'mlindqvist', () => seg('ADJUDICATED', 'mlindqvist', me('mlindqvist'), 'reference'), 200, null],
  ['an adjudicator stores their VERIFIED report', 'mlindqvist', () => report('mlindqvist', me('mlindqvist'), true, 'signed'), 200, null],
  ['an adjudicator stores a gold standard', 'mlindqvist', () => seg('GOLD', 'mlindqvist', me('mlindqvist'), 'adjudicator-gold'), 403, 'store-refused'],
  ['a QA lead stores their gold standard', 'ohaddad', () => seg('GOLD', 'ohaddad', me('ohaddad'), 'gold'), 200, null],
];

test.each(STORES)('%s (%s)', async (_what, login, object, status, error) => {
  const before = await pacsFingerprint(pacs);
  const { body, contentType } = multipartRelatedBody([object()], 'role-policy-boundary');
  const response = await fetch(`${pacs.dicomwebUrl}/studies`, { method: 'POST', headers: { ...(await bearer(login)), 'Content-Type': contentType, Origin: gatewayOrigin }, body });
  const answer = (await response.json()) as { error?: string; message?: string };
  expect([response.status, answer.error ?? null, answer.message]).toEqual([status, error, status === 200 ? undefined : expect.any(String)]);
  const after = await pacsFingerprint(pacs);
  expect(after.instanceCount).toBe(before.instanceCount + (status === 200 ? 1 : 0));
  if (status !== 200) expect(after).toEqual(before);
});

// Hostile bodies from a signed-in user: each is refused before any byte reaches the PACS.
const rawPart = (type: string, bytes: Uint8Array | string) => {
  const head = Buffer.from(`--b\r\nContent-Type: ${type}\r\n\r\n`);
  return Buffer.concat([head, Buffer.from(bytes), Buffer.from('\r\n--b--\r\n')]);
};
const HOSTILE_STORES: Array<[string, () => Buffer, number, RegExp]> = [
  ['a body with no delimiter', () => Buffer.from('not multipart at all'), 400, /^the STOW-RS body is not multipart\/related/],
  ['a part that is not application/dicom', () => rawPart('text/plain', 'hello'), 400, /^part 1 is text\/plain, not application\/dicom$/],
  ['a part that is not a DICOM file', () => rawPart('application/dicom', 'DICM'.padStart(200, '\0')), 400, /^part 1 is not a readable DICOM file/],
  ['a truncated SEG of the user', () => rawPart('application/dicom', seg('ANNOTATION', 'arivera', me('arivera'), 'truncated').subarray(0, 400)), 400, /^part 1 is not a readable DICOM file/],
  ['a deflated SR (a decompression bomb)', () => rawPart('application/dicom', deflateBombSr({ StudyInstanceUID: study, PatientID: 'P', PatientName: 'P' }, 1024 * 1024).bytes), 400, /^part 1 is not a readable DICOM file: .*[Dd]eflate/],
];

test.each(HOSTILE_STORES)('a signed-in annotator\'s STOW of %s is refused and the PACS is unchanged', async (_what, body, status, message) => {
  const before = await pacsFingerprint(pacs);
  const response = await fetch(`${pacs.dicomwebUrl}/studies`, { method: 'POST', headers: { ...(await bearer('arivera')), 'Content-Type': 'multipart/related; type="application/dicom"; boundary=b', Origin: gatewayOrigin }, body: new Uint8Array(body()) });
  const answer = (await response.json()) as { error: string; message: string };
  expect([response.status, answer.error]).toEqual([status, 'bad-request']);
  expect(answer.message).toMatch(message);
  expect(await pacsFingerprint(pacs)).toEqual(before);
});

test('a store with one refused part among allowed ones stores nothing', async () => {
  const before = await pacsFingerprint(pacs);
  const { body, contentType } = multipartRelatedBody([seg('ANNOTATION', 'wchen', me('wchen'), 'batch-ok'), seg('ANNOTATION', 'arivera', me('arivera'), 'batch-forged')], 'role-policy-boundary');
  const response = await fetch(`${pacs.dicomwebUrl}/studies`, { method: 'POST', headers: { ...(await bearer('wchen')), 'Content-Type': contentType, Origin: gatewayOrigin }, body });
  expect([response.status, ((await response.json()) as { message: string }).message]).toEqual([403, expect.stringMatching(/^part 2: the SEG's creator/)]);
  expect(await pacsFingerprint(pacs)).toEqual(before);
});

test("a tampered role claim is a forgery (401); a stored annotation is then the annotator's to read, not another's", async () => {
  const forged = await issuer.token(me('arivera').subject, { roles: ['reviewer'], preferred_username: 'arivera' }, issuer.forgingKey);
  expect((await fetch(`${pacs.dicomwebUrl}/studies/${study}/series`, { headers: { Authorization: `Bearer ${forged}` } })).status).toBe(401);
  const uid = uidFromName('role-policy/own-annotation/sop');
  const seriesUid = uidFromName('role-policy/own-annotation/series');
  const storedStudy = series.images[0].StudyInstanceUID;
  expect((await get(`/studies/${storedStudy}/series/${seriesUid}/instances/${uid}/metadata`, 'arivera')).status).toBe(200);
  expect((await get(`/studies/${storedStudy}/series/${seriesUid}/instances/${uid}/metadata`, 'wchen'))).toMatchObject({ status: 403, body: { error: 'blinded' } });
});
