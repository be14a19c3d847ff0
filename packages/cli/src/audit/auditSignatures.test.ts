// `segqc audit verify|export` on VERIFIED QC reports carrying real DICOM Digital Signatures (core
// signDataset with a demo CA's signer certificate, node:crypto through @segqc/gateway): a valid
// signature is no finding and exports as valid; each way a signature can fail — a signed byte
// changed, a certificate of another CA, no signature where the verifier signed in, a signature
// copied from another report, and against the journal: content DCMTK's stream leaves out changed,
// a signature the journal did not record, a signer who is not the verifier — is a finding of its
// own kind naming the report; a self-declared unsigned report is no finding, but said plainly.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { referenceSegSeriesUid, sha256Hex, type JournalRecord, type WrittenAdjudication } from '@segqc/core';
import { demoSigningCertificate, reportSignerOf, signStoredObject, type SigningCertificate } from '@segqc/gateway';
import { adjudicationBy, auditCase } from '../../../core/src/audit/audit.fixture';
import { inMemoryPacs, PACS_ROOT, type StoredInstance } from '../../../core/src/audit/inMemoryPacs.fixture';
import { runAudit } from './runAudit';
import { journalOf, signReport, withDigitChanged, withSignatureOf, withUncoveredDigitChanged, type SignedReport } from './signedReport.fixture';

const fixture = auditCase();
const study = fixture.studyInstanceUid;
const reportSeries = fixture.reviewInit.seriesInstanceUid;
const OKAFOR = { name: 'Okafor^Ada', login: 'aokafor', authentication: { issuer: 'https://login.segqc-test.example/realms/radiology', subject: 'aokafor-7' } };
const BASE: StoredInstance[] = [
  ...fixture.objects.map((object) => ({ studyInstanceUid: study, ...object })),
  ...fixture.images.map((image) => ({ studyInstanceUid: study, ...image, modality: 'CT' })),
];
/** An adjudication as the PACS holds it: its report (these bytes) and its reference SEG, which the report judges, signed by the site as the gateway signs it. */
const adjudication = (written: WrittenAdjudication, bytes = written.report): StoredInstance[] => [
  { studyInstanceUid: study, seriesInstanceUid: reportSeries, sopInstanceUid: written.reportSopInstanceUid, modality: 'SR', bytes },
  { studyInstanceUid: study, seriesInstanceUid: referenceSegSeriesUid(study), sopInstanceUid: written.referenceSegSopInstanceUid, modality: 'SEG', bytes: signedBySite(written.referenceSeg) },
];

let dir: string;
let trustStore: string;
let site: SigningCertificate;
let rogue: SigningCertificate;
let okafor: { uid: string; written: WrittenAdjudication; unsigned: Uint8Array; signed: SignedReport };
let signedBySite: (referenceSeg: Uint8Array) => Uint8Array;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-audit-signatures-'));
  site = demoSigningCertificate(join(dir, 'site'), 'SegQC Test Hospital signer');
  rogue = demoSigningCertificate(join(dir, 'rogue'), 'Rogue signer');
  trustStore = join(dir, 'trust.pem');
  writeFileSync(trustStore, site.caCertificatePem);
  const written = adjudicationBy(OKAFOR, 'okafor');
  const siteSigner = reportSignerOf({ certificatePem: site.certificatePem, privateKeyPem: site.privateKeyPem });
  // Each reference SEG signed once: stored twice, it is the same bytes (as the journal recorded them).
  const signedSegs = new Map<Uint8Array, Uint8Array>();
  signedBySite = (referenceSeg) => {
    if (!signedSegs.has(referenceSeg)) signedSegs.set(referenceSeg, signStoredObject(referenceSeg, 'adjudicated-seg', siteSigner, new Date(Math.max(Date.now(), siteSigner.validFrom.getTime())), 'the reference SEG').bytes);
    return signedSegs.get(referenceSeg)!;
  };
  okafor = { uid: written.reportSopInstanceUid, written, unsigned: written.report, signed: signReport(written.report, site) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function audit(args: string[], instances: StoredInstance[]) {
  let out = '';
  const code = await runAudit(args, (text) => (out += text), inMemoryPacs(instances).fetch);
  return { code, out };
}
const verify = (instances: StoredInstance[], ...more: string[]) => audit(['verify', '--pacs', PACS_ROOT, '--study', study, ...more], instances);
const withJournal = (records: JournalRecord[]): string[] => {
  const file = join(dir, `journal-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  return ['--journal', file];
};
const SELF_DECLARED = 'note         1 VERIFIED QC report self-declared, unsigned: not a 21 CFR Part 11 signature\n';
const NO_TRUST_STORE = 'note         no trust store (--trust-store FILE or SEGQC_TRUST_STORE): signatures are checked, their certificates are not\n';
const PARTIAL = "note         1 signature covers only what DCMTK's dcmsign digests: the rest of the signed content is checked against the gateway's journal (--journal) only\n";

test('a valid signature by a certificate of the trust store: no finding; the self-declared report is said to be unsigned', async () => {
  const { code, out } = await verify([...BASE, ...adjudication(okafor.written, okafor.signed.bytes)], '--trust-store', trustStore);
  expect([code, out]).toEqual([0, `${PARTIAL}${SELF_DECLARED}audit verify: 1 study, 7 objects, 3 QC reports: no findings\n`]);
});

test('without a trust store the signatures are checked, not their certificates, and one note says so', async () => {
  const { code, out } = await verify([...BASE, ...adjudication(okafor.written, signReport(okafor.unsigned, rogue).bytes)]);
  expect([code, out]).toEqual([0, `${NO_TRUST_STORE}${PARTIAL}${SELF_DECLARED}audit verify: 1 study, 7 objects, 3 QC reports: no findings\n`]);
});

test('one byte of a signed element changed: signature-invalid naming the report', async () => {
  const tampered = withDigitChanged(okafor.signed.bytes, 'ContentDate');
  const { code, out } = await verify([...BASE, ...adjudication(okafor.written, tampered)], '--trust-store', trustStore);
  expect(code).toBe(1);
  expect(out).toContain(`signature-invalid QC report ${okafor.uid}: signature ${okafor.signed.signature.uid} does not verify: the signature does not match the signed data\n`);
  expect(out).toMatch(/: 1 finding \(1 signature-invalid\)\n$/);
});

test('a certificate of another CA: signature-untrusted, saying why', async () => {
  const { code, out } = await verify([...BASE, ...adjudication(okafor.written, signReport(okafor.unsigned, rogue).bytes)], '--trust-store', trustStore);
  expect(code).toBe(1);
  expect(out).toContain(`signature-untrusted QC report ${okafor.uid}: signature `);
  expect(out).toContain('is not trusted: its certificate "O=SegQC demo, CN=Rogue signer" was not issued by a certificate of the trust store\n');
  expect(out).toMatch(/: 1 finding \(1 signature-untrusted\)\n$/);
});

test('a VERIFIED report of an authenticated verifier without a signature: signature-missing', async () => {
  const { code, out } = await verify([...BASE, ...adjudication(okafor.written, okafor.unsigned)], '--trust-store', trustStore);
  expect(code).toBe(1);
  expect(out).toContain(`signature-missing QC report ${okafor.uid} is VERIFIED by an authenticated verifier (${OKAFOR.authentication.issuer}, subject aokafor-7) but carries no Digital Signature\n`);
});

test("another report carrying Okafor's signature items: signature-copied, naming both; Okafor's own is fine", async () => {
  const forged = adjudicationBy(OKAFOR, 'forged');
  const copy = withSignatureOf(forged.report, okafor.signed.bytes);
  const { code, out } = await verify([...BASE, ...adjudication(okafor.written, okafor.signed.bytes), ...adjudication(forged, copy)], '--trust-store', trustStore);
  expect(code).toBe(1);
  expect(out).toContain(`signature-copied QC report ${forged.reportSopInstanceUid} carries signature ${okafor.signed.signature.uid} of QC report ${okafor.uid}: it does not verify on this report`);
  expect(out).toMatch(/: 1 finding \(1 signature-copied\)\n$/);
});

test('a copied signature whose original is gone is still told apart through the journal', async () => {
  const forged = adjudicationBy(OKAFOR, 'forged');
  const stored = [...BASE, ...adjudication(forged, withSignatureOf(forged.report, okafor.signed.bytes))];
  const journal = journalOf([...stored, ...adjudication(okafor.written, okafor.signed.bytes)], { [okafor.uid]: { signature: okafor.signed.signature, login: 'aokafor' } });
  const { code, out } = await verify(stored, '--trust-store', trustStore, ...withJournal(journal));
  expect(code).toBe(1);
  expect(out).toContain(`signature-copied QC report ${forged.reportSopInstanceUid} carries signature ${okafor.signed.signature.uid} of object ${okafor.uid} (as the journal records)`);
  expect(out).not.toContain('signature-invalid');
});

describe('against the journal of writes', () => {
  const signedBy = { login: 'aokafor', issuer: OKAFOR.authentication.issuer, subject: 'aokafor-7' };
  const stored = () => [...BASE, ...adjudication(okafor.written, okafor.signed.bytes)];

  test('as the gateway recorded it: no finding', async () => {
    const journal = journalOf(stored(), { [okafor.uid]: { ...signedBy, signature: okafor.signed.signature } });
    const { code, out } = await verify(stored(), '--trust-store', trustStore, ...withJournal(journal));
    expect([code, out]).toEqual([0, `${SELF_DECLARED}audit verify: 1 study, 7 objects, 3 QC reports, against the journal's 7 records: no findings\n`]);
  });

  test("content DCMTK's stream leaves out changed: the signature still verifies, signed-content-changed says what changed", async () => {
    const tampered = withUncoveredDigitChanged(okafor.signed.bytes);
    const journal = journalOf(stored(), { [okafor.uid]: { ...signedBy, signature: okafor.signed.signature } });
    const { code, out } = await verify([...BASE, ...adjudication(okafor.written, tampered)], '--trust-store', trustStore, ...withJournal(journal));
    expect(code).toBe(1);
    expect(out).toContain(`signed-content-changed QC report ${okafor.uid}: the content signature ${okafor.signed.signature.uid} signs changed since the gateway signed it: its standard MAC stream's SHA-256 is `);
    expect(out).toContain(`the journal recorded ${okafor.signed.signature.standardStreamSha256} (journal record 6)\n`);
    expect(out).not.toContain('signature-invalid');
    expect(out).toMatch(/: 2 findings \(1 changed, 1 signed-content-changed\)\n$/);
  });

  test('a signature added after the gateway stored the report unsigned: signature-not-journaled, beside changed', async () => {
    const journal = journalOf(stored(), { [okafor.uid]: { ...signedBy, signature: null, sha256: sha256Hex(okafor.unsigned) } });
    const { code, out } = await verify(stored(), '--trust-store', trustStore, ...withJournal(journal));
    expect(code).toBe(1);
    expect(out).toContain(`signature-not-journaled QC report ${okafor.uid}: signature ${okafor.signed.signature.uid} is not the one the journal records for it (stored unsigned, journal record 6)\n`);
    expect(out).toMatch(/: 2 findings \(1 changed, 1 signature-not-journaled\)\n$/);
  });

  test('a signature that came in with the report (a key-file batch), which the gateway forwarded as it was: no finding', async () => {
    const journal = journalOf(stored(), { [okafor.uid]: { ...signedBy, signature: null } });
    const { code, out } = await verify(stored(), '--trust-store', trustStore, ...withJournal(journal));
    expect([code, out]).toEqual([0, expect.not.stringContaining('signature-not-journaled')]);
  });

  test('a signature made for another user than the verifier: signer-not-observer', async () => {
    const journal = journalOf(stored(), { [okafor.uid]: { login: 'mallory', issuer: OKAFOR.authentication.issuer, subject: 'mallory-1', signature: okafor.signed.signature } });
    const { code, out } = await verify(stored(), '--trust-store', trustStore, ...withJournal(journal));
    expect(code).toBe(1);
    expect(out).toContain(`signer-not-observer QC report ${okafor.uid}: signature ${okafor.signed.signature.uid} was made for login mallory (subject mallory-1), the report's verifier is login aokafor (subject aokafor-7) (journal record 6)\n`);
  });
});

/** The rows of RFC 4180 text (auditCsv's), as objects by the header. */
function csvRecords(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\r' && text[i + 1] === '\n') (row.push(field), rows.push(row), (row = []), (field = ''), i++);
    else field += c;
  }
  const [header, ...body] = rows;
  return body.map((values) => Object.fromEntries(header.map((name, n) => [name, values[n] ?? ''])));
}

test('export: signedBy, meaning, signedAt and signature per QC report, in CSV and JSON alike', async () => {
  const csv = join(dir, 'trail.csv');
  const json = join(dir, 'trail.json');
  const instances = [...BASE, ...adjudication(okafor.written, okafor.signed.bytes)];
  for (const file of [csv, json]) expect((await audit(['export', '--pacs', PACS_ROOT, '--study', study, '--out', file, '--trust-store', trustStore], instances)).code).toBe(0);
  const reports = csvRecords(readFileSync(csv, 'utf8')).filter((row) => row.event === 'qc-report');
  const columns = (row: Record<string, string> | undefined) => row && { signedBy: row.signedBy, meaning: row.meaning, signedAt: row.signedAt, signature: row.signature, identity: row.identity };
  const signedAt = new Date(`${okafor.signed.signature.signedAt.slice(0, 4)}-${okafor.signed.signature.signedAt.slice(4, 6)}-${okafor.signed.signature.signedAt.slice(6, 8)}T${okafor.signed.signature.signedAt.slice(8, 10)}:${okafor.signed.signature.signedAt.slice(10, 12)}:${okafor.signed.signature.signedAt.slice(12, 14)}.${okafor.signed.signature.signedAt.slice(15, 18)}Z`).toISOString();
  expect(columns(reports.find((row) => row.sopInstanceUid === okafor.uid))).toEqual({
    signedBy: 'SegQC Test Hospital signer for Okafor^Ada (aokafor)', meaning: 'Verification Signature: Adjudication approved', signedAt, signature: 'valid', identity: 'authenticated',
  });
  expect(columns(reports.find((row) => row.sopInstanceUid === fixture.uids.adjudication))).toEqual({ signedBy: '', meaning: '', signedAt: '', signature: 'unsigned', identity: 'self-declared' });
  const events = JSON.parse(readFileSync(json, 'utf8')).cases[0].events;
  expect(events.find((event: { sopInstanceUid: string }) => event.sopInstanceUid === okafor.uid).signatures).toEqual([{
    status: 'valid', trustChecked: true, uid: okafor.signed.signature.uid, signedAt, purpose: { code: '5', meaning: 'Verification Signature' },
    signer: 'SegQC Test Hospital signer', coversAllSignedData: false, standardStreamSha256: okafor.signed.signature.standardStreamSha256,
  }]);
  expect(events.find((event: { sopInstanceUid: string }) => event.sopInstanceUid === fixture.uids.adjudication).signatures).toEqual([]);
});
