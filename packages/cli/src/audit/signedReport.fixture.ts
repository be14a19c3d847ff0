// Test fixture: a QC report signed as the gateway signs a VERIFIED one (core signDataset, profile
// sr-verification, Verification Signature, SHA-256, the signer certificate in the item, DCMTK's
// stream) with a demo certificate, with what the gateway's journal records of the signature; the
// tampering `segqc audit verify` must tell apart; and a journal of writes of stored objects.
import {
  SIGNATURE_PURPOSES, macStream, nextJournalRecord, rawDatasetOfPart10, readSrDataset, sha256Hex, signDataset, tagOf, writePart10,
  type JournalEntry, type JournalRecord, type JournalSignature, type NaturalDataset, type RawElement,
} from '@segqc/core';
import { nodeSigner, type SigningCertificate } from '@segqc/gateway';

export interface SignedReport {
  bytes: Uint8Array;
  /** What the gateway's journal records of the signature. */
  signature: JournalSignature;
}

export function signReport(report: Uint8Array, certificate: SigningCertificate, now = new Date()): SignedReport {
  const signed = signDataset(readSrDataset(report), {
    profile: 'sr-verification',
    purpose: SIGNATURE_PURPOSES.verification,
    certificateDer: certificate.certificateDer,
    sign: nodeSigner(certificate.privateKeyPem),
    now,
    macStreamVariant: 'dcmtk',
  });
  const bytes = writePart10(signed);
  const item = (signed['DigitalSignaturesSequence'] as NaturalDataset[])[0];
  const tags = (signed['MACParametersSequence'] as NaturalDataset[])[0]['DataElementsSigned'] as number[];
  return {
    bytes,
    signature: {
      uid: String(item['DigitalSignatureUID']),
      purpose: SIGNATURE_PURPOSES.verification.CodeValue,
      signedAt: String(item['DigitalSignatureDateTime']),
      authenticatedAt: new Date(now.getTime() - 60_000).toISOString(),
      standardStreamSha256: sha256Hex(macStream(bytes, tags, 'standard')),
    },
  };
}

/** `forged` (unsigned) with the Digital Signatures and MAC Parameters items of `signed`: a signature copied onto another report. */
export function withSignatureOf(forged: Uint8Array, signed: Uint8Array): Uint8Array {
  const source = readSrDataset(signed);
  return writePart10({ ...readSrDataset(forged), DigitalSignaturesSequence: source['DigitalSignaturesSequence'], MACParametersSequence: source['MACParametersSequence'] });
}

/**
 * `bytes` with the last digit of the top-level element `keyword`'s value changed to another digit
 * (so that the object stays readable): a change every signature of it must show.
 */
export function withDigitChanged(bytes: Uint8Array, keyword: string): Uint8Array {
  return digitChanged(bytes, rawDatasetOfPart10(bytes).find((element) => element.tag === tagOf(keyword))!);
}

/**
 * A signed report with one digit of its content tree changed where the stream DCMTK 3.6.7's dcmsign
 * digests does not reach (core's replay of it, macStream 'dcmtk'): the first such value, in order.
 */
export function withUncoveredDigitChanged(bytes: Uint8Array): Uint8Array {
  const tags = (readSrDataset(bytes)['MACParametersSequence'] as NaturalDataset[])[0]['DataElementsSigned'] as number[];
  const covered = sha256Hex(macStream(bytes, tags, 'dcmtk'));
  const content = rawDatasetOfPart10(bytes).find((element) => element.tag === tagOf('ContentSequence'))!;
  for (const element of valuesOf(content)) {
    const changed = digitChanged(bytes, element);
    if (sha256Hex(macStream(changed, tags, 'dcmtk')) === covered) return changed;
  }
  throw new Error("DCMTK's stream covers every digit of the content tree");
}

function* valuesOf(element: RawElement): Generator<RawElement> {
  for (const item of element.items ?? []) for (const child of item) yield* child.items ? valuesOf(child) : endsInDigit(child) ? [child] : [];
}

const lastCharacterAt = (value: Uint8Array): number => (value[value.length - 1] === 0x20 || value[value.length - 1] === 0 ? value.length - 2 : value.length - 1);
const endsInDigit = (element: RawElement): boolean => element.value !== undefined && element.value.length > 0 && /[0-9]/.test(String.fromCharCode(element.value[lastCharacterAt(element.value)]));

function digitChanged(bytes: Uint8Array, element: RawElement): Uint8Array {
  const value = element.value;
  if (!value || value.buffer !== bytes.buffer || !endsInDigit(element)) throw new Error('no value ending in a digit in these bytes');
  const changed = bytes.slice();
  const at = value.byteOffset - bytes.byteOffset + lastCharacterAt(value);
  changed[at] = 0x30 + ((changed[at] - 0x30 + 1) % 10);
  return changed;
}

/** The journal of writes of `objects` stored in order at `at` by `login`, each with what `overrides` says of it. */
export function journalOf(
  objects: ReadonlyArray<{ studyInstanceUid: string; seriesInstanceUid: string; sopInstanceUid: string; bytes?: Uint8Array; modality: string }>,
  overrides: Readonly<Record<string, Partial<JournalEntry>>> = {},
): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const object of objects) {
    if (object.bytes === undefined) continue;
    const entry: JournalEntry = {
      at: '2026-03-04T09:05:01.000Z', issuer: null, subject: null, login: null, roles: [],
      studyInstanceUid: object.studyInstanceUid, seriesInstanceUid: object.seriesInstanceUid, sopInstanceUid: object.sopInstanceUid,
      sopClassUid: object.modality === 'SEG' ? '1.2.840.10008.5.1.4.1.1.66.4' : '1.2.840.10008.5.1.4.1.1.88.34',
      sha256: sha256Hex(object.bytes), pacsStatus: 200, signature: null,
      ...overrides[object.sopInstanceUid],
    };
    records.push(nextJournalRecord(entry, records[records.length - 1]));
  }
  return records;
}
