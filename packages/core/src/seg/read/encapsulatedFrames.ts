/**
 * The compressed bytes of each frame of encapsulated Pixel Data (PS3.5 A.4): one fragment per
 * frame, or fragments grouped by the Basic Offset Table — or, when that is empty, the Extended
 * Offset Table (7FE0,0001) — whose entries are the byte offsets of each frame's first fragment item
 * from the first fragment item (A.4, Table A.4-1, Table A.4-2); a single frame may span all
 * fragments.
 */
import type { ByteRange, DicomElement } from './parseDicomFile';
import { SegParseError } from './SegParseError';

/** `frameBytes(f)` is frame f's compressed data: a view of the file when in one fragment, else a copy. */
export function encapsulatedFrames(
  bytes: Uint8Array, pixelData: DicomElement, numberOfFrames: number, extendedOffsetTable?: ByteRange,
): (frame: number) => Uint8Array {
  const { offsetTable, fragments } = pixelData.encapsulated!;
  const groups = fragmentGroups(bytes, offsetTable, fragments, numberOfFrames, extendedOffsetTable);
  return (frame) => {
    const group = groups[frame];
    if (group.length === 1) return bytes.subarray(group[0].offset, group[0].offset + group[0].length);
    const joined = new Uint8Array(group.reduce((n, fragment) => n + fragment.length, 0));
    let at = 0;
    for (const fragment of group) {
      joined.set(bytes.subarray(fragment.offset, fragment.offset + fragment.length), at);
      at += fragment.length;
    }
    return joined;
  };
}

function fragmentGroups(
  bytes: Uint8Array, offsetTable: ByteRange, fragments: readonly ByteRange[], numberOfFrames: number, extendedOffsetTable?: ByteRange,
): ByteRange[][] {
  if (fragments.length === numberOfFrames) return fragments.map((fragment) => [fragment]);
  // Basic Offset Table entries are 32-bit; Extended Offset Table entries 64-bit (PS3.5 A.4).
  const [table, entrySize, name] = offsetTable.length === 0 && extendedOffsetTable && extendedOffsetTable.length > 0
    ? [extendedOffsetTable, 8, 'ExtendedOffsetTable'] as const
    : [offsetTable, 4, 'Basic Offset Table'] as const;
  if (table.length === 0) {
    if (numberOfFrames === 1) return [fragments.slice()];
    throw new SegParseError('PixelData', `has ${fragments.length} fragments for ${numberOfFrames} frames and an empty Basic Offset Table: the frames cannot be told apart (PS3.5 A.4)`);
  }
  if (table.length !== entrySize * numberOfFrames) {
    throw new SegParseError('PixelData', `has a ${name} of ${table.length / entrySize} entries for ${numberOfFrames} frames (PS3.5 A.4)`);
  }
  // Offset of each fragment's item tag from the first fragment's item tag.
  const firstItem = fragments[0].offset - 8;
  const fragmentAt = new Map(fragments.map((fragment, n) => [fragment.offset - 8 - firstItem, n]));
  const starts: number[] = [];
  for (let f = 0; f < numberOfFrames; f++) {
    const at = table.offset + entrySize * f;
    const low = (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
    const high = entrySize === 8 ? (bytes[at + 4] | (bytes[at + 5] << 8) | (bytes[at + 6] << 16) | (bytes[at + 7] << 24)) >>> 0 : 0;
    const offset = high * 2 ** 32 + low;
    const fragment = fragmentAt.get(offset);
    if (fragment === undefined || (f > 0 && fragment <= starts[f - 1]) || (f === 0 && fragment !== 0)) {
      throw new SegParseError('PixelData', `${name} entry ${f + 1} (${offset}) is not the start of a fragment after the previous frame's (PS3.5 A.4)`);
    }
    starts.push(fragment);
  }
  return starts.map((first, f) => fragments.slice(first, f + 1 < starts.length ? starts[f + 1] : fragments.length));
}
