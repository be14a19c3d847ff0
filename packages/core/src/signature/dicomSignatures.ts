/**
 * DICOM Digital Signatures (PS3.3 C.12.1.1.3 Digital Signatures Macro, PS3.15 Annex C) that DCMTK's
 * dcmsign verifies. Core builds the byte stream and the Digital Signatures Sequence / MAC
 * Parameters Sequence items; the signing and verifying themselves are functions passed in (the
 * gateway and the CLI implement them with node:crypto — see @segqc/gateway dicomSignature.ts).
 *
 * The signature is over the MAC stream of macStream.ts with MAC Algorithm SHA256: `sign` receives
 * the whole stream and returns an RSA PKCS#1 v1.5 (or ECDSA) signature of its SHA-256 digest —
 * what OpenSSL's EVP_PKEY_sign with a SHA-256 signature digest gives over that digest.
 */
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { DicomValueError } from '../dicom/DicomValueError';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../dicom/part10';
import { randomUid } from '../dicom/uid';
import { checkUid } from '../dicom/vrChecks';
import { DIGITAL_SIGNATURES_SEQUENCE, MAC_PARAMETERS_SEQUENCE, CERTIFICATE_OF_SIGNER, SIGNATURE, fullMacStream, isSignable, type MacStreamVariant } from './macStream';
import { asciiValue, encodeNaturalDataset, rawDatasetOfPart10, tagString, type RawElement } from './rawDataset';
import { profileRequiredTags, profileTags, keywordOf, tagOf, type SignatureProfileName } from './signatureProfiles';
import { SIGNATURE_PURPOSES, type SignaturePurpose } from './signaturePurpose';

export const MAC_ALGORITHM_SHA256 = 'SHA256';
export const CERTIFICATE_TYPE_X509 = 'X509_1993_SIG';

/** Signs the MAC stream; returns the value of Signature (0400,0120). */
export type StreamSigner = (bytes: Uint8Array) => Uint8Array;
/** Whether `signature` is a valid signature of `bytes` (MAC Algorithm `macAlgorithm`) by the key of `certificateDer`. */
export type StreamVerifier = (bytes: Uint8Array, signature: Uint8Array, certificateDer: Uint8Array, macAlgorithm: string) => boolean;

/** A dataset to sign or check: naturalized (encoded as writePart10 will), Part 10 bytes, or raw elements. */
export type SignableDataset = NaturalDataset | Uint8Array | readonly RawElement[];

function rawOf(dataset: SignableDataset): readonly RawElement[] {
  if (dataset instanceof Uint8Array) return rawDatasetOfPart10(dataset);
  if (Array.isArray(dataset)) return dataset as readonly RawElement[];
  return encodeNaturalDataset(dataset as NaturalDataset);
}

/**
 * The bytes over which a signature's MAC is calculated for `tags` (keywords or tags) of
 * `dataset` — without the signature item's part (see signatureItemStream).
 */
export function macStream(dataset: SignableDataset, tags: Iterable<string | number>, variant: MacStreamVariant = 'standard'): Uint8Array {
  return fullMacStream(rawOf(dataset), [...tags].map(tagOf), [], variant);
}

export interface SignOptions {
  /** Which attributes to sign (signatureProfiles.ts); ignored when `tags` is given. */
  profile?: SignatureProfileName;
  /** Exactly these attributes (all must be present and signable). */
  tags?: Array<string | number>;
  /** Attributes signed in addition to the profile's, when present. */
  extraTags?: Array<string | number>;
  /** Digital Signature Purpose Code Sequence (CID 7007); `sr-verification` requires Verification Signature. */
  purpose?: SignaturePurpose;
  /** The signer's X.509 certificate, DER. */
  certificateDer: Uint8Array;
  sign: StreamSigner;
  /** Digital Signature DateTime; must lie within the certificate's validity (dcmsign checks). */
  now: Date;
  /** Digital Signature UID; a random 2.25 UID when not given. */
  signatureUid?: string;
  /**
   * Which MAC stream to sign (macStream.ts). `dcmtk` (default): the one DCMTK's dcmsign digests, so
   * that dcmsign verifies the signature — but for an object whose signed stream exceeds 16 KB and
   * holds nested sequences (any TID 1500 report) dcmsign skips parts of those sequences, and the
   * signature does not protect them. `standard`: the PS3.15 stream, all of the signed attributes;
   * dcmsign 3.6.7 reports such a signature of a large nested object as corrupted.
   */
  macStreamVariant?: MacStreamVariant;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `now` as a DICOM DT in UTC with offset, YYYYMMDDHHMMSS.FFFFFF+0000. */
export function signatureDateTime(now: Date): string {
  return (
    `${pad(now.getUTCFullYear(), 4)}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}.${pad(now.getUTCMilliseconds() * 1000, 6)}+0000`
  );
}

const copyBuffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer as ArrayBuffer;
const VERIFICATION_FLAG = 0x0040a493;

function itemsOf(dataset: NaturalDataset, keyword: string): NaturalDataset[] {
  const value = dataset[keyword];
  return Array.isArray(value) ? (value as NaturalDataset[]) : [];
}

/** The tags to sign: the profile's (or the given) ones present in `raw`, in tag order. */
function tagsToSign(raw: readonly RawElement[], options: SignOptions): number[] {
  const present = new Map(raw.map((element) => [element.tag, element]));
  if (options.tags) {
    const tags = [...new Set(options.tags.map(tagOf))].sort((a, b) => a - b);
    for (const tag of tags) {
      const element = present.get(tag);
      if (!element) throw new DicomValueError(keywordOf(tag) ?? tagString(tag), 'is to be signed but is absent');
      if (!isSignable(element)) throw new DicomValueError(keywordOf(tag) ?? tagString(tag), 'cannot be signed (PS3.15 C.1)');
    }
    return tags;
  }
  const profile = options.profile ?? 'all';
  const wanted = profileTags(profile);
  const extra = new Set((options.extraTags ?? []).map(tagOf));
  const tags: number[] = [];
  for (const element of raw) {
    const named = wanted ? wanted.has(element.tag) || extra.has(element.tag) : true;
    if (!named) continue;
    if (!isSignable(element)) {
      if (wanted) throw new DicomValueError(keywordOf(element.tag) ?? tagString(element.tag), `is required by the ${profile} signature profile but cannot be signed (VR UN)`);
      continue; // `all`: what cannot be signed is not
    }
    tags.push(element.tag);
  }
  for (const tag of profileRequiredTags(profile)) {
    if (!tags.includes(tag)) throw new DicomValueError(keywordOf(tag) ?? tagString(tag), `is required by the ${profile} signature profile but absent`);
  }
  return tags.sort((a, b) => a - b);
}

/** The item of `raw`'s sequence `tag`, index `index`. */
function sequenceItem(raw: readonly RawElement[], tag: number, index: number): readonly RawElement[] | undefined {
  return raw.find((element) => element.tag === tag)?.items?.[index];
}

/** A signature about to be made: what it signs, its items, and the stream to sign. */
export interface PreparedSignature {
  tags: number[];
  macId: number;
  /** The Digital Signatures Sequence item without its Signature. */
  signatureItem: NaturalDataset;
  /** The MAC Parameters Sequence item. */
  macParametersItem: NaturalDataset;
  /** The bytes to sign (macStream.ts). */
  stream: Uint8Array;
  variant: MacStreamVariant;
}

/**
 * Checks `options` against the dataset (`raw`, as it will be in the file) and the MAC ID Numbers
 * its existing signatures use, and builds the items and the stream of one more signature.
 */
export function prepareSignature(raw: readonly RawElement[], usedMacIds: ReadonlySet<number>, options: SignOptions): PreparedSignature {
  if (options.profile === 'sr-verification') {
    const flag = raw.find((element) => element.tag === VERIFICATION_FLAG);
    if (!flag?.value || asciiValue(flag.value) !== 'VERIFIED') throw new DicomValueError('VerificationFlag', 'must be VERIFIED for the sr-verification signature profile (PS3.15 C.4)');
    if (options.purpose && options.purpose.CodeValue !== SIGNATURE_PURPOSES.verification.CodeValue) {
      throw new DicomValueError('DigitalSignaturePurposeCodeSequence', 'must be (5, ASTM-sigpurpose, "Verification Signature") for a VERIFIED SR (PS3.15 C.4)');
    }
  }
  const purpose = options.purpose ?? (options.profile === 'sr-verification' ? SIGNATURE_PURPOSES.verification : undefined);
  const signatureUid = options.signatureUid ?? randomUid();
  checkUid(signatureUid, 'DigitalSignatureUID');
  if (Number.isNaN(options.now.getTime())) throw new DicomValueError('DigitalSignatureDateTime', 'is not a valid date');
  const tags = tagsToSign(raw, options);

  let macId = 0;
  while (usedMacIds.has(macId)) macId += 1;
  if (macId > 0xffff) throw new DicomValueError('MACIDNumber', 'no MAC ID Number left');

  const signatureItem: NaturalDataset = {
    MACIDNumber: macId,
    DigitalSignatureUID: signatureUid,
    DigitalSignatureDateTime: signatureDateTime(options.now),
    CertificateType: CERTIFICATE_TYPE_X509,
    CertificateOfSigner: [copyBuffer(options.certificateDer)],
    ...(purpose ? { DigitalSignaturePurposeCodeSequence: [{ ...purpose }] } : {}),
  };
  // The item as it will be encoded in the file: dcmjs encodes it alone exactly as within the dataset.
  const encodedItem = sequenceItem(encodeNaturalDataset({ DigitalSignaturesSequence: [signatureItem] }), DIGITAL_SIGNATURES_SEQUENCE, 0)!;
  const variant = options.macStreamVariant ?? 'dcmtk';
  return {
    tags,
    macId,
    signatureItem,
    macParametersItem: { MACIDNumber: macId, MACCalculationTransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN, MACAlgorithm: MAC_ALGORITHM_SHA256, DataElementsSigned: tags },
    stream: fullMacStream(raw, tags, encodedItem, variant),
    variant,
  };
}

/** The Signature (0400,0120) of a prepared signature, from the signer passed in. */
export function signatureOf(prepared: PreparedSignature, sign: StreamSigner): Uint8Array {
  const signature = sign(prepared.stream);
  if (!(signature instanceof Uint8Array) || signature.length === 0) throw new DicomValueError('Signature', 'the signer returned no signature');
  return signature;
}

/** The Digital Signatures Sequence item of a prepared signature, with its Signature. */
export function signedItem(prepared: PreparedSignature, signature: Uint8Array): NaturalDataset {
  return { ...prepared.signatureItem, Signature: [copyBuffer(signature)] };
}

/** Whether `written` (the dataset as it is in the file) holds exactly what was signed in its `index`th signature. */
export function holdsSignedStream(written: readonly RawElement[], index: number, prepared: PreparedSignature): boolean {
  const writtenItem = sequenceItem(written, DIGITAL_SIGNATURES_SEQUENCE, index);
  const again = writtenItem && fullMacStream(written, prepared.tags, writtenItem, prepared.variant);
  return again !== undefined && again.length === prepared.stream.length && again.every((byte, i) => byte === prepared.stream[i]);
}

/**
 * `dataset` with one more Digital Signature: a Digital Signatures Sequence (FFFA,FFFA) item and
 * its MAC Parameters Sequence (4FFE,0001) item appended (existing signatures are kept; the MAC ID
 * Number is the lowest unused). Write the result with writePart10 — that file holds the bytes that
 * were signed (checked here before returning). signPart10 signs a file without re-encoding it.
 */
export function signDataset(dataset: NaturalDataset, options: SignOptions): NaturalDataset {
  const signatures = itemsOf(dataset, 'DigitalSignaturesSequence');
  const macParameters = itemsOf(dataset, 'MACParametersSequence');
  const used = new Set([...signatures, ...macParameters].map((item) => Number(item['MACIDNumber'])));
  const prepared = prepareSignature(encodeNaturalDataset(dataset), used, options);
  const signed: NaturalDataset = {
    ...dataset,
    MACParametersSequence: [...macParameters, prepared.macParametersItem],
    DigitalSignaturesSequence: [...signatures, signedItem(prepared, signatureOf(prepared, options.sign))],
  };
  // The written file must hold exactly what was signed: re-encode and compare the stream.
  if (!holdsSignedStream(encodeNaturalDataset(signed), signatures.length, prepared)) {
    throw new DicomValueError('DigitalSignaturesSequence', 'the encoded dataset differs from the signed byte stream');
  }
  return signed;
}

export interface SignatureCheck {
  /** Zero-based item of the Digital Signatures Sequence. */
  index: number;
  valid: boolean;
  /** Why it is not valid. */
  reason?: string;
  macIdNumber?: number;
  signatureUid?: string;
  /** Digital Signature DateTime, as encoded (DT). */
  dateTime?: string;
  certificateType?: string;
  /** Certificate of Signer, DER (padding byte removed). */
  certificateDer?: Uint8Array;
  purpose?: { CodeValue: string; CodingSchemeDesignator: string; CodeMeaning: string };
  macAlgorithm?: string;
  macTransferSyntaxUid?: string;
  /** Which stream the signature is over (the PS3.15 one is tried first). */
  macStreamVariant?: MacStreamVariant;
  /**
   * Whether the signature protects every byte of the signed attributes: true for a `standard`
   * signature, or a `dcmtk` one whose stream equals the standard one; false when DCMTK's buffer
   * handling left parts of nested sequences out (changes there go unnoticed).
   */
  coversAllSignedData?: boolean;
  /** Bytes of the PS3.15 stream and of the stream actually signed. */
  streamBytes?: { standard: number; signed: number };
  /** Data Elements Signed, as `(gggg,eeee)`. */
  tagsSigned: string[];
  /** Their keywords where known. */
  keywordsSigned: string[];
}

const u16 = (value: Uint8Array | undefined): number | undefined => (value && value.length >= 2 ? value[0] | (value[1] << 8) : undefined);
const find = (item: readonly RawElement[], tag: number): RawElement | undefined => item.find((element) => element.tag === tag);
const text = (item: readonly RawElement[], tag: number): string | undefined => {
  const value = find(item, tag)?.value;
  return value ? asciiValue(value) : undefined;
};

/** The length of the DER TLV at the start of `bytes` (to drop the even-length pad byte), or bytes.length. */
export function derLength(bytes: Uint8Array): number {
  if (bytes.length < 2) return bytes.length;
  const first = bytes[1];
  if (first < 0x80) return Math.min(bytes.length, 2 + first);
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) return bytes.length;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i];
  return Math.min(bytes.length, 2 + count + length);
}

function attributeTags(value: Uint8Array | undefined): number[] {
  const tags: number[] = [];
  if (!value) return tags;
  for (let offset = 0; offset + 4 <= value.length; offset += 4) {
    const group = value[offset] | (value[offset + 1] << 8);
    const element = value[offset + 2] | (value[offset + 3] << 8);
    tags.push(((group << 16) | element) >>> 0);
  }
  return tags;
}

export interface VerifyOptions {
  /**
   * Accept only signatures over the whole PS3.15 stream: a signature that verifies only over
   * DCMTK's partial stream (coversAllSignedData false) is then reported invalid.
   */
  requireFullCoverage?: boolean;
}

/**
 * Checks every signature of the Digital Signatures Sequence at the top level of `dataset` as dcmsign
 * does: the MAC Parameters item of the same MAC ID Number gives the transfer syntax, the MAC
 * algorithm and the Data Elements Signed; the stream is rebuilt and `verify` decides. Pass the Part 10
 * bytes to check a file as stored; a naturalized dataset is checked as dcmjs re-encodes it.
 * The PS3.15 stream is tried first, then DCMTK's (see SignatureCheck.coversAllSignedData).
 * Certificate trust (chain, validity at the signature's time) is `verify`'s business.
 */
export function verifyDatasetSignatures(dataset: SignableDataset, verify: StreamVerifier, options: VerifyOptions = {}): SignatureCheck[] {
  const raw = rawOf(dataset);
  const signatureItems = find(raw, DIGITAL_SIGNATURES_SEQUENCE)?.items ?? [];
  const macItems = find(raw, MAC_PARAMETERS_SEQUENCE)?.items ?? [];
  return signatureItems.map((item, index) => {
    const macIdNumber = u16(find(item, 0x04000005)?.value);
    const certificate = find(item, CERTIFICATE_OF_SIGNER)?.value;
    const purposeItem = find(item, 0x04000401)?.items?.[0];
    const check: SignatureCheck = {
      index,
      valid: false,
      macIdNumber,
      signatureUid: text(item, 0x04000100),
      dateTime: text(item, 0x04000105),
      certificateType: text(item, 0x04000110),
      certificateDer: certificate ? certificate.subarray(0, derLength(certificate)) : undefined,
      purpose: purposeItem
        ? { CodeValue: text(purposeItem, 0x00080100) ?? '', CodingSchemeDesignator: text(purposeItem, 0x00080102) ?? '', CodeMeaning: text(purposeItem, 0x00080104) ?? '' }
        : undefined,
      tagsSigned: [],
      keywordsSigned: [],
    };
    const macItem = macItems.find((candidate) => u16(find(candidate, 0x04000005)?.value) === macIdNumber);
    if (macIdNumber === undefined || !macItem) return { ...check, reason: 'no MAC Parameters item with its MAC ID Number' };
    check.macTransferSyntaxUid = text(macItem, 0x04000010);
    check.macAlgorithm = text(macItem, 0x04000015);
    const tags = attributeTags(find(macItem, 0x04000020)?.value);
    check.tagsSigned = tags.map(tagString);
    check.keywordsSigned = tags.map((tag) => keywordOf(tag) ?? tagString(tag));
    if (check.macTransferSyntaxUid !== EXPLICIT_VR_LITTLE_ENDIAN) return { ...check, reason: `MAC Calculation Transfer Syntax ${check.macTransferSyntaxUid ?? '(absent)'} is not supported` };
    if (!check.macAlgorithm || !['SHA256', 'SHA384', 'SHA512'].includes(check.macAlgorithm)) return { ...check, reason: `MAC Algorithm ${check.macAlgorithm ?? '(absent)'} is not supported` };
    if (tags.length === 0) return { ...check, reason: 'no Data Elements Signed' };
    if (check.certificateType !== CERTIFICATE_TYPE_X509 || !check.certificateDer) return { ...check, reason: 'no X.509 Certificate of Signer' };
    const signature = find(item, SIGNATURE)?.value;
    if (!signature || signature.length === 0) return { ...check, reason: 'no Signature' };
    let standard: Uint8Array;
    let dcmtk: Uint8Array;
    try {
      standard = fullMacStream(raw, tags, item, 'standard');
      dcmtk = fullMacStream(raw, tags, item, 'dcmtk');
    } catch (error) {
      return { ...check, reason: error instanceof Error ? error.message : String(error) };
    }
    const same = standard.length === dcmtk.length && standard.every((byte, i) => byte === dcmtk[i]);
    const candidates: Array<[MacStreamVariant, Uint8Array]> = same ? [['standard', standard]] : [['standard', standard], ['dcmtk', dcmtk]];
    for (const [variant, stream] of candidates) {
      let valid = false;
      try {
        valid = verify(stream, signature, check.certificateDer, check.macAlgorithm);
      } catch (error) {
        return { ...check, reason: `verification failed: ${error instanceof Error ? error.message : String(error)}` };
      }
      if (valid && options.requireFullCoverage && variant !== 'standard') {
        return { ...check, macStreamVariant: variant, coversAllSignedData: false, reason: 'the signature covers only the part of the signed data DCMTK digests' };
      }
      if (valid) {
        return {
          ...check,
          valid: true,
          macStreamVariant: variant,
          coversAllSignedData: variant === 'standard',
          streamBytes: { standard: standard.length, signed: stream.length },
        };
      }
    }
    return { ...check, reason: 'the signature does not match the signed data' };
  });
}
