// Signing a Part 10 file by insertion (signPart10.ts): the file without the two signature elements
// is the file as written, byte for byte — text in UTF-8 sequence items included — and the signature
// verifies (node:crypto here; dcmsign checks the gateway's in packages/gateway/src/dicomSignature.test.ts).
import { createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify, constants } from 'node:crypto';
import { writePart10 } from '../dicom/part10';
import { buildBinarySeg } from '../seg/buildBinarySeg';
import { SYNTHETIC_GOLDEN_CASES } from '../seg/goldenSeg.fixture';
import { verifyDatasetSignatures, type StreamVerifier } from './dicomSignatures';
import { DIGITAL_SIGNATURES_SEQUENCE, MAC_PARAMETERS_SEQUENCE } from './macStream';
import { part10DatasetOffset, topLevelElementSpans } from './rawDataset';
import { signPart10 } from './signPart10';
import { SIGNATURE_PURPOSES } from './signaturePurpose';
import { tagOf } from './signatureProfiles';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const certificateDer = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
const sign = (bytes: Uint8Array) => new Uint8Array(nodeSign('sha256', bytes, { key: privateKey, padding: constants.RSA_PKCS1_PADDING }));
const verify: StreamVerifier = (bytes, signature, der) =>
  nodeVerify('sha256', bytes, { key: createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' }), padding: constants.RSA_PKCS1_PADDING }, signature);
const NOW = new Date(Date.UTC(2026, 11, 8, 1, 15, 0, 500));

const VERIFIED_SR = writePart10({
  SpecificCharacterSet: 'ISO_IR 192',
  SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.34',
  SOPInstanceUID: '2.25.2001',
  StudyInstanceUID: '2.25.2002',
  SeriesInstanceUID: '2.25.2003',
  Modality: 'SR',
  ValueType: 'CONTAINER',
  ConceptNameCodeSequence: [{ CodeValue: '126000', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Imaging Measurement Report' }],
  ContinuityOfContent: 'SEPARATE',
  CompletionFlag: 'COMPLETE',
  VerificationFlag: 'VERIFIED',
  VerifyingObserverSequence: [{ VerifyingObserverName: 'Ødegård^Åsa', VerifyingOrganization: 'Hôpital Saint-Éloi', VerificationDateTime: '20261208011400' }],
  ContentSequence: [
    { RelationshipType: 'CONTAINS', ValueType: 'TEXT', ConceptNameCodeSequence: [{ CodeValue: '121106', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Comment' }], TextValue: 'Läsion im Balken ≥ 3 mm' },
  ],
});

/** `bytes` without its top-level MAC Parameters and Digital Signatures Sequences. */
function withoutSignatureElements(bytes: Uint8Array): Uint8Array {
  const spans = topLevelElementSpans(bytes, part10DatasetOffset(bytes)).filter((span) => span.tag === MAC_PARAMETERS_SEQUENCE || span.tag === DIGITAL_SIGNATURES_SEQUENCE);
  const kept: number[] = [];
  bytes.forEach((byte, i) => {
    if (!spans.some((span) => i >= span.start && i < span.end)) kept.push(byte);
  });
  return new Uint8Array(kept);
}

describe('signPart10', () => {
  it('inserts the two signature elements into a VERIFIED report and leaves every other byte as it was, its UTF-8 content included', () => {
    const signed = signPart10(VERIFIED_SR, { profile: 'sr-verification', certificateDer, sign, now: NOW });
    expect(signed.bytes.length).toBeGreaterThan(VERIFIED_SR.length);
    expect(Buffer.from(withoutSignatureElements(signed.bytes)).equals(Buffer.from(VERIFIED_SR))).toBe(true);
    expect(Buffer.from(signed.bytes).includes(Buffer.from('Läsion im Balken ≥ 3 mm', 'utf8'))).toBe(true);

    const [check, ...more] = verifyDatasetSignatures(signed.bytes, verify);
    expect(more).toEqual([]);
    expect(check).toMatchObject({ valid: true, signatureUid: signed.signatureUid, dateTime: '20261208011500.500000+0000', purpose: SIGNATURE_PURPOSES.verification, coversAllSignedData: true });
    expect(signed.signedTags).toContain(tagOf('ContentSequence'));
    expect(signed.signedTags).toContain(tagOf('VerifyingObserverSequence'));
  });

  it('signs an adjudicated reference SEG under the Authorization profile, its Pixel Data and segments included', () => {
    const golden = SYNTHETIC_GOLDEN_CASES.find((candidate) => candidate.name.includes('ADJUDICATED'))!.build();
    const seg = writePart10(buildBinarySeg(golden.input));
    const signed = signPart10(seg, { profile: 'authorization', purpose: SIGNATURE_PURPOSES.verification, certificateDer, sign, now: NOW });
    expect(Buffer.from(withoutSignatureElements(signed.bytes)).equals(Buffer.from(seg))).toBe(true);
    for (const keyword of ['PixelData', 'SegmentSequence', 'PerFrameFunctionalGroupsSequence', 'ContentCreatorName', 'ContentLabel']) expect(signed.signedTags).toContain(tagOf(keyword));
    expect(verifyDatasetSignatures(signed.bytes, verify).map((check) => check.valid)).toEqual([true]);

    // One flipped byte of the Pixel Data and the signature no longer verifies.
    const tampered = new Uint8Array(signed.bytes);
    const pixelData = topLevelElementSpans(tampered, part10DatasetOffset(tampered)).find((span) => span.tag === tagOf('PixelData'))!;
    tampered[pixelData.end - 1] ^= 0x01;
    expect(verifyDatasetSignatures(tampered, verify).map((check) => check.valid)).toEqual([false]);
  });

  it('countersigns a signed file: the earlier signature and its items stay as they were, and both verify', () => {
    const first = signPart10(VERIFIED_SR, { profile: 'sr-verification', certificateDer, sign, now: NOW });
    const second = signPart10(first.bytes, { profile: 'sr-verification', certificateDer, sign, now: new Date(NOW.getTime() + 1000) });
    const checks = verifyDatasetSignatures(second.bytes, verify);
    expect(checks.map((check) => [check.valid, check.signatureUid, check.macIdNumber])).toEqual([[true, first.signatureUid, 0], [true, second.signatureUid, 1]]);
  });

  it('refuses a report that is not VERIFIED under the Structured Report profile', () => {
    const unverified = writePart10({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.34', SOPInstanceUID: '2.25.3', StudyInstanceUID: '2.25.4', SeriesInstanceUID: '2.25.5', VerificationFlag: 'UNVERIFIED', ContentSequence: [] });
    expect(() => signPart10(unverified, { profile: 'sr-verification', certificateDer, sign, now: NOW })).toThrow(/must be VERIFIED/);
  });
});
