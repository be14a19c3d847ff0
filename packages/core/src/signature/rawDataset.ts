/**
 * Data elements exactly as encoded in Explicit VR Little Endian (PS3.5 §7.1.2): tag, VR and the
 * value bytes, sequences as items of elements. Digital signatures are computed over the encoded
 * values (PS3.15 C.1, PS3.3 C.12.1.1.3.1.1), so signing and verifying work on these, never on
 * values re-formatted from a naturalized dataset.
 */
import dcmjs from 'dcmjs';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { DicomValueError } from '../dicom/DicomValueError';
import { EXPLICIT_VR_LITTLE_ENDIAN } from '../dicom/part10';

export interface RawElement {
  /** (group << 16 | element), unsigned. */
  tag: number;
  vr: string;
  /** The value field of a non-sequence element (even length, as encoded). */
  value?: Uint8Array;
  /** The items of a sequence (VR SQ). */
  items?: RawElement[][];
  /** The fragments (item values) of an encapsulated (undefined-length OB/OW) element. */
  fragments?: Uint8Array[];
}

/** VRs whose explicit-VR header has 2 reserved bytes and a 32-bit length (PS3.5 Table 7.1-1). */
export const LONG_LENGTH_VRS: ReadonlySet<string> = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

export const ITEM_TAG = 0xfffee000;
export const ITEM_DELIMITATION_TAG = 0xfffee00d;
export const SEQUENCE_DELIMITATION_TAG = 0xfffee0dd;
const UNDEFINED_LENGTH = 0xffffffff;

/** `(gggg,eeee)`, upper-case hex. */
export function tagString(tag: number): string {
  const hex = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array, public offset: number, readonly end: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number, what: string): void {
    if (this.offset + n > this.end) throw new DicomValueError('(dataset)', `ends inside ${what} at byte ${this.offset}`);
  }
  u16(): number {
    this.need(2, 'a 16-bit field');
    const v = this.view.getUint16(this.offset, true);
    this.offset += 2;
    return v;
  }
  u32(): number {
    this.need(4, 'a 32-bit field');
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }
  tag(): number {
    const group = this.u16();
    const element = this.u16();
    return ((group << 16) | element) >>> 0;
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const v = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }
}

/** Parses an Explicit VR Little Endian dataset (no preamble, no File Meta Information). */
export function parseExplicitLittle(bytes: Uint8Array, start = 0, end = bytes.length): RawElement[] {
  const reader = new Reader(bytes, start, end);
  return readElements(reader, end, false);
}

function readElements(reader: Reader, end: number, inUndefinedItem: boolean): RawElement[] {
  const elements: RawElement[] = [];
  while (reader.offset < end) {
    const element = readElement(reader, inUndefinedItem);
    if (element === undefined) return elements;
    elements.push(element);
  }
  if (inUndefinedItem) throw new DicomValueError('(dataset)', 'an undefined-length item has no item delimitation');
  return elements;
}

/** The element at the reader's offset; undefined at the item delimitation that ends an undefined-length item. */
function readElement(reader: Reader, inUndefinedItem: boolean): RawElement | undefined {
  const at = reader.offset;
  const tag = reader.tag();
  if (tag === ITEM_DELIMITATION_TAG) {
    reader.u32();
    if (!inUndefinedItem) throw new DicomValueError(tagString(tag), `unexpected item delimitation at byte ${at}`);
    return undefined;
  }
  if (tag === ITEM_TAG || tag === SEQUENCE_DELIMITATION_TAG) throw new DicomValueError(tagString(tag), `unexpected item tag at byte ${at}`);
  const vr = String.fromCharCode(reader.bytes[reader.offset] ?? 0, reader.bytes[reader.offset + 1] ?? 0);
  reader.take(2, 'a VR');
  if (!/^[A-Z]{2}$/.test(vr)) throw new DicomValueError(tagString(tag), `has no explicit VR at byte ${at} (only Explicit VR Little Endian is read)`);
  let length: number;
  if (LONG_LENGTH_VRS.has(vr)) {
    reader.u16();
    length = reader.u32();
  } else {
    length = reader.u16();
  }
  if (vr === 'SQ') return { tag, vr, items: readItems(reader, length) };
  if (length === UNDEFINED_LENGTH) {
    if (vr !== 'OB' && vr !== 'OW') throw new DicomValueError(tagString(tag), `undefined length with VR ${vr} is not read`);
    return { tag, vr, fragments: readFragments(reader) };
  }
  return { tag, vr, value: reader.take(length, `the value of ${tagString(tag)}`) };
}

function readItems(reader: Reader, length: number): RawElement[][] {
  const items: RawElement[][] = [];
  const end = length === UNDEFINED_LENGTH ? reader.end : reader.offset + length;
  while (reader.offset < end) {
    const tag = reader.tag();
    const itemLength = reader.u32();
    if (tag === SEQUENCE_DELIMITATION_TAG) {
      if (length !== UNDEFINED_LENGTH) throw new DicomValueError(tagString(tag), 'sequence delimitation in a defined-length sequence');
      return items;
    }
    if (tag !== ITEM_TAG) throw new DicomValueError(tagString(tag), 'expected an item in a sequence');
    if (itemLength === UNDEFINED_LENGTH) items.push(readElements(reader, reader.end, true));
    else {
      const itemEnd = reader.offset + itemLength;
      reader.need(itemLength, 'an item');
      items.push(readElements(reader, itemEnd, false));
      reader.offset = itemEnd;
    }
  }
  if (length === UNDEFINED_LENGTH) throw new DicomValueError('(dataset)', 'an undefined-length sequence has no sequence delimitation');
  return items;
}

function readFragments(reader: Reader): Uint8Array[] {
  const fragments: Uint8Array[] = [];
  for (;;) {
    const tag = reader.tag();
    const length = reader.u32();
    if (tag === SEQUENCE_DELIMITATION_TAG) return fragments;
    if (tag !== ITEM_TAG) throw new DicomValueError(tagString(tag), 'expected a fragment in encapsulated data');
    fragments.push(reader.take(length, 'a fragment'));
  }
}

/**
 * The dataset of a Part 10 file (PS3.10 §7.1) as raw elements. Refuses any transfer syntax but
 * Explicit VR Little Endian: the one SegQC writes and the MAC Calculation Transfer Syntax it uses.
 */
export function rawDatasetOfPart10(bytes: Uint8Array): RawElement[] {
  return parseExplicitLittle(bytes, part10DatasetOffset(bytes));
}

/** Where the dataset of a Part 10 file in Explicit VR Little Endian begins: after the preamble and the File Meta Information. */
export function part10DatasetOffset(bytes: Uint8Array): number {
  if (bytes.length < 132 || String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') {
    throw new DicomValueError('(file)', 'is not a DICOM Part 10 file (no DICM prefix)');
  }
  const reader = new Reader(bytes, 132, bytes.length);
  // File Meta Information: group 0002, always Explicit VR Little Endian.
  let transferSyntax: string | undefined;
  while (reader.offset + 8 <= bytes.length && (bytes[reader.offset] | (bytes[reader.offset + 1] << 8)) === 0x0002) {
    const start = reader.offset;
    const end = metaElementEnd(bytes, start);
    if (end > bytes.length) throw new DicomValueError('(file)', 'ends inside the File Meta Information');
    const element = bytes[start + 2] | (bytes[start + 3] << 8);
    if (element === 0x0010) transferSyntax = asciiValue(bytes.subarray(start + 8, end)); // UI: an 8-byte header
    reader.offset = end;
  }
  if (transferSyntax !== EXPLICIT_VR_LITTLE_ENDIAN) {
    throw new DicomValueError('TransferSyntaxUID', `is ${transferSyntax ?? 'absent'}; signatures are read from Explicit VR Little Endian files only`);
  }
  return reader.offset;
}

/** A top-level element of a dataset and the bytes [start, end) it takes, header included. */
export interface ElementSpan {
  tag: number;
  start: number;
  end: number;
}

/** The top-level elements of the Explicit VR Little Endian dataset that begins at `start`, where each lies. */
export function topLevelElementSpans(bytes: Uint8Array, start: number): ElementSpan[] {
  const reader = new Reader(bytes, start, bytes.length);
  const spans: ElementSpan[] = [];
  while (reader.offset < bytes.length) {
    const at = reader.offset;
    const element = readElement(reader, false);
    if (element === undefined) throw new DicomValueError('(dataset)', `unexpected item delimitation at byte ${at}`);
    spans.push({ tag: element.tag, start: at, end: reader.offset });
  }
  return spans;
}

/** The offset after the (non-sequence) File Meta element starting at `offset`. */
function metaElementEnd(bytes: Uint8Array, offset: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vr = String.fromCharCode(bytes[offset + 4], bytes[offset + 5]);
  return LONG_LENGTH_VRS.has(vr) ? offset + 12 + view.getUint32(offset + 8, true) : offset + 8 + view.getUint16(offset + 6, true);
}

/** An ASCII value without its trailing NUL/space padding. */
export function asciiValue(value: Uint8Array): string {
  let text = '';
  for (const byte of value) text += String.fromCharCode(byte);
  return text.replace(/[\0 ]+$/, '');
}

/**
 * `dataset` as dcmjs encodes it in Explicit VR Little Endian — the encoding writePart10 puts in
 * the file, element for element — parsed back into raw elements.
 */
export function encodeNaturalDataset(dataset: NaturalDataset): RawElement[] {
  return rawDatasetOfPart10(explicitLittlePart10(dataset));
}

/** The bytes of each top-level element of `dataset` as dcmjs encodes them (see encodeNaturalDataset), in tag order. */
export function encodeNaturalElements(dataset: NaturalDataset): Uint8Array[] {
  const file = explicitLittlePart10(dataset);
  return topLevelElementSpans(file, part10DatasetOffset(file)).map((span) => file.subarray(span.start, span.end));
}

function explicitLittlePart10(dataset: NaturalDataset): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset({ TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN }));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}
