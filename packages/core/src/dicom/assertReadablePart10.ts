/**
 * The check every untrusted Part 10 object passes before a parser sees it: its size, and the
 * transfer syntax of its File Meta Information (PS3.10 7.1), read here from the bytes themselves.
 * dcmjs inflates a deflated dataset (PS3.5 A.5) without bound, so one is refused outright.
 */
import { MAX_PART10_BYTES, sizeText } from './readLimits';
import { RefusedObjectError } from './RefusedObjectError';

export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';
export const DEFLATED_REFUSAL = `deflated transfer syntax is refused (${DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN}: it inflates without bound)`;

const PREAMBLE = 128;
const META_START = PREAMBLE + 4;
const GROUP_LENGTH_TAG = 0x00020000;
const TRANSFER_SYNTAX_TAG = 0x00020010;
/** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 Table 7.1-1). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/** Throws a RefusedObjectError for an object over `maxBytes` or in the deflated transfer syntax. */
export function assertReadablePart10(bytes: Uint8Array, maxBytes: number = MAX_PART10_BYTES): void {
  if (bytes.length > maxBytes) {
    throw new RefusedObjectError('(file)', 'too-large', `is ${sizeText(bytes.length)}, more than the ${sizeText(maxBytes)} SegQC reads`);
  }
  // Without "DICM" there is no meta to read, and dcmjs refuses the file itself.
  if (bytes.length < META_START || String.fromCharCode(...bytes.subarray(PREAMBLE, META_START)) !== 'DICM') return;
  if (transferSyntaxesOf(bytes).includes(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)) throw new RefusedObjectError('TransferSyntaxUID', 'deflated', DEFLATED_REFUSAL);
}

/**
 * Every (0002,0010) value of the meta, Explicit VR Little Endian: the elements its group length
 * (0002,0000) covers — dcmjs reads that span whatever groups it holds, the last occurrence
 * winning — and then every element of group 0002.
 */
function transferSyntaxesOf(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const syntaxes: string[] = [];
  let metaEnd = META_START;
  let pos = META_START;
  while (pos + 8 <= bytes.length) {
    const tag = ((view.getUint16(pos, true) << 16) | view.getUint16(pos + 2, true)) >>> 0;
    if (pos >= metaEnd && tag >>> 16 !== 0x0002) break;
    const vr = String.fromCharCode(bytes[pos + 4], bytes[pos + 5]);
    const long = LONG_VRS.has(vr);
    if (long && pos + 12 > bytes.length) throw malformed(`ends inside the header of the element at byte ${pos}`);
    const length = long ? view.getUint32(pos + 8, true) : view.getUint16(pos + 6, true);
    const value = pos + (long ? 12 : 8);
    if (length === 0xffffffff || value + length > bytes.length) throw malformed(`the element at byte ${pos} has a length SegQC cannot follow`);
    if (tag === GROUP_LENGTH_TAG && pos === META_START && length === 4) metaEnd = value + 4 + view.getUint32(value, true);
    if (tag === TRANSFER_SYNTAX_TAG) syntaxes.push(uidText(bytes, value, value + length));
    pos = value + length;
  }
  return syntaxes;
}

/**
 * The characters of a UI value without NUL and white space anywhere (a reader that trims its padding
 * must not see a UID this check missed); at most one character past the longest UID (PS3.5 9.1).
 */
function uidText(bytes: Uint8Array, start: number, end: number): string {
  let text = '';
  for (let i = start; i < end && text.length <= 64; i++) {
    const byte = bytes[i];
    if (byte !== 0 && byte !== 0x20 && !(byte >= 0x09 && byte <= 0x0d)) text += String.fromCharCode(byte);
  }
  return text;
}

const malformed = (reason: string) => new RefusedObjectError('(file meta information)', 'malformed-meta', `${reason} (PS3.10 7.1)`);
