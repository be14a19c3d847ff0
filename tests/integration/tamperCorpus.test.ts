import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPart10, readSrDataset, uidFromName, writePart10, type NaturalDataset } from '@segqc/core';
import { demoManifest } from '@segqc/demo-data';
import { demoSigningCertificate, reportSignerOf, signStoredObject } from '@segqc/gateway';
import { serviceToken, type TokenResponse } from '../harness/demoTokens';
import { segqc } from '../harness/segqcCommand';
import { startSignedInServer, type SignedInServer } from '../harness/signedInServer';

// Issue 15's tamper corpus, as one suite against the real `SEGQC_AUTH=demo npm start`: its embedded
// Orthanc holds the demo's adjudications signed for the signed-in adjudicator and journaled by the
// gateway. Untouched, `segqc audit verify --journal --trust-store` finds nothing. Then each case is
// tampered with one way, straight in Orthanc behind the gateway's back, as someone with write access
// to the PACS would — and each tampering is a finding of its own type naming the object:
// - ct-01: an annotation SEG replaced, and its adjudication report replaced by an unsigned copy with
//   the SEG's hash recomputed (what verified clean before the journal and signatures);
// - ct-02: a VERIFIED report forged without the key (unsigned, claiming a signed-in verifier), and
//   a SEG stored behind the gateway's back;
// - ct-03: a new report carrying the signature copied from the case's signed report, and another
//   signed with a key whose certificate is not in the trust store;
// - ct-04: the latest report deleted;
// - ct-05: left alone, and still without finding.
jest.setTimeout(600_000);

const CASES = demoManifest({ cases: ['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05'] }).cases;
const caseOf = (caseId: string) => CASES.find((demoCase) => demoCase.caseId === caseId)!;
const dataDir = mkdtempSync(join(tmpdir(), 'segqc-tamper-corpus-'));
const journalFile = join(dataDir, 'journal', 'writes.jsonl');
const caFile = join(dataDir, 'signing', 'ca.pem');
let server: SignedInServer;
let token: string;
let orthanc: { restUrl: string; authorization: string };

beforeAll(async () => {
  server = await startSignedInServer({ cases: CASES.map((demoCase) => demoCase.caseId), dataDir });
  token = ((await (await serviceToken(server)).json()) as TokenResponse).access_token;
  orthanc = embeddedOrthancOf(server);
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The embedded Orthanc's REST root and this start's credential, as the server printed and wrote them: access to the PACS past the gateway. */
function embeddedOrthancOf(started: SignedInServer): { restUrl: string; authorization: string } {
  const [, restUrl, storage] = /embedded Orthanc on (http:\/\/\S+) .*storage in (\S+)/.exec(started.output()) ?? [];
  if (!restUrl || !storage) throw new Error(`the server did not say where its Orthanc is:\n${started.output()}`);
  const users = (JSON.parse(readFileSync(join(storage, 'orthanc.runtime.json'), 'utf8')) as { RegisteredUsers: Record<string, string> }).RegisteredUsers;
  const [user, password] = Object.entries(users)[0]!;
  return { restUrl, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

async function rest(path: string, init: RequestInit = {}): Promise<Response> {
  const answer = await fetch(`${orthanc.restUrl}${path}`, { ...init, headers: { Authorization: orthanc.authorization, ...(init.headers ?? {}) } });
  if (!answer.ok) throw new Error(`Orthanc answered ${answer.status} to ${init.method ?? 'GET'} ${path}`);
  return answer;
}
async function instanceId(sopInstanceUid: string): Promise<string> {
  const found = (await (await rest('/tools/lookup', { method: 'POST', body: sopInstanceUid })).json()) as Array<{ ID: string; Type: string }>;
  return found.find((item) => item.Type === 'Instance')!.ID;
}
const fileOf = async (sopInstanceUid: string) => new Uint8Array(await (await rest(`/instances/${await instanceId(sopInstanceUid)}/file`)).arrayBuffer());
const remove = async (sopInstanceUid: string) => void (await rest(`/instances/${await instanceId(sopInstanceUid)}`, { method: 'DELETE' })).arrayBuffer();
const storeBehindTheGateway = async (bytes: Uint8Array) => void (await rest('/instances', { method: 'POST', body: Buffer.from(bytes), headers: { 'Content-Type': 'application/dicom' } })).arrayBuffer();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** The Pixel Data value of a BINARY SEG (OB, explicit length) as stored. */
function pixelData(bytes: Uint8Array): Uint8Array {
  const at = Buffer.from(bytes).indexOf(Buffer.from([0xe0, 0x7f, 0x10, 0x00, 0x4f, 0x42]));
  const length = Buffer.from(bytes).readUInt32LE(at + 8);
  return bytes.subarray(at + 12, at + 12 + length);
}
/** A report as its bytes say, without its signature sequences: what someone without the key can write. */
function unsigned(dataset: NaturalDataset): NaturalDataset {
  const { DigitalSignaturesSequence: _signatures, MACParametersSequence: _mac, ...rest } = dataset;
  return rest;
}

interface Finding {
  kind: string;
  message: string;
}
async function auditVerify(): Promise<{ code: number | null; findings: Finding[]; summary: string }> {
  const run = await segqc(['audit', 'verify', '--pacs', `${server.baseUrl}/dicom-web`, '--all', '--journal', journalFile, '--trust-store', caFile], { SEGQC_DICOMWEB_TOKEN: token });
  expect(run.stderr).toBe('');
  const lines = run.stdout.trim().split('\n');
  const findings = lines.filter((line) => !line.startsWith('audit verify:') && !line.startsWith('note')).map((line) => ({ kind: line.slice(0, line.indexOf(' ')), message: line.slice(line.indexOf(' ')).trim() }));
  return { code: run.code, findings, summary: lines[lines.length - 1]! };
}
/** The kinds of the findings naming `uid`: each finding names its object by UID. */
const naming = (findings: Finding[], uid: string) => findings.filter((finding) => finding.message.includes(uid)).map((finding) => finding.kind);

test('the untouched demo verifies with no finding against the journal and the demo CA', async () => {
  const { code, findings, summary } = await auditVerify();
  expect(findings).toEqual([]);
  expect(summary).toMatch(/^audit verify: 5 studies, \d+ objects, 5 QC reports, against the journal's \d+ records: no findings$/);
  expect(code).toBe(0);
});

describe('tampered with behind the gateway', () => {
  const uids: Record<string, string> = {};
  beforeAll(async () => {
    // ct-01: one voxel of Okafor's SEG flipped; the adjudication report that recorded its hash rewritten with the new one, unsigned.
    const ct01 = caseOf('ct-01');
    const seg = ct01.segs[0]!;
    const segBytes = await fileOf(seg.SOPInstanceUID);
    const before = sha256(pixelData(segBytes));
    const replacedSeg = new Uint8Array(segBytes);
    const pixels = pixelData(replacedSeg);
    pixels[pixels.length >> 1] ^= 0x01;
    const after = sha256(pixelData(replacedSeg));
    const report01 = await fileOf(ct01.reference!.report.SOPInstanceUID);
    expect(Buffer.from(report01).includes(Buffer.from(before))).toBe(true);
    const recomputed = writePart10(unsigned(readSrDataset(Buffer.from(Buffer.from(report01).toString('latin1').split(before).join(after), 'latin1'))));
    await remove(seg.SOPInstanceUID);
    await remove(ct01.reference!.report.SOPInstanceUID);
    await storeBehindTheGateway(replacedSeg);
    await storeBehindTheGateway(recomputed);
    uids.ct01Seg = seg.SOPInstanceUID;
    uids.ct01Report = ct01.reference!.report.SOPInstanceUID;

    // ct-02: a VERIFIED report forged without the key: the signed one's content under a new UID, no signature.
    const ct02 = readSrDataset(await fileOf(caseOf('ct-02').reference!.report.SOPInstanceUID));
    uids.ct02Forged = uidFromName('tamper-corpus/ct-02 forged');
    await storeBehindTheGateway(writePart10({ ...unsigned(ct02), SOPInstanceUID: uids.ct02Forged }));

    // ct-03: a new report with the signature items of the case's signed report copied onto it.
    const ct03 = readSrDataset(await fileOf(caseOf('ct-03').reference!.report.SOPInstanceUID));
    uids.ct03Copy = uidFromName('tamper-corpus/ct-03 copied signature');
    uids.ct03Signature = String((ct03['DigitalSignaturesSequence'] as NaturalDataset[])[0]!['DigitalSignatureUID']);
    await storeBehindTheGateway(writePart10({ ...ct03, SOPInstanceUID: uids.ct03Copy }));

    // ct-03 again: a new report signed, as the gateway signs, with a key whose certificate the site does not trust.
    uids.ct03Rogue = uidFromName('tamper-corpus/ct-03 rogue signer');
    const rogue = demoSigningCertificate(join(dataDir, 'rogue'), 'Not the site signer');
    const rogueSigner = reportSignerOf({ certificatePem: rogue.certificatePem, privateKeyPem: rogue.privateKeyPem });
    const now = new Date(Math.max(Date.now(), rogueSigner.validFrom.getTime()));
    await storeBehindTheGateway(signStoredObject(writePart10({ ...unsigned(ct03), SOPInstanceUID: uids.ct03Rogue }), 'verified-qc-report', rogueSigner, now, 'the forged report').bytes);

    // ct-04: the latest report deleted.
    uids.ct04Report = caseOf('ct-04').reference!.report.SOPInstanceUID;
    await remove(uids.ct04Report);

    // ct-02 again: an annotator's SEG copied under a new UID, stored past the gateway.
    const ct02Seg = readPart10(await fileOf(caseOf('ct-02').segs[1]!.SOPInstanceUID)).dataset;
    uids.ct02Seg = uidFromName('tamper-corpus/ct-02 behind the gateway');
    await storeBehindTheGateway(writePart10({ ...ct02Seg, SOPInstanceUID: uids.ct02Seg }));
  });

  let verified: Awaited<ReturnType<typeof auditVerify>>;
  beforeAll(async () => {
    verified = await auditVerify();
  });

  test('a SEG replaced and its report rewritten with the recomputed hash, unsigned: both changed since the journal recorded them, and the report lost its signature', () => {
    expect(naming(verified.findings, uids.ct01Seg!)).toEqual(['changed']);
    expect(naming(verified.findings, uids.ct01Report!).sort()).toEqual(['changed', 'signature-missing']);
  });

  test('a VERIFIED report forged without the key: unjournaled, and unsigned although its verifier signed in', () => {
    expect(naming(verified.findings, uids.ct02Forged!).sort()).toEqual(['signature-missing', 'unjournaled']);
  });

  test('a signature copied from another report: signature-copied naming both, and unjournaled', () => {
    const copied = verified.findings.filter((finding) => finding.message.includes(uids.ct03Copy!));
    expect(copied.map((finding) => finding.kind).sort()).toEqual(['signature-copied', 'unjournaled']);
    expect(copied.find((finding) => finding.kind === 'signature-copied')!.message).toContain(`signature ${uids.ct03Signature} of QC report ${caseOf('ct-03').reference!.report.SOPInstanceUID}`);
  });

  test('a certificate not in the trust store: signature-untrusted, and unjournaled', () => {
    const found = verified.findings.filter((finding) => finding.message.includes(uids.ct03Rogue!));
    expect(found.map((finding) => finding.kind).sort()).toEqual(['signature-untrusted', 'unjournaled']);
    expect(found.find((finding) => finding.kind === 'signature-untrusted')!.message).toContain('was not issued by a certificate of the trust store');
  });

  test('the latest report deleted: missing, as the journal recorded it', () => {
    expect(naming(verified.findings, uids.ct04Report!)).toEqual(['missing']);
  });

  test('a SEG stored behind the gateway: unjournaled', () => {
    expect(naming(verified.findings, uids.ct02Seg!)).toEqual(['unjournaled']);
  });

  test('the case left alone has no finding, every finding names a tampered object, and verify exits 1', () => {
    const alone = caseOf('ct-05');
    expect(verified.findings.filter((finding) => [alone.reference!.report.SOPInstanceUID, alone.reference!.SOPInstanceUID, ...alone.segs.map((s) => s.SOPInstanceUID)].some((uid) => finding.message.includes(uid)))).toEqual([]);
    const tampered = Object.values(uids).filter((uid) => uid !== uids.ct03Signature);
    expect(verified.findings.filter((finding) => !tampered.some((uid) => finding.message.includes(uid)))).toEqual([]);
    expect(verified.code).toBe(1);
  });
});
