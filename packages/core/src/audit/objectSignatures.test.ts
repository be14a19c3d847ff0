// A QC report's signatures as the audit reads them: which stream a valid one covers and the hash of
// the standard stream (what the journal compares), invalid when a signed byte changed or when it
// signs nothing that binds it to this report, untrusted — with the reason — when the trust store does
// not vouch for the certificate at the signing time. Real RSA signatures (node:crypto, in this test
// only: core takes the crypto as functions); the certificates are stood in for by public keys, whose
// description the checker gives (packages/cli/src/audit has the tests with X.509 certificates).
import { createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify, constants, type KeyObject } from 'node:crypto';
import { writePart10 } from '../dicom/part10';
import { sha256Hex } from '../hash/sha256';
import { macStream, signDataset, type StreamVerifier } from '../signature/dicomSignatures';
import { SIGNATURE_PURPOSES } from '../signature/signaturePurpose';
import { readSrDataset } from '../sr/readSrDataset';
import { adjudicationBy, SIGN_INS } from './audit.fixture';
import { objectSignaturesOf } from './objectSignatures';
import type { CertificateDescription, SignatureChecker } from './SignatureChecker';

const keyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, der: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) };
};
const site = keyPair();
const rogue = keyPair();
const VALIDITY = { validFrom: new Date('2026-01-01T00:00:00Z'), validTo: new Date('2027-01-01T00:00:00Z') };
const SIGNED_AT = new Date('2026-12-07T18:30:05.250Z');

const publicKeyOf = (der: Uint8Array): KeyObject => createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
const verify: StreamVerifier = (bytes, signature, der, algorithm) => algorithm === 'SHA256' && nodeVerify('sha256', bytes, { key: publicKeyOf(der), padding: constants.RSA_PKCS1_PADDING }, signature);
const describeCertificate = (der: Uint8Array): CertificateDescription => ({
  ...(Buffer.from(der).equals(Buffer.from(site.der)) ? { commonName: 'Site signer', subject: 'O=Test, CN=Site signer' } : { commonName: 'Rogue signer', subject: 'O=Test, CN=Rogue signer' }),
  ...VALIDITY,
});
/** The trust store holds the site's key; a certificate is trusted while valid. */
const trusted: SignatureChecker = {
  verify,
  verifyTrustedAt: (at) => (bytes, signature, der, algorithm) =>
    Buffer.from(der).equals(Buffer.from(site.der)) && at >= VALIDITY.validFrom && at <= VALIDITY.validTo && verify(bytes, signature, der, algorithm),
  describeCertificate,
};

const report = adjudicationBy({ name: 'Okafor^Ada', login: 'aokafor', authentication: SIGN_INS.lindqvist }, 'report signatures').report;
function signed(key = site, options: { now?: Date; tags?: string[] } = {}): { bytes: Uint8Array; tags: number[] } {
  const dataset = signDataset(readSrDataset(report), {
    ...(options.tags ? { tags: options.tags } : { profile: 'sr-verification' as const }),
    purpose: SIGNATURE_PURPOSES.verification,
    certificateDer: key.der,
    sign: (bytes) => new Uint8Array(nodeSign('sha256', bytes, { key: key.privateKey, padding: constants.RSA_PKCS1_PADDING })),
    now: options.now ?? SIGNED_AT,
    macStreamVariant: 'dcmtk',
  });
  const mac = (dataset['MACParametersSequence'] as Array<Record<string, unknown>>)[0];
  return { bytes: writePart10(dataset), tags: mac['DataElementsSigned'] as number[] };
}

test('a valid signature by a trusted certificate: who, when, what for, and the hash of the standard stream', () => {
  const { bytes, tags } = signed();
  const [signature] = objectSignaturesOf(bytes, 'qc-report', trusted);
  expect(signature).toEqual({
    status: 'valid', trustChecked: true, uid: expect.stringMatching(/^2\.25\.\d+$/), signedAt: '2026-12-07T18:30:05.250Z',
    purpose: { code: '5', meaning: 'Verification Signature' }, signer: 'Site signer',
    // A TID 1500 report is larger than DCMTK's 16 KB buffer: its stream leaves part of the content tree out.
    coversAllSignedData: false,
    standardStreamSha256: sha256Hex(macStream(bytes, tags, 'standard')),
  });
  expect(objectSignaturesOf(report, 'qc-report', trusted)).toEqual([]);
});

test('without a trust store a certificate of anyone is valid, and says it was not checked', () => {
  const [signature] = objectSignaturesOf(signed(rogue).bytes, 'qc-report', { ...trusted, verifyTrustedAt: null });
  expect(signature).toMatchObject({ status: 'valid', trustChecked: false, signer: 'Rogue signer' });
});

test('a certificate the trust store does not hold, or one signing outside its validity: untrusted, saying which', () => {
  expect(objectSignaturesOf(signed(rogue).bytes, 'qc-report', trusted)[0]).toMatchObject({
    status: 'untrusted', reason: 'its certificate "O=Test, CN=Rogue signer" was not issued by a certificate of the trust store',
  });
  expect(objectSignaturesOf(signed(site, { now: new Date('2027-02-01T00:00:00Z') }).bytes, 'qc-report', trusted)[0]).toMatchObject({
    status: 'untrusted',
    reason: 'its certificate "O=Test, CN=Site signer" was not valid at the signing time 2027-02-01T00:00:00.000Z (valid 2026-01-01T00:00:00.000Z to 2027-01-01T00:00:00.000Z)',
  });
});

test('a signed byte changed: invalid', () => {
  const { bytes } = signed();
  const at = Buffer.from(bytes).indexOf('Okafor^Ada');
  const changed = bytes.slice();
  changed[at] = 'P'.charCodeAt(0); // Pkafor: in the Verifying Observer Sequence, which every stream covers
  expect(objectSignaturesOf(changed, 'qc-report', trusted)[0]).toMatchObject({ status: 'invalid', reason: 'the signature does not match the signed data' });
});

test('a signature that verifies but signs nothing of this report in particular: invalid', () => {
  const [signature] = objectSignaturesOf(signed(site, { tags: ['SOPClassUID', 'Manufacturer'] }).bytes, 'qc-report', trusted);
  expect(signature).toMatchObject({
    status: 'invalid',
    reason: 'it does not sign SOPInstanceUID, StudyInstanceUID, SeriesInstanceUID, VerificationFlag, VerifyingObserverSequence, ContentSequence, so it would verify on another object as well',
  });
});
