// The MAC byte stream of DICOM Digital Signatures (PS3.3 C.12.1.1.3.1.1, PS3.15 C.1) byte for byte,
// independent of defined or undefined sequence lengths; DCMTK's variant of it; signing and checking
// with an RSA key (node:crypto in this test only — core takes the crypto as functions). The check
// against dcmsign itself is packages/gateway/src/dicomSignature.test.ts.
import { createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify, constants } from 'node:crypto';
import { writePart10 } from '../dicom/part10';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { DicomValueError } from '../dicom/DicomValueError';
import { macStream, signDataset, verifyDatasetSignatures, derLength, signatureDateTime, type StreamVerifier } from './dicomSignatures';
import { fullMacStream, dataElementsStream, isSignableTag } from './macStream';
import { parseExplicitLittle, encodeNaturalDataset, type RawElement } from './rawDataset';
import { DCMTK_MAC_BUFFER_SIZE } from './dcmtkMacStream';
import { SIGNATURE_PURPOSES } from './signaturePurpose';
import { tagOf, keywordOf, profileTags } from './signatureProfiles';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const ascii = (text: string): string => Buffer.from(text, 'latin1').toString('hex');

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
// Core never parses the certificate; these tests stand the public key's DER in for it.
const certificateDer = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
const sign = (bytes: Uint8Array) => new Uint8Array(nodeSign('sha256', bytes, { key: privateKey, padding: constants.RSA_PKCS1_PADDING }));
const verify: StreamVerifier = (bytes, signature, der, algorithm) =>
  algorithm === 'SHA256' && nodeVerify('sha256', bytes, { key: createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' }), padding: constants.RSA_PKCS1_PADDING }, signature);
const NOW = new Date(Date.UTC(2026, 11, 7, 18, 30, 5, 250));

function verifiedSr(): NaturalDataset {
  return {
    SpecificCharacterSet: 'ISO_IR 192',
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.34',
    SOPInstanceUID: '2.25.1001',
    StudyInstanceUID: '2.25.1002',
    SeriesInstanceUID: '2.25.1003',
    PatientName: 'Doe^Jane',
    PatientID: 'P-1',
    Manufacturer: 'SegQC',
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [{ CodeValue: '126000', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Imaging Measurement Report' }],
    ContinuityOfContent: 'SEPARATE',
    CompletionFlag: 'COMPLETE',
    VerificationFlag: 'VERIFIED',
    VerifyingObserverSequence: [{ VerifyingObserverName: 'Singh^Priya', VerifyingOrganization: 'SegQC Demo Hospital', VerificationDateTime: '20261207183000' }],
    ContentSequence: [
      { RelationshipType: 'CONTAINS', ValueType: 'TEXT', ConceptNameCodeSequence: [{ CodeValue: '121106', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Comment' }], TextValue: 'Nodule missed by B' },
    ],
  };
}

describe('the MAC stream of the Data Elements Signed', () => {
  it('is each element as Explicit VR Little Endian: tag, VR, length, value padded to even length', () => {
    expect(hex(macStream({ SOPClassUID: '1.2.3', Manufacturer: 'SegQC' }, ['SOPClassUID', 'Manufacturer']))).toBe(
      '08001600' + ascii('UI') + '0600' + ascii('1.2.3') + '00' + '08007000' + ascii('LO') + '0600' + ascii('SegQC ')
    );
  });

  it('writes a sequence as tag, SQ and reserved bytes without length, items by their tag alone, and a sequence delimitation tag', () => {
    const stream = macStream({ ConceptNameCodeSequence: [{ CodeValue: '1', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Ab' }] }, ['ConceptNameCodeSequence']);
    expect(hex(stream)).toBe(
      '400043a0' + ascii('SQ') + '0000' + // no length
        'feff00e0' + // item tag, no length
        '08000001' + ascii('SH') + '0200' + ascii('1 ') +
        '08000201' + ascii('SH') + '0400' + ascii('DCM ') +
        '08000401' + ascii('LO') + '0200' + ascii('Ab') +
        'feffdde0' // sequence delimitation tag, no length; no item delimitation
    );
  });

  it('is the same whether sequences and items have defined or undefined lengths, and leaves out nested group lengths', () => {
    const item = Buffer.concat([
      Buffer.from('08000000554c0400', 'hex'), Buffer.from([8, 0, 0, 0]), // (0008,0000) group length, not signable
      Buffer.from('0800000153480200', 'hex'), Buffer.from('1 '),
    ]);
    const undefinedLength = Buffer.concat([
      Buffer.from('400043a05351' + '0000' + 'ffffffff', 'hex'),
      Buffer.from('feff00e0ffffffff', 'hex'), item, Buffer.from('feff0de000000000', 'hex'),
      Buffer.from('feffdde000000000', 'hex'),
    ]);
    const itemHeader = Buffer.from('feff00e0', 'hex');
    const itemLength = Buffer.alloc(4);
    itemLength.writeUInt32LE(item.length);
    const sequenceLength = Buffer.alloc(4);
    sequenceLength.writeUInt32LE(8 + item.length);
    const definedLength = Buffer.concat([Buffer.from('400043a053510000', 'hex'), sequenceLength, itemHeader, itemLength, item]);
    const a = macStream(parseExplicitLittle(new Uint8Array(undefinedLength)), ['ConceptNameCodeSequence']);
    const b = macStream(parseExplicitLittle(new Uint8Array(definedLength)), ['ConceptNameCodeSequence']);
    expect(hex(a)).toBe(hex(b));
    expect(hex(a)).toBe('400043a0' + ascii('SQ') + '0000' + 'feff00e0' + '08000001' + ascii('SH') + '0200' + ascii('1 ') + 'feffdde0');
  });

  it('refuses what cannot be signed: group lengths, File Meta, the signature sequences, UN', () => {
    expect([0x00080000, 0x00020010, 0xfffafffa, 0x4ffe0001, 0xfffcfffc, 0x00080001].map(isSignableTag)).toEqual([false, false, false, false, false, false]);
    const un: RawElement[] = [{ tag: 0x00091010, vr: 'UN', value: new Uint8Array(2) }];
    expect(() => dataElementsStream(un, [0x00091010])).toThrow(DicomValueError);
  });

  it('in DCMTK\'s variant equals the PS3.15 stream while small, and skips the rest of a nested sequence when dcmsign\'s 16 KB buffer fills inside it', () => {
    const small = encodeNaturalDataset(verifiedSr());
    const tags = small.map((element) => element.tag).filter(isSignableTag);
    expect(hex(fullMacStream(small, tags, [], 'dcmtk'))).toBe(hex(fullMacStream(small, tags, [], 'standard')));

    const long = 'x'.repeat(1000);
    const nested = encodeNaturalDataset({
      ContentSequence: Array.from({ length: 40 }, (_, i) => ({
        RelationshipType: 'CONTAINS', ValueType: 'CONTAINER',
        ContentSequence: [{ RelationshipType: 'CONTAINS', ValueType: 'TEXT', TextValue: `${i} ${long}` }, { RelationshipType: 'CONTAINS', ValueType: 'TEXT', TextValue: `${i} again ${long}` }],
      })),
    });
    const standard = fullMacStream(nested, [tagOf('ContentSequence')], [], 'standard');
    const dcmtk = fullMacStream(nested, [tagOf('ContentSequence')], [], 'dcmtk');
    expect(standard.length).toBeGreaterThan(DCMTK_MAC_BUFFER_SIZE);
    expect(dcmtk.length).toBeLessThan(standard.length);
    // Identical up to the first buffer boundary, then the interrupted nested sequence is closed at once.
    expect(hex(dcmtk.subarray(0, DCMTK_MAC_BUFFER_SIZE))).toBe(hex(standard.subarray(0, DCMTK_MAC_BUFFER_SIZE)));
    expect(hex(dcmtk.subarray(DCMTK_MAC_BUFFER_SIZE, DCMTK_MAC_BUFFER_SIZE + 4))).toBe('feffdde0');
  });
});

describe('signDataset and verifyDatasetSignatures', () => {
  it('sign a VERIFIED SR under the SR RSA profile with a Verification Signature, and check it from the Part 10 file', () => {
    const signed = signDataset(verifiedSr(), { profile: 'sr-verification', certificateDer, sign, now: NOW, signatureUid: '2.25.42' });
    expect(signed['MACParametersSequence']).toEqual([
      expect.objectContaining({ MACIDNumber: 0, MACCalculationTransferSyntaxUID: '1.2.840.10008.1.2.1', MACAlgorithm: 'SHA256' }),
    ]);
    expect(signed['DigitalSignaturesSequence']).toEqual([
      expect.objectContaining({
        MACIDNumber: 0, DigitalSignatureUID: '2.25.42', DigitalSignatureDateTime: '20261207183005.250000+0000', CertificateType: 'X509_1993_SIG',
        DigitalSignaturePurposeCodeSequence: [{ CodeValue: '5', CodingSchemeDesignator: 'ASTM-sigpurpose', CodeMeaning: 'Verification Signature' }],
      }),
    ]);
    const file = writePart10(signed);
    const [check] = verifyDatasetSignatures(file, verify);
    expect(check).toMatchObject({ valid: true, signatureUid: '2.25.42', dateTime: '20261207183005.250000+0000', purpose: SIGNATURE_PURPOSES.verification, coversAllSignedData: true });
    expect(hex(check.certificateDer!)).toBe(hex(certificateDer));
    expect(check.keywordsSigned).toEqual([
      'SpecificCharacterSet', 'SOPClassUID', 'SOPInstanceUID', 'Manufacturer', 'StudyInstanceUID', 'SeriesInstanceUID', 'ValueType', 'ConceptNameCodeSequence',
      'ContinuityOfContent', 'VerifyingObserverSequence', 'CompletionFlag', 'VerificationFlag', 'ContentSequence',
    ]);
    // The naturalized dataset checks the same (dcmjs re-encodes it identically).
    expect(verifyDatasetSignatures(signed, verify)[0].valid).toBe(true);
  });

  it('find a changed signed value, a changed signature item, but not a changed unsigned value', () => {
    const signed = signDataset(verifiedSr(), { profile: 'sr-verification', certificateDer, sign, now: NOW });
    const observer = (signed['VerifyingObserverSequence'] as NaturalDataset[])[0];
    expect(verifyDatasetSignatures({ ...signed, VerifyingObserverSequence: [{ ...observer, VerifyingObserverName: 'Singh^Pryia' }] }, verify)[0]).toMatchObject({
      valid: false, reason: 'the signature does not match the signed data',
    });
    const item = (signed['DigitalSignaturesSequence'] as NaturalDataset[])[0];
    expect(verifyDatasetSignatures({ ...signed, DigitalSignaturesSequence: [{ ...item, DigitalSignatureDateTime: '20261207183006.250000+0000' }] }, verify)[0].valid).toBe(false);
    expect(verifyDatasetSignatures({ ...signed, PatientName: 'Roe^Richard' }, verify)[0].valid).toBe(true);
  });

  it('keep earlier signatures and give the next one the next MAC ID Number', () => {
    const once = signDataset(verifiedSr(), { profile: 'sr-verification', certificateDer, sign, now: NOW });
    const twice = signDataset(once, { tags: ['SOPInstanceUID', 'PatientID'], purpose: SIGNATURE_PURPOSES.review, certificateDer, sign, now: NOW });
    const checks = verifyDatasetSignatures(writePart10(twice), verify);
    expect(checks.map((check) => [check.macIdNumber, check.valid, check.purpose?.CodeValue])).toEqual([[0, true, '5'], [1, true, '13']]);
    expect(checks[1].keywordsSigned).toEqual(['SOPInstanceUID', 'PatientID']);
  });

  it('refuse what the profile forbids or the dataset lacks', () => {
    const options = { certificateDer, sign, now: NOW };
    expect(() => signDataset({ ...verifiedSr(), VerificationFlag: 'UNVERIFIED' }, { ...options, profile: 'sr-verification' })).toThrow(/VERIFIED/);
    expect(() => signDataset(verifiedSr(), { ...options, profile: 'sr-verification', purpose: SIGNATURE_PURPOSES.author })).toThrow(/Verification Signature/);
    expect(() => signDataset(verifiedSr(), { ...options, tags: ['AccessionNumber'] })).toThrow(/absent/);
    const { VerifyingObserverSequence: _dropped, ...withoutObserver } = verifiedSr();
    expect(() => signDataset(withoutObserver, { ...options, profile: 'sr-verification' })).toThrow(/VerifyingObserverSequence/);
  });
});

describe('helpers', () => {
  it('know tags by keyword, the profiles, DER lengths and the DT of a signature', () => {
    expect(tagOf('DigitalSignaturesSequence')).toBe(0xfffafffa);
    expect(tagOf('(0040,A730)')).toBe(0x0040a730);
    expect(keywordOf(0x0040a730)).toBe('ContentSequence');
    expect(profileTags('authorization')!.has(tagOf('PixelData'))).toBe(true);
    expect(profileTags('sr-verification')!.has(tagOf('PatientName'))).toBe(false);
    expect(derLength(new Uint8Array([0x30, 0x03, 1, 2, 3, 0]))).toBe(5);
    expect(derLength(new Uint8Array([0x30, 0x82, 0x01, 0x00, ...new Array(257).fill(0)]))).toBe(260);
    expect(signatureDateTime(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe('20260102030405.006000+0000');
  });
});
