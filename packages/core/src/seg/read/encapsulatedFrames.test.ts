// Encapsulated frames are found through the Basic Offset Table when a frame spans several
// fragments (PS3.5 A.4, Table A.4-1: offsets from the first fragment's item tag).
import type { DicomElement } from './parseDicomFile';
import { encapsulatedFrames } from './encapsulatedFrames';

/** Bytes: [BOT item][fragments...]; returns the bytes and the element as the parser would give it. */
function encapsulated(offsets: number[], fragments: number[][]): { bytes: Uint8Array; element: DicomElement } {
  const out: number[] = [];
  const item = (content: number[]): { offset: number; length: number } => {
    out.push(0xfe, 0xff, 0x00, 0xe0, content.length & 0xff, 0, 0, 0);
    const offset = out.length;
    out.push(...content);
    return { offset, length: content.length };
  };
  const offsetTable = item(offsets.flatMap((o) => [o & 0xff, (o >> 8) & 0xff, 0, 0]));
  const ranges = fragments.map(item);
  return { bytes: Uint8Array.from(out), element: { tag: 0x7fe00010, vr: 'OB', offset: 0, length: out.length, encapsulated: { offsetTable, fragments: ranges } } };
}

describe('encapsulatedFrames', () => {
  it('one fragment per frame: views of the file', () => {
    const { bytes, element } = encapsulated([], [[1, 2], [3, 4]]);
    const frame = encapsulatedFrames(bytes, element, 2);
    expect([Array.from(frame(0)), Array.from(frame(1))]).toEqual([[1, 2], [3, 4]]);
    expect(frame(1).buffer).toBe(bytes.buffer);
  });

  it('frames of several fragments, by the Basic Offset Table', () => {
    // Fragments of 2, 4 and 2 bytes: items at 0, 10, 22 from the first fragment's item tag.
    const { bytes, element } = encapsulated([0, 22], [[1, 2], [3, 4, 5, 6], [7, 8]]);
    const frame = encapsulatedFrames(bytes, element, 2);
    expect([Array.from(frame(0)), Array.from(frame(1))]).toEqual([[1, 2, 3, 4, 5, 6], [7, 8]]);
  });

  it('frames of several fragments, by the Extended Offset Table when the basic one is empty', () => {
    const { bytes, element } = encapsulated([], [[1, 2], [3, 4, 5, 6], [7, 8]]);
    const extended = Uint8Array.from([...[0, 0, 0, 0, 0, 0, 0, 0], ...[22, 0, 0, 0, 0, 0, 0, 0]]);
    const joined = Uint8Array.from([...bytes, ...extended]);
    const frame = encapsulatedFrames(joined, element, 2, { offset: bytes.length, length: 16 });
    expect([Array.from(frame(0)), Array.from(frame(1))]).toEqual([[1, 2, 3, 4, 5, 6], [7, 8]]);
  });

  it('one frame in all fragments when the table is empty', () => {
    const { bytes, element } = encapsulated([], [[1], [2], [3]]);
    expect(Array.from(encapsulatedFrames(bytes, element, 1)(0))).toEqual([1, 2, 3]);
  });

  it('refuses frames it cannot tell apart or a table that points between fragments', () => {
    const empty = encapsulated([], [[1], [2], [3]]);
    expect(() => encapsulatedFrames(empty.bytes, empty.element, 2)).toThrow(/3 fragments for 2 frames and an empty Basic Offset Table/);
    const between = encapsulated([0, 5], [[1, 2], [3, 4, 5, 6], [7, 8]]);
    expect(() => encapsulatedFrames(between.bytes, between.element, 2)).toThrow(/Basic Offset Table entry 2 \(5\) is not the start of a fragment/);
    const short = encapsulated([0], [[1, 2], [3, 4, 5, 6], [7, 8]]);
    expect(() => encapsulatedFrames(short.bytes, short.element, 2)).toThrow(/a Basic Offset Table of 1 entries for 2 frames/);
  });
});
