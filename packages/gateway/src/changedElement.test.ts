import type { RawElement } from '@segqc/core';
import { changedElement } from './changedElement';

// After re-encoding a report it signs, the gateway finds any element that came out other than it went
// in — a value, a VR, an item deep in a sequence, one added or removed — and names it.
const text = (tag: number, value: string, vr = 'LO'): RawElement => ({ tag, vr, value: Buffer.from(value, 'utf8') });
const sequence = (tag: number, ...items: RawElement[][]): RawElement => ({ tag, vr: 'SQ', items });
const BEFORE: RawElement[] = [text(0x00080016, '1.2.840.10008.5.1.4.1.1.88.22', 'UI'), sequence(0x0040a730, [text(0x0040a160, 'A∩B', 'UT')]), text(0x0040a493, 'VERIFIED', 'CS')];

test('equal datasets, and elements left out of the comparison, are no change', () => {
  expect(changedElement(BEFORE, BEFORE.map((element) => ({ ...element })))).toBeUndefined();
  expect(changedElement(BEFORE, [...BEFORE, sequence(0xfffafffa, [])], new Set([0xfffafffa]))).toBeUndefined();
});

test('a changed value deep in a sequence is named by its path', () => {
  const mojibake = [BEFORE[0]!, sequence(0x0040a730, [text(0x0040a160, 'Aâ\u0088©B', 'UT')]), BEFORE[2]!];
  expect(changedElement(BEFORE, mojibake)).toBe('(0040,A730)[0](0040,A160)');
});

test('a changed VR, an added and a removed element are named', () => {
  expect(changedElement(BEFORE, [BEFORE[0]!, BEFORE[1]!, text(0x0040a493, 'VERIFIED', 'LO')])).toBe('(0040,A493)');
  expect(changedElement(BEFORE, [BEFORE[0]!, text(0x00100010, 'Doe^Jane', 'PN'), BEFORE[1]!, BEFORE[2]!])).toBe('(0010,0010)');
  expect(changedElement(BEFORE, BEFORE.slice(0, 2))).toBe('(0040,A493)');
});
