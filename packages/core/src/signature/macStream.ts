/**
 * The byte stream over which a DICOM Digital Signature's MAC is calculated (PS3.3 C.12.1.1.3.1.1,
 * PS3.15 C.1), exactly as DCMTK's dcmsign builds it (SiMACConstructor, writeSignatureFormat):
 *
 * - the Data Elements Signed that are present, in ascending tag order, each encoded in the MAC
 *   Calculation Transfer Syntax (Explicit VR Little Endian): tag, VR, (2 reserved bytes,) length,
 *   value — the value with its padding to even length, as encoded;
 * - a sequence: tag, VR `SQ` and its 2 reserved bytes, but no length; each item as the item tag
 *   (FFFE,E000) without length followed by the item's signable elements (recursively), no Item
 *   Delimitation; after the last item the Sequence Delimitation tag (FFFE,E0DD) without length —
 *   whatever lengths (defined or undefined) the file uses;
 * - encapsulated (undefined-length) OB/OW: tag, VR, reserved bytes, no length; each fragment as
 *   the item tag without length and the fragment's bytes; then (FFFE,E0DD) without length;
 * - then the elements of the signature's own Digital Signatures Sequence item, in tag order, but
 *   Certificate of Signer, Signature, Certified Timestamp Type and Certified Timestamp (they are
 *   made from, or after, the MAC).
 *
 * Not signable (never in the stream; naming one in Data Elements Signed is an error): group
 * length (gggg,0000), Length to End (0008,0001), groups below 0008 (File Meta, command), group FFFA
 * (Digital Signatures Sequence), MAC Parameters Sequence (4FFE,0001), Data Set Trailing Padding
 * (FFFC,FFFC), delimitation items, and any element of VR UN or sequence holding one (its encoding
 * is not fixed by the MAC Calculation Transfer Syntax).
 */
import { joinChunks } from '../bytes/joinChunks';
import { DicomValueError } from '../dicom/DicomValueError';
import { dcmtkMacStream } from './dcmtkMacStream';
import { ITEM_TAG, LONG_LENGTH_VRS, SEQUENCE_DELIMITATION_TAG, tagString, type RawElement } from './rawDataset';

/**
 * `standard`: the stream of PS3.15 / PS3.3 C.12.1.1.3.1.1 as described above. `dcmtk`: the stream
 * DCMTK's dcmsign digests, which skips part of a nested sequence whenever its 16 KB buffer fills
 * inside one (dcmtkMacStream.ts); the two are equal for small objects.
 */
export type MacStreamVariant = 'standard' | 'dcmtk';

export const CERTIFICATE_OF_SIGNER = 0x04000115;
export const SIGNATURE = 0x04000120;
export const CERTIFIED_TIMESTAMP_TYPE = 0x04000305;
export const CERTIFIED_TIMESTAMP = 0x04000310;
export const DIGITAL_SIGNATURES_SEQUENCE = 0xfffafffa;
export const MAC_PARAMETERS_SEQUENCE = 0x4ffe0001;

/** Whether the tag itself may be signed (the VR is checked by `isSignable`). */
export function isSignableTag(tag: number): boolean {
  const group = tag >>> 16;
  const element = tag & 0xffff;
  if (element === 0) return false; // group length
  if (tag === 0x00080001) return false; // Length to End (retired)
  if (group < 0x0008) return false;
  if (group === 0xfffa) return false;
  if (tag === MAC_PARAMETERS_SEQUENCE) return false;
  if (tag === 0xfffcfffc) return false;
  if (group === 0xfffe) return false;
  return true;
}

function containsUn(element: RawElement): boolean {
  if (element.vr === 'UN') return true;
  return (element.items ?? []).some((item) => item.some(containsUn));
}

/** Whether dcmsign would sign `element`: a signable tag, and no UN in it. */
export function isSignable(element: RawElement): boolean {
  return isSignableTag(element.tag) && !containsUn(element);
}

class ByteSink {
  private chunks: Uint8Array[] = [];
  private length = 0;
  push(bytes: Uint8Array): void {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  tag(tag: number): void {
    this.push(new Uint8Array([(tag >>> 16) & 0xff, (tag >>> 24) & 0xff, tag & 0xff, (tag >>> 8) & 0xff]));
  }
  vr(vr: string, reserved: boolean): void {
    this.push(reserved ? new Uint8Array([vr.charCodeAt(0), vr.charCodeAt(1), 0, 0]) : new Uint8Array([vr.charCodeAt(0), vr.charCodeAt(1)]));
  }
  u16(value: number): void {
    this.push(new Uint8Array([value & 0xff, (value >>> 8) & 0xff]));
  }
  u32(value: number): void {
    this.push(new Uint8Array([value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff]));
  }
  bytes(): Uint8Array {
    return joinChunks(this.chunks, this.length);
  }
}

function writeElement(sink: ByteSink, element: RawElement): void {
  sink.tag(element.tag);
  const long = LONG_LENGTH_VRS.has(element.vr);
  sink.vr(element.vr, long);
  if (element.items) {
    for (const item of element.items) {
      sink.tag(ITEM_TAG);
      for (const child of inTagOrder(item)) if (isSignable(child)) writeElement(sink, child);
    }
    sink.tag(SEQUENCE_DELIMITATION_TAG);
  } else if (element.fragments) {
    for (const fragment of element.fragments) {
      sink.tag(ITEM_TAG);
      sink.push(fragment);
    }
    sink.tag(SEQUENCE_DELIMITATION_TAG);
  } else {
    const value = element.value ?? new Uint8Array(0);
    if (value.length % 2 !== 0) throw new DicomValueError(tagString(element.tag), 'has an odd value length; the file is not valid DICOM');
    if (long) sink.u32(value.length);
    else if (value.length > 0xffff) throw new DicomValueError(tagString(element.tag), `is longer than VR ${element.vr} allows`);
    else sink.u16(value.length);
    sink.push(value);
  }
}

/** The elements of `elements` in ascending tag order (the order they are encoded in). */
function inTagOrder(elements: readonly RawElement[]): RawElement[] {
  return [...elements].sort((a, b) => a.tag - b.tag);
}

/**
 * The MAC stream of the Data Elements Signed: the top-level elements of `dataset` whose tags are in
 * `tags` (absent ones are skipped, as dcmsign does when verifying). Throws a DicomValueError when a
 * listed element that is present cannot be signed.
 */
export function dataElementsStream(dataset: readonly RawElement[], tags: Iterable<number>): Uint8Array {
  const wanted = new Set([...tags].map((tag) => tag >>> 0));
  const sink = new ByteSink();
  for (const element of inTagOrder(dataset)) {
    if (!wanted.has(element.tag)) continue;
    if (!isSignable(element)) throw new DicomValueError(tagString(element.tag), 'cannot be signed (PS3.15 C.1: not signable tag or VR UN)');
    writeElement(sink, element);
  }
  return sink.bytes();
}

/** The MAC stream of a Digital Signatures Sequence item: its signable elements but the four made with or after the MAC. */
const EXCLUDED_FROM_SIGNATURE_ITEM: ReadonlySet<number> = new Set([CERTIFICATE_OF_SIGNER, SIGNATURE, CERTIFIED_TIMESTAMP_TYPE, CERTIFIED_TIMESTAMP]);

export function signatureItemStream(item: readonly RawElement[]): Uint8Array {
  const excluded = EXCLUDED_FROM_SIGNATURE_ITEM;
  const sink = new ByteSink();
  for (const element of inTagOrder(item)) {
    if (excluded.has(element.tag) || !isSignable(element)) continue;
    writeElement(sink, element);
  }
  return sink.bytes();
}

/** The whole stream a signature is computed over: the Data Elements Signed, then the signature item. */
export function fullMacStream(
  dataset: readonly RawElement[],
  tags: Iterable<number>,
  signatureItem: readonly RawElement[],
  variant: MacStreamVariant = 'standard',
): Uint8Array {
  const wanted = [...tags];
  const elements = dataElementsStream(dataset, wanted); // also refuses what cannot be signed
  if (variant === 'dcmtk') return dcmtkMacStream(dataset, new Set(wanted.map((tag) => tag >>> 0)), signatureItem, isSignableTag, EXCLUDED_FROM_SIGNATURE_ITEM);
  const item = signatureItemStream(signatureItem);
  const out = new Uint8Array(elements.length + item.length);
  out.set(elements, 0);
  out.set(item, elements.length);
  return out;
}
