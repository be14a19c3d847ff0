// Test fixture: a Part 10 file re-encoded in Deflated Explicit VR Little Endian (PS3.5 A.5): the
// File Meta Information as it was but for its transfer syntax, the dataset raw-deflated (RFC 1951,
// no zlib header) — what a hostile PACS can serve to make a reader inflate without bound.
import { deflateRawSync } from 'node:zlib';
import { DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN } from './assertReadablePart10';

const META_START = 132;

/** `part10` (Explicit VR Little Endian, with a group length, as writePart10 writes it) deflated; `appended` raw bytes follow its dataset before deflation. */
export function asDeflatedPart10(part10: Uint8Array, appended: readonly Uint8Array[] = []): Uint8Array {
  const view = new DataView(part10.buffer, part10.byteOffset, part10.byteLength);
  const metaEnd = META_START + 12 + view.getUint32(META_START + 8, true);
  const elements: Uint8Array[] = [];
  for (let pos = META_START + 12; pos < metaEnd; ) {
    const tag = (view.getUint16(pos, true) << 16) | view.getUint16(pos + 2, true);
    const long = String.fromCharCode(part10[pos + 4], part10[pos + 5]) === 'OB';
    const end = pos + (long ? 12 + view.getUint32(pos + 8, true) : 8 + view.getUint16(pos + 6, true));
    elements.push(tag === 0x00020010 ? uiElement(0x0010, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) : part10.subarray(pos, end));
    pos = end;
  }
  const groupLength = elements.reduce((n, element) => n + element.length, 0);
  const header = new Uint8Array(12);
  header.set([0x02, 0x00, 0x00, 0x00, 0x55, 0x4c, 0x04, 0x00]);
  new DataView(header.buffer).setUint32(8, groupLength, true);
  const dataset = new Uint8Array(deflateRawSync(Buffer.concat([part10.subarray(metaEnd), ...appended]), { level: 9 }));
  return new Uint8Array(Buffer.concat([part10.subarray(0, META_START), header, ...elements, dataset]));
}

/** One (0002,eeee) UI element, padded to even length with NUL (PS3.5 6.2). */
export function uiElement(element: number, uid: string): Uint8Array {
  const value = uid.length % 2 === 0 ? uid : `${uid}\0`;
  const bytes = new Uint8Array(8 + value.length);
  bytes.set([0x02, 0x00, element & 0xff, element >> 8, 0x55, 0x49, value.length & 0xff, value.length >> 8]);
  for (let i = 0; i < value.length; i++) bytes[8 + i] = value.charCodeAt(i);
  return bytes;
}

/** An explicit VR OB element header of `length` bytes (a private (gggg,eeee) the caller follows with its value). */
export function obHeader(group: number, element: number, length: number): Uint8Array {
  const bytes = new Uint8Array(12);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, group, true);
  view.setUint16(2, element, true);
  bytes.set([0x4f, 0x42], 4);
  view.setUint32(8, length, true);
  return bytes;
}
