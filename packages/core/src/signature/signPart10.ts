/**
 * A Part 10 file with one more DICOM Digital Signature, added by splicing: the new MAC Parameters
 * (4FFE,0001) and Digital Signatures (FFFA,FFFA) items are appended to those sequences — each put in
 * its place in tag order when the file has none yet — and every other byte of the file stays as it
 * was: its File Meta Information, every element as its writer encoded it, earlier signatures' items
 * (whose own streams include them). Nothing is re-encoded, so what the signer saw is what is signed,
 * whatever character set its text is in, and an unsigned file without those two elements is the
 * file before.
 */
import { DicomValueError } from '../dicom/DicomValueError';
import { DIGITAL_SIGNATURES_SEQUENCE, MAC_PARAMETERS_SEQUENCE } from './macStream';
import { holdsSignedStream, prepareSignature, signatureOf, signedItem, type SignOptions } from './dicomSignatures';
import { encodeNaturalElements, parseExplicitLittle, part10DatasetOffset, topLevelElementSpans, type ElementSpan, type RawElement } from './rawDataset';

export interface SignedPart10 {
  bytes: Uint8Array;
  signatureUid: string;
  /** Digital Signature DateTime as written (DT). */
  signedAt: string;
  /** The Data Elements Signed, in tag order. */
  signedTags: number[];
}

const MAC_ID_NUMBER = 0x04000005;
const UNDEFINED_LENGTH = 0xffffffff;
/** Tag, VR, 2 reserved bytes and a 32-bit length: the header of an SQ element in Explicit VR Little Endian. */
const SEQUENCE_HEADER_BYTES = 12;
/** An undefined-length sequence ends with a Sequence Delimitation Item: its tag and a zero length. */
const SEQUENCE_DELIMITATION_BYTES = 8;

export function signPart10(bytes: Uint8Array, options: SignOptions): SignedPart10 {
  const start = part10DatasetOffset(bytes);
  const spans = topLevelElementSpans(bytes, start);
  const raw = parseExplicitLittle(bytes, start);
  const earlierSignatures = raw.find((element) => element.tag === DIGITAL_SIGNATURES_SEQUENCE)?.items?.length ?? 0;
  const prepared = prepareSignature(raw, usedMacIds(raw), options);
  const signatureItem = signedItem(prepared, signatureOf(prepared, options.sign));
  const [macElement, signaturesElement] = encodeNaturalElements({ MACParametersSequence: [prepared.macParametersItem], DigitalSignaturesSequence: [signatureItem] });
  const signed = withEdits(bytes, [
    sequenceEdit(bytes, spans, MAC_PARAMETERS_SEQUENCE, macElement!),
    sequenceEdit(bytes, spans, DIGITAL_SIGNATURES_SEQUENCE, signaturesElement!),
  ]);
  if (!holdsSignedStream(parseExplicitLittle(signed, start), earlierSignatures, prepared)) {
    throw new DicomValueError('DigitalSignaturesSequence', 'the signed file differs from the signed byte stream');
  }
  return { bytes: signed, signatureUid: String(signatureItem['DigitalSignatureUID']), signedAt: String(signatureItem['DigitalSignatureDateTime']), signedTags: prepared.tags };
}

/** The MAC ID Numbers the file's signatures and MAC parameters use already. */
function usedMacIds(raw: readonly RawElement[]): Set<number> {
  const used = new Set<number>();
  for (const element of raw) {
    if (element.tag !== MAC_PARAMETERS_SEQUENCE && element.tag !== DIGITAL_SIGNATURES_SEQUENCE) continue;
    for (const item of element.items ?? []) {
      const value = item.find((inner) => inner.tag === MAC_ID_NUMBER)?.value;
      if (value && value.length >= 2) used.add(value[0]! | (value[1]! << 8));
    }
  }
  return used;
}

interface Edit {
  start: number;
  end: number;
  bytes: Uint8Array;
}

/**
 * Adding `encoded` (a sequence element with one item) to the file: in place of its sequence with the
 * item appended when the file has that sequence, else inserted before the first higher tag.
 */
function sequenceEdit(bytes: Uint8Array, spans: readonly ElementSpan[], tag: number, encoded: Uint8Array): Edit {
  const span = spans.find((candidate) => candidate.tag === tag);
  if (!span) {
    const at = spans.find((candidate) => candidate.tag > tag)?.start ?? bytes.length;
    return { start: at, end: at, bytes: encoded };
  }
  const element = bytes.subarray(span.start, span.end);
  const item = itemsOf(encoded);
  const length = new DataView(element.buffer, element.byteOffset + 8, 4).getUint32(0, true);
  if (length === UNDEFINED_LENGTH) {
    const delimiterAt = element.length - SEQUENCE_DELIMITATION_BYTES;
    return { start: span.start + delimiterAt, end: span.start + delimiterAt, bytes: item };
  }
  if (length + item.length >= UNDEFINED_LENGTH) throw new DicomValueError(tag === MAC_PARAMETERS_SEQUENCE ? 'MACParametersSequence' : 'DigitalSignaturesSequence', 'would exceed the longest defined length');
  const header = element.slice(0, SEQUENCE_HEADER_BYTES);
  new DataView(header.buffer).setUint32(8, length + item.length, true);
  return { start: span.start, end: span.end, bytes: concat([header, element.subarray(SEQUENCE_HEADER_BYTES), item]) };
}

/** The item bytes of an encoded sequence element: what follows its header, up to its delimitation if it has one. */
function itemsOf(element: Uint8Array): Uint8Array {
  const length = new DataView(element.buffer, element.byteOffset + 8, 4).getUint32(0, true);
  return element.subarray(SEQUENCE_HEADER_BYTES, length === UNDEFINED_LENGTH ? element.length - SEQUENCE_DELIMITATION_BYTES : element.length);
}

/** `bytes` with each edit's range [start, end) replaced by its bytes; edits in ascending order, not overlapping. */
function withEdits(bytes: Uint8Array, edits: readonly Edit[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const edit of edits) {
    chunks.push(bytes.subarray(from, edit.start), edit.bytes);
    from = edit.end;
  }
  chunks.push(bytes.subarray(from));
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const result = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    result.set(chunk, at);
    at += chunk.length;
  }
  return result;
}
