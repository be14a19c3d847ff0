// DICOM Digital Signatures that DCMTK's dcmsign (3.6.7) verifies: a VERIFIED SegQC report signed
// under the SR RSA profile (PS3.15 C.4, Verification Signature) and the ADJUDICATED reference SEG
// under the Authorization RSA profile (C.3) as the gateway signs it; dcmsign and
// verifyDatasetSignatures agree they verify, and agree again when one byte of a signed value is
// flipped (both fail) or one of an unsigned value (both pass). And the other way round: a
// signature dcmsign makes is verified by verifyDatasetSignatures, and its MAC byte stream (dcmsign
// --dump) is byte for byte the one macStream builds.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readPart10, writePart10, signDataset, verifyDatasetSignatures, fullMacStream, rawDatasetOfPart10, SIGNATURE_PURPOSES, tagOf,
  type NaturalDataset, type RawElement,
} from '@segqc/core';
import { demoAdjudication } from '../../core/src/adjudication/adjudication.fixture';
import { writeAdjudication } from '../../core/src/adjudication/writeAdjudication';
import { demoSigningCertificate, nodeSigner, nodeVerifier, type SigningCertificate } from './dicomSignature';
import { reportSignerOf } from './reportSigner';
import { signStoredObject } from './signStoredObject';

jest.setTimeout(180_000);

const DCMSIGN = '/usr/bin/dcmsign';
const haveDcmsign = existsSync(DCMSIGN);
const haveDciodvfy = spawnSync('sh', ['-c', 'command -v dciodvfy']).status === 0;

let dir: string;
let signer: SigningCertificate;
let report: NaturalDataset;
let referenceSeg: NaturalDataset;

interface Run {
  status: number | null;
  output: string;
}
const run = (command: string, args: string[]): Run => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};
const dcmsignVerify = (file: string, ...policy: string[]): Run => run(DCMSIGN, ['--verify', '-v', ...policy, '+cf', signer.files.caCertificate, file]);

const verifier = () => nodeVerifier({ trustedCertificates: [signer.caCertificatePem] });

function writeFile(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The file offset of the first occurrence of `needle` (a value's text). */
function offsetOf(bytes: Uint8Array, needle: string): number {
  const index = Buffer.from(bytes).indexOf(Buffer.from(needle, 'latin1'));
  if (index < 0) throw new Error(`${needle} not found`);
  return index;
}

function flipped(bytes: Uint8Array, offset: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[offset] ^= 0x01;
  return copy;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-dicom-signature-'));
  signer = demoSigningCertificate(join(dir, 'keys'));
  const written = writeAdjudication(demoAdjudication());
  report = readPart10(written.report).dataset;
  referenceSeg = readPart10(written.referenceSeg).dataset;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('demoSigningCertificate', () => {
  it('makes a CA and a signer certificate it issued, private files of mode 0600, and reuses them', () => {
    for (const path of Object.values(signer.files)) expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    expect(run('openssl', ['verify', '-CAfile', signer.files.caCertificate, signer.files.signerCertificate]).output).toContain(': OK');
    expect(demoSigningCertificate(join(dir, 'keys')).certificatePem).toBe(signer.certificatePem);
  });
});

(haveDcmsign ? describe : describe.skip)('a signed VERIFIED QC report', () => {
  let file: string;
  let bytes: Uint8Array;
  let signed: NaturalDataset;

  beforeAll(() => {
    signed = signDataset(report, {
      profile: 'sr-verification',
      purpose: SIGNATURE_PURPOSES.verification,
      certificateDer: signer.certificateDer,
      sign: nodeSigner(signer.privateKeyPem),
      now: new Date(),
    });
    bytes = writePart10(signed);
    file = writeFile('report-signed.dcm', bytes);
  });

  it('is verified by dcmsign, SR RSA signature profile required, and by verifyDatasetSignatures', () => {
    const dcmsign = dcmsignVerify(file, '--require-sr');
    expect(dcmsign.output).toMatch(/Signature Verification\s*:\s*OK/);
    expect(dcmsign.output).toMatch(/Verification Signature/);
    expect(dcmsign.status).toBe(0);
    const [check, ...more] = verifyDatasetSignatures(bytes, verifier());
    expect(more).toHaveLength(0);
    expect(check).toMatchObject({ valid: true, macAlgorithm: 'SHA256', certificateType: 'X509_1993_SIG', purpose: SIGNATURE_PURPOSES.verification, macStreamVariant: 'dcmtk' });
    // dcmsign's buffer handling leaves most of the nested content tree out of what it digests.
    expect(check.coversAllSignedData).toBe(false);
    expect(check.keywordsSigned).toEqual(expect.arrayContaining(['SOPClassUID', 'SOPInstanceUID', 'StudyInstanceUID', 'SeriesInstanceUID', 'VerificationFlag', 'VerifyingObserverSequence', 'ContentSequence', 'ConceptNameCodeSequence', 'ValueType']));
    expect(check.keywordsSigned).not.toContain('PatientName');
    expect(Buffer.from(check.certificateDer!).equals(Buffer.from(signer.certificateDer))).toBe(true);
  });

  it('fails in both when one byte of a signed value changes, and passes in both when an unsigned one does', () => {
    const tampered = writeFile('report-tampered.dcm', flipped(bytes, offsetOf(bytes, 'Singh^Priya') + 1)); // VerifyingObserverName
    const dcmsign = dcmsignVerify(tampered);
    expect(dcmsign.status).not.toBe(0);
    expect(dcmsign.output).toMatch(/Signature Verification\s*:\s*(signature verification failed|.*[Cc]orrupt)/);
    expect(verifyDatasetSignatures(readFileSync(tampered), verifier())[0]).toMatchObject({ valid: false, reason: 'the signature does not match the signed data' });

    const patientId = String(report['PatientID']);
    const unsigned = writeFile('report-unsigned-changed.dcm', flipped(bytes, offsetOf(bytes, patientId))); // PatientID: not signed
    expect(dcmsignVerify(unsigned).status).toBe(0);
    expect(verifyDatasetSignatures(readFileSync(unsigned), verifier())[0].valid).toBe(true);
  });

  it('does not protect what dcmsign skips: a changed ContentSequence text goes unnoticed by dcmsign (and by the dcmtk stream)', () => {
    const raw = rawDatasetOfPart10(bytes);
    const check = verifyDatasetSignatures(bytes, verifier())[0];
    const tags = check.tagsSigned.map(tagOf);
    const itemOf = (elements: RawElement[]) => elements.find((element) => element.tag === tagOf('DigitalSignaturesSequence'))!.items![0];
    const dcmtkStream = Buffer.from(fullMacStream(raw, tags, itemOf(raw), 'dcmtk'));
    // A byte of a signed text value that dcmsign does not digest.
    const candidates = ['B left out the 4 mm nodule', 'Lung nodule', 'Left lung', 'Right lung', 'STAPLE', 'majority'];
    let hole: Uint8Array | undefined;
    for (const candidate of candidates) {
      let from = 0;
      for (;;) {
        const at = Buffer.from(bytes).indexOf(Buffer.from(candidate, 'latin1'), from);
        if (at < 0) break;
        const changed = flipped(bytes, at);
        const changedRaw = rawDatasetOfPart10(changed);
        if (Buffer.from(fullMacStream(changedRaw, tags, itemOf(changedRaw), 'dcmtk')).equals(dcmtkStream)) {
          hole = changed;
          break;
        }
        from = at + 1;
      }
      if (hole) break;
    }
    expect(hole).toBeDefined();
    const path = writeFile('report-changed-in-skipped-part.dcm', hole!);
    expect(dcmsignVerify(path).status).toBe(0);
    expect(verifyDatasetSignatures(hole!, verifier())[0]).toMatchObject({ valid: true, coversAllSignedData: false });
    expect(verifyDatasetSignatures(hole!, verifier(), { requireFullCoverage: true })[0]).toMatchObject({ valid: false, coversAllSignedData: false });
  });

  it('signed over the PS3.15 stream instead, covers everything — and dcmsign 3.6.7 calls it corrupted', () => {
    const standard = writePart10(signDataset(report, {
      profile: 'sr-verification', certificateDer: signer.certificateDer, sign: nodeSigner(signer.privateKeyPem), now: new Date(), macStreamVariant: 'standard',
    }));
    expect(verifyDatasetSignatures(standard, verifier())[0]).toMatchObject({ valid: true, macStreamVariant: 'standard', coversAllSignedData: true });
    const dcmsign = dcmsignVerify(writeFile('report-standard.dcm', standard));
    expect(dcmsign.output).toMatch(/signature verification failed/);
    expect(dcmsign.status).not.toBe(0);
  });

  (haveDciodvfy ? it : it.skip)('adds no dciodvfy error to the report', () => {
    const errors = (path: string) => run('dciodvfy', ['-new', path]).output.split('\n').filter((line) => line.startsWith('Error'));
    const before = errors(writeFile('report-unsigned.dcm', writePart10(report)));
    const after = errors(file);
    expect(after).toEqual(before);
  });
});

(haveDcmsign ? describe : describe.skip)('an ADJUDICATED reference SEG as the gateway signs it (signStoredObject)', () => {
  let bytes: Uint8Array;

  beforeAll(() => {
    const site = reportSignerOf({ certificatePem: signer.certificatePem, privateKeyPem: signer.privateKeyPem });
    bytes = signStoredObject(writePart10(referenceSeg), 'adjudicated-seg', site, new Date(Math.max(Date.now(), site.validFrom.getTime())), 'part 1').bytes;
  });

  it('is verified by dcmsign, Authorization RSA signature profile required, and by verifyDatasetSignatures', () => {
    const dcmsign = dcmsignVerify(writeFile('seg-signed.dcm', bytes), '--require-auth');
    expect(dcmsign.output).toMatch(/Signature Verification\s*:\s*OK/);
    expect(dcmsign.status).toBe(0);
    const [check] = verifyDatasetSignatures(bytes, verifier());
    expect(check).toMatchObject({ valid: true, purpose: SIGNATURE_PURPOSES.verification });
    expect(check.keywordsSigned).toEqual(expect.arrayContaining(['PixelData', 'SegmentSequence', 'SharedFunctionalGroupsSequence', 'PerFrameFunctionalGroupsSequence', 'ContentLabel', 'ContentCreatorName', 'FrameOfReferenceUID', 'ReferencedSeriesSequence']));
  });

  it('fails in both when one voxel of Pixel Data changes', () => {
    const pixelData = Buffer.from(bytes).indexOf(Buffer.from([0xe0, 0x7f, 0x10, 0x00, 0x4f])); // (7FE0,0010) O?
    expect(pixelData).toBeGreaterThan(0);
    const tampered = flipped(bytes, pixelData + 12 + 7);
    const dcmsign = dcmsignVerify(writeFile('seg-tampered.dcm', tampered));
    expect(dcmsign.status).not.toBe(0);
    expect(verifyDatasetSignatures(tampered, verifier())[0].valid).toBe(false);
  });
});

(haveDcmsign ? describe : describe.skip)('a signature made by dcmsign', () => {
  it('has the MAC byte stream macStream builds (dcmtk variant), and verifyDatasetSignatures verifies it', () => {
    const input = writeFile('report-for-dcmsign.dcm', writePart10(report));
    const output = join(dir, 'report-dcmsign-signed.dcm');
    const dump = join(dir, 'mac-stream.bin');
    const tags = ['SOPClassUID', 'SOPInstanceUID', 'StudyInstanceUID', 'SeriesInstanceUID', 'VerificationFlag', 'VerifyingObserverSequence', 'ContentSequence', 'ConceptNameCodeSequence'];
    const signing = run(DCMSIGN, [
      '--sign', signer.files.signerKey, signer.files.signerCertificate, '-pw', '+m2', '+sp', '5', '+pv',
      ...tags.flatMap((tag) => ['--tag', tag]), '+d', dump, input, output,
    ]);
    expect(signing.output).toBe('');
    expect(signing.status).toBe(0);
    const signedBytes = new Uint8Array(readFileSync(output));
    const raw = rawDatasetOfPart10(signedBytes);
    const signatureItem = raw.find((element: RawElement) => element.tag === tagOf('DigitalSignaturesSequence'))!.items![0];
    const dataElementsSigned = verifyDatasetSignatures(signedBytes, verifier())[0];
    expect(dataElementsSigned.valid).toBe(true);
    expect(dataElementsSigned).toMatchObject({ macStreamVariant: 'dcmtk', coversAllSignedData: false, purpose: SIGNATURE_PURPOSES.verification });
    const ours = fullMacStream(raw, dataElementsSigned.tagsSigned.map(tagOf), signatureItem, 'dcmtk');
    expect(Buffer.from(ours).equals(readFileSync(dump))).toBe(true);
    // dcmsign wrote the file with explicit sequence and item lengths; the stream does not depend on them.
    expect(Buffer.from(fullMacStream(raw, dataElementsSigned.tagsSigned.map(tagOf), signatureItem, 'standard')).length).toBeGreaterThan(ours.length);
  });
});
