/**
 * A bounds-checked reader of the structure of a DICOM Part 10 file (PS3.10 7.1, PS3.5 7): the File
 * Meta Information and the dataset as a tree of elements whose values stay in the file's bytes
 * (offset + length), so pixel data is never copied. Explicit and Implicit VR Little Endian and
 * encapsulated pixel data (PS3.5 A.4) are understood.
 *
 * Every length is checked against the bytes that remain before anything is read or allocated, so
 * a malformed file (a length near 2^32, a missing delimiter, nesting without end) gives a
 * SegParseError naming the attribute path, never a crash, a hang or a huge allocation. Memory used
 * grows with the number of elements actually present in the file, never with a declared length.
 */
import { DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, DEFLATED_REFUSAL } from '../../dicom/assertReadablePart10';
import { joinAttributePath } from '../../dicom/DicomValueError';
import { MAX_SEQUENCE_DEPTH } from '../../dicom/readLimits';
import { RefusedObjectError } from '../../dicom/RefusedObjectError';
import { DICTIONARY, PIXEL_DATA_TAG, tagName } from './dataDictionary';
import { SegParseError } from './SegParseError';

export interface ByteRange {
  /** Offset in the file's bytes. */
  readonly offset: number;
  readonly length: number;
}

export interface DicomElement extends ByteRange {
  readonly tag: number;
  /** The VR read (explicit VR) or looked up (implicit VR); `SQ` for any element parsed as a sequence. */
  readonly vr: string;
  /** Items of a sequence. */
  readonly items?: readonly DicomItem[];
  /** Encapsulated pixel data: Basic Offset Table and fragments (PS3.5 A.4). */
  readonly encapsulated?: { readonly offsetTable: ByteRange; readonly fragments: readonly ByteRange[] };
}

/** A dataset or sequence item: its elements by tag (gggg_eeee as one number). */
export type DicomItem = ReadonlyMap<number, DicomElement>;

export interface DicomFile {
  readonly bytes: Uint8Array;
  readonly meta: DicomItem;
  readonly dataset: DicomItem;
  readonly transferSyntaxUID: string;
  readonly explicitVR: boolean;
  /** With stopAtPixelData: where the Pixel Data element starts, when parsing stopped at it. */
  readonly pixelDataOffset?: number;
}

export interface ParseOptions {
  /** Stop before Pixel Data (for reading headers of source images). */
  stopAtPixelData?: boolean;
}

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';

/** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 Table 7.1-1). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const SHORT_VRS = new Set(['AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FL', 'FD', 'IS', 'LO', 'LT', 'PN', 'SH', 'SL', 'SS', 'ST', 'TM', 'UI', 'UL', 'US']);
const UNDEFINED_LENGTH = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_DELIMITATION = 0xfffee00d;
const SEQUENCE_DELIMITATION = 0xfffee0dd;

/** Parses a Part 10 file; throws SegParseError for anything it cannot read. */
export function parseDicomFile(bytes: Uint8Array, options: ParseOptions = {}): DicomFile {
  if (!(bytes instanceof Uint8Array)) throw new SegParseError('(file)', 'expected the bytes of a DICOM file (Uint8Array)');
  if (bytes.length < 132 || bytes[128] !== 0x44 || bytes[129] !== 0x49 || bytes[130] !== 0x43 || bytes[131] !== 0x4d) {
    throw new SegParseError('(file)', 'is not a DICOM Part 10 file: no "DICM" prefix after the 128-byte preamble (PS3.10 7.1)');
  }
  const parser = new StructureParser(bytes);
  const { meta, next } = parser.parseMeta(132);
  const transferSyntaxUID = parser.transferSyntaxOf(meta);
  if (transferSyntaxUID === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) throw new RefusedObjectError('TransferSyntaxUID', 'deflated', DEFLATED_REFUSAL);
  if (transferSyntaxUID === EXPLICIT_VR_BIG_ENDIAN) {
    throw new SegParseError('TransferSyntaxUID', `${transferSyntaxUID} is not supported: SegQC reads little endian files`);
  }
  const explicitVR = transferSyntaxUID !== IMPLICIT_VR_LITTLE_ENDIAN;
  const stopTag = options.stopAtPixelData ? PIXEL_DATA_TAG : undefined;
  const { item: dataset, next: end } = parser.parseElements(next, bytes.length, explicitVR, '', 0, false, stopTag);
  // Elements are read to the end of the bytes, or up to the stop tag.
  if (stopTag !== undefined && end < bytes.length) return { bytes, meta, dataset, transferSyntaxUID, explicitVR, pixelDataOffset: end };
  return { bytes, meta, dataset, transferSyntaxUID, explicitVR };
}

class StructureParser {
  constructor(private readonly bytes: Uint8Array) {}

  parseMeta(start: number): { meta: DicomItem; next: number } {
    const meta = new Map<number, DicomElement>();
    let pos = start;
    // File Meta Information: group 0002, always Explicit VR Little Endian (PS3.10 7.1).
    while (pos + 8 <= this.bytes.length && this.u16(pos) === 0x0002) {
      const { element, next } = this.readElement(pos, this.bytes.length, true, '', 0);
      if (!meta.has(element.tag)) meta.set(element.tag, element);
      pos = next;
    }
    return { meta, next: pos };
  }

  transferSyntaxOf(meta: DicomItem): string {
    const element = meta.get(0x00020010);
    if (!element || element.length === 0) throw new SegParseError('TransferSyntaxUID', 'is missing from the File Meta Information (type 1, PS3.10 7.1)');
    let text = '';
    for (let i = element.offset; i < element.offset + element.length; i++) {
      const byte = this.bytes[i];
      if (byte !== 0 && byte !== 0x20) text += String.fromCharCode(byte);
    }
    return text;
  }

  /**
   * The elements from `start` up to `end` (or, with `untilItemEnd`, up to an Item Delimitation
   * Item); `path` is the attribute path of the enclosing item, for error messages.
   */
  parseElements(
    start: number, end: number, explicit: boolean, path: string, depth: number, untilItemEnd: boolean, stopTag?: number,
  ): { item: DicomItem; next: number } {
    const item = new Map<number, DicomElement>();
    let pos = start;
    while (pos < end) {
      if (pos + 4 <= end) {
        const tag = this.tag(pos);
        if (untilItemEnd && tag === ITEM_DELIMITATION) {
          if (pos + 8 > end) throw new SegParseError(path || '(dataset)', 'ends inside an Item Delimitation Item');
          return { item, next: pos + 8 };
        }
        if (tag === stopTag) return { item, next: pos };
      }
      const { element, next } = this.readElement(pos, end, explicit, path, depth);
      // The first occurrence wins; a repeated tag is invalid and ignored (PS3.5 7.1: tags are unique).
      if (!item.has(element.tag)) item.set(element.tag, element);
      pos = next;
    }
    if (untilItemEnd) throw new SegParseError(path || '(dataset)', 'ends without an Item Delimitation Item (FFFE,E00D)');
    return { item, next: pos };
  }

  private readElement(pos: number, end: number, explicit: boolean, path: string, depth: number): { element: DicomElement; next: number } {
    if (pos + 8 > end) throw new SegParseError(path || '(dataset)', `is truncated: an element header at byte ${pos} needs 8 bytes, ${end - pos} remain`);
    const tag = this.tag(pos);
    const at = joinAttributePath(path, tagName(tag));
    if (tag >>> 16 === 0xfffe) throw new SegParseError(at, `an item or delimitation tag at byte ${pos} outside a sequence`);
    let vr: string;
    let length: number;
    let valueOffset: number;
    if (explicit) {
      vr = String.fromCharCode(this.bytes[pos + 4], this.bytes[pos + 5]);
      if (LONG_VRS.has(vr)) {
        if (pos + 12 > end) throw new SegParseError(at, `is truncated: its header needs 12 bytes, ${end - pos} remain`);
        length = this.u32(pos + 8);
        valueOffset = pos + 12;
      } else if (SHORT_VRS.has(vr)) {
        length = this.u16(pos + 6);
        valueOffset = pos + 8;
      } else {
        throw new SegParseError(at, `has an unknown VR ${JSON.stringify(vr)} at byte ${pos + 4}`);
      }
    } else {
      length = this.u32(pos + 4);
      valueOffset = pos + 8;
      vr = DICTIONARY.get(tag)?.vr ?? (length === UNDEFINED_LENGTH ? 'SQ' : 'UN');
    }

    const knownSequence = DICTIONARY.get(tag)?.vr === 'SQ';
    if (vr === 'SQ' || (vr === 'UN' && (length === UNDEFINED_LENGTH || knownSequence))) {
      if (depth >= MAX_SEQUENCE_DEPTH) throw new SegParseError(at, `nests sequences deeper than ${MAX_SEQUENCE_DEPTH} levels`);
      // A sequence written as UN is encoded in Implicit VR Little Endian (PS3.5 6.2.2).
      const { items, next } = this.parseSequence(valueOffset, end, length, vr === 'SQ' ? explicit : false, at, depth + 1);
      return { element: { tag, vr: 'SQ', offset: valueOffset, length: next - valueOffset, items }, next };
    }
    if (length === UNDEFINED_LENGTH) {
      if (tag === PIXEL_DATA_TAG && depth === 0) {
        const { encapsulated, next } = this.parseEncapsulated(valueOffset, end, at);
        return { element: { tag, vr, offset: valueOffset, length: next - valueOffset, encapsulated }, next };
      }
      throw new SegParseError(at, 'has undefined length but is neither a sequence nor encapsulated Pixel Data');
    }
    if (length > end - valueOffset) {
      throw new SegParseError(at, `declares a value of ${length} bytes at byte ${valueOffset}, but only ${end - valueOffset} remain`);
    }
    return { element: { tag, vr, offset: valueOffset, length }, next: valueOffset + length };
  }

  private parseSequence(
    start: number, end: number, length: number, explicit: boolean, path: string, depth: number,
  ): { items: DicomItem[]; next: number } {
    const undefinedLength = length === UNDEFINED_LENGTH;
    if (!undefinedLength && length > end - start) {
      throw new SegParseError(path, `declares a sequence of ${length} bytes at byte ${start}, but only ${end - start} remain`);
    }
    const limit = undefinedLength ? end : start + length;
    const items: DicomItem[] = [];
    let pos = start;
    for (;;) {
      if (!undefinedLength && pos === limit) return { items, next: pos };
      const itemPath = `${path}[${items.length}]`;
      if (pos + 8 > limit) {
        throw new SegParseError(undefinedLength ? path : itemPath, undefinedLength ? 'ends without a Sequence Delimitation Item (FFFE,E0DD)' : 'is truncated inside an item header');
      }
      const tag = this.tag(pos);
      const itemLength = this.u32(pos + 4);
      if (tag === SEQUENCE_DELIMITATION) {
        if (undefinedLength) return { items, next: pos + 8 };
        pos += 8; // tolerated inside a defined-length sequence
        continue;
      }
      if (tag !== ITEM) throw new SegParseError(itemPath, `expected an Item tag (FFFE,E000) at byte ${pos}, found ${tagName(tag)}`);
      if (itemLength === UNDEFINED_LENGTH) {
        const { item, next } = this.parseElements(pos + 8, limit, explicit, itemPath, depth, true);
        items.push(item);
        pos = next;
      } else {
        if (itemLength > limit - (pos + 8)) {
          throw new SegParseError(itemPath, `declares an item of ${itemLength} bytes at byte ${pos + 8}, but the sequence has only ${limit - pos - 8} left`);
        }
        const { item } = this.parseElements(pos + 8, pos + 8 + itemLength, explicit, itemPath, depth, false);
        items.push(item);
        pos += 8 + itemLength;
      }
    }
  }

  /** PS3.5 A.4: a Basic Offset Table item, then one item per fragment, then a Sequence Delimitation Item. */
  private parseEncapsulated(start: number, end: number, path: string): { encapsulated: NonNullable<DicomElement['encapsulated']>; next: number } {
    if (start + 8 > end || this.tag(start) !== ITEM) throw new SegParseError(path, 'encapsulated Pixel Data must start with a Basic Offset Table item (PS3.5 A.4)');
    const tableLength = this.u32(start + 4);
    if (tableLength > end - start - 8) throw new SegParseError(path, `the Basic Offset Table declares ${tableLength} bytes, but only ${end - start - 8} remain`);
    const offsetTable = { offset: start + 8, length: tableLength };
    const fragments: ByteRange[] = [];
    let pos = start + 8 + tableLength;
    while (pos + 8 <= end) {
      const tag = this.tag(pos);
      const length = this.u32(pos + 4);
      if (tag === SEQUENCE_DELIMITATION) return { encapsulated: { offsetTable, fragments }, next: pos + 8 };
      if (tag !== ITEM) throw new SegParseError(`${path}.fragment[${fragments.length}]`, `expected an Item tag (FFFE,E000) at byte ${pos}, found ${tagName(tag)}`);
      if (length > end - pos - 8) {
        throw new SegParseError(`${path}.fragment[${fragments.length}]`, `declares ${length} bytes at byte ${pos + 8}, but only ${end - pos - 8} remain`);
      }
      fragments.push({ offset: pos + 8, length });
      pos += 8 + length;
    }
    throw new SegParseError(path, 'encapsulated Pixel Data ends without a Sequence Delimitation Item (FFFE,E0DD)');
  }

  private tag(pos: number): number {
    return ((this.u16(pos) << 16) | this.u16(pos + 2)) >>> 0;
  }

  private u16(pos: number): number {
    return this.bytes[pos] | (this.bytes[pos + 1] << 8);
  }

  private u32(pos: number): number {
    const b = this.bytes;
    return (b[pos] | (b[pos + 1] << 8) | (b[pos + 2] << 16) | (b[pos + 3] << 24)) >>> 0;
  }
}
