// The structure parser is the first thing untrusted bytes meet. These tests write element
// encodings by hand (PS3.5 7.1: explicit and implicit VR, defined and undefined lengths, items and
// delimiters, encapsulated pixel data) and check both what is read and how each malformation is
// named.
import { naturalizeDataset } from './naturalize';
import { parseDicomFile } from './parseDicomFile';
import { SegParseError } from './SegParseError';

const EXPLICIT = '1.2.840.10008.1.2.1';
const IMPLICIT = '1.2.840.10008.1.2';

const u16 = (v: number): number[] => [v & 0xff, (v >> 8) & 0xff];
const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const tag = (t: number): number[] => [...u16(t >>> 16), ...u16(t & 0xffff)];
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const even = (bytes: number[], pad = 0x20): number[] => (bytes.length % 2 ? [...bytes, pad] : bytes);
const LONG = new Set(['OB', 'OW', 'SQ', 'UN', 'UT', 'UC']);
const UNDEFINED = 0xffffffff;

/** One explicit VR element; `length` overrides the value's length (e.g. UNDEFINED). */
function explicit(t: number, vr: string, value: number[], length = value.length): number[] {
  return LONG.has(vr) ? [...tag(t), ...ascii(vr), 0, 0, ...u32(length), ...value] : [...tag(t), ...ascii(vr), ...u16(length), ...value];
}
const implicit = (t: number, value: number[], length = value.length): number[] => [...tag(t), ...u32(length), ...value];
const item = (content: number[], length = content.length): number[] => [...tag(0xfffee000), ...u32(length), ...content];
const ITEM_END = [...tag(0xfffee00d), 0, 0, 0, 0];
const SEQUENCE_END = [...tag(0xfffee0dd), 0, 0, 0, 0];

function part10(transferSyntax: string, dataset: number[]): Uint8Array {
  const meta = explicit(0x00020010, 'UI', even(ascii(transferSyntax), 0));
  return Uint8Array.from([...new Array(128).fill(0), ...ascii('DICM'), ...meta, ...dataset]);
}

function parseError(bytes: Uint8Array): SegParseError {
  try {
    parseDicomFile(bytes);
  } catch (error) {
    if (error instanceof SegParseError) return error;
    throw error;
  }
  throw new Error('expected a SegParseError');
}

const label = (text: string): number[] => explicit(0x00620005, 'LO', even(ascii(text)));
const number = (n: number): number[] => explicit(0x00620004, 'US', u16(n));

describe('parseDicomFile', () => {
  it('reads explicit VR sequences of defined and undefined length, with items of both kinds', () => {
    const defined = [...number(1), ...label('Liver')];
    const segments = [...item(defined), ...item([...number(2), ...label('Lung'), ...ITEM_END], UNDEFINED), ...SEQUENCE_END];
    const bytes = part10(EXPLICIT, [...explicit(0x00620002, 'SQ', segments, UNDEFINED), ...explicit(0x00620013, 'CS', ascii('NO'))]);
    const file = parseDicomFile(bytes);
    expect(file.transferSyntaxUID).toBe(EXPLICIT);
    expect(naturalizeDataset(file)).toEqual({
      SegmentSequence: [{ SegmentNumber: 1, SegmentLabel: 'Liver' }, { SegmentNumber: 2, SegmentLabel: 'Lung' }],
      SegmentsOverlap: 'NO',
    });
  });

  it('reads implicit VR: VRs from the dictionary, undefined-length unknown elements as sequences', () => {
    const segments = item([...implicit(0x00620004, u16(7)), ...implicit(0x00620005, even(ascii('Aorta')))]);
    const privateSequence = [...item([...implicit(0x00091001, [1, 2]), ...ITEM_END], UNDEFINED), ...SEQUENCE_END];
    const bytes = part10(IMPLICIT, [
      ...implicit(0x00091000, privateSequence, UNDEFINED),
      ...implicit(0x00200032, even(ascii('-1.5\\2e1\\3'))),
      ...implicit(0x00620002, segments),
    ]);
    const file = parseDicomFile(bytes);
    expect(file.explicitVR).toBe(false);
    expect(file.dataset.get(0x00091000)!.items).toHaveLength(1);
    expect(naturalizeDataset(file)).toEqual({ ImagePositionPatient: [-1.5, 20, 3], SegmentSequence: [{ SegmentNumber: 7, SegmentLabel: 'Aorta' }] });
  });

  it('reads a known sequence written as UN in implicit VR inside (PS3.5 6.2.2)', () => {
    const content = item([...implicit(0x00620004, u16(3)), ...implicit(0x00620005, even(ascii('Kidney')))]);
    const file = parseDicomFile(part10(EXPLICIT, explicit(0x00620002, 'UN', content)));
    expect(naturalizeDataset(file)).toEqual({ SegmentSequence: [{ SegmentNumber: 3, SegmentLabel: 'Kidney' }] });
  });

  it('decodes text by SpecificCharacterSet: UTF-8 for ISO_IR 192, Latin-1 otherwise', () => {
    const name = [0x4d, 0xc3, 0xbc, 0x6c, 0x6c, 0x65, 0x72, 0x5e, 0x4a]; // Müller^J in UTF-8
    const utf8 = parseDicomFile(part10(EXPLICIT, [...explicit(0x00080005, 'CS', even(ascii('ISO_IR 192'))), ...explicit(0x00700084, 'PN', even(name))]));
    expect(naturalizeDataset(utf8)['ContentCreatorName']).toBe('Müller^J');
    const latin1 = parseDicomFile(part10(EXPLICIT, [...explicit(0x00080005, 'CS', even(ascii('ISO_IR 100'))), ...explicit(0x00700084, 'PN', even([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))]));
    expect(naturalizeDataset(latin1)['ContentCreatorName']).toBe('Müller');
  });

  it('keeps encapsulated Pixel Data as its offset table and fragments, without copying', () => {
    const pixelData = [...item(u32(0)), ...item([1, 2, 3, 4]), ...item([5, 6]), ...SEQUENCE_END];
    const bytes = part10('1.2.840.10008.1.2.5', explicit(0x7fe00010, 'OB', pixelData, UNDEFINED));
    const element = parseDicomFile(bytes).dataset.get(0x7fe00010)!;
    const { offsetTable, fragments } = element.encapsulated!;
    expect(offsetTable.length).toBe(4);
    expect(fragments.map((f) => Array.from(bytes.subarray(f.offset, f.offset + f.length)))).toEqual([[1, 2, 3, 4], [5, 6]]);
  });

  it('stops before Pixel Data on request', () => {
    const bytes = part10(EXPLICIT, [...explicit(0x00280010, 'US', u16(4)), ...explicit(0x7fe00010, 'OB', [], 0xfffffff0)]);
    expect([...parseDicomFile(bytes, { stopAtPixelData: true }).dataset.keys()]).toEqual([0x00280010]);
    expect(parseError(bytes).message).toBe('PixelData: declares a value of 4294967280 bytes at byte 182, but only 0 remain');
  });

  it.each([
    ['a value past the end', [...explicit(0x00620002, 'SQ', [...item(label('Liver').slice(0, 8))], UNDEFINED)], /^SegmentSequence\[0\]\.SegmentLabel: declares a value of 6 bytes/],
    ['an item longer than its sequence', explicit(0x00620002, 'SQ', item(number(1), 200)), /^SegmentSequence\[0\]: declares an item of 200 bytes/],
    ['a sequence without its delimiter', explicit(0x00620002, 'SQ', item(number(1)), UNDEFINED), /^SegmentSequence: ends without a Sequence Delimitation Item/],
    ['an item without its delimiter', explicit(0x00620002, 'SQ', item(number(1), UNDEFINED), UNDEFINED), /^SegmentSequence\[0\]: ends without an Item Delimitation Item/],
    ['something else where an item belongs', explicit(0x00620002, 'SQ', number(1)), /^SegmentSequence\[0\]: expected an Item tag \(FFFE,E000\) at byte \d+, found SegmentNumber/],
    ['an unknown VR', [...tag(0x00620005), ...ascii('ZZ'), 0, 0], /^SegmentLabel: has an unknown VR "ZZ"/],
    ['a delimiter at the top level', ITEM_END, /^\(FFFE,E00D\): an item or delimitation tag/],
    ['undefined length on a string', explicit(0x00620005, 'UT', [], UNDEFINED), /^SegmentLabel: has undefined length but is neither a sequence nor encapsulated Pixel Data/],
    ['a truncated element header', [0x62, 0x00, 0x05], /is truncated: an element header at byte \d+ needs 8 bytes, 3 remain/],
    ['an encapsulated fragment past the end', explicit(0x7fe00010, 'OB', [...item([]), ...tag(0xfffee000), ...u32(99)], UNDEFINED), /^PixelData\.fragment\[0\]: declares 99 bytes/],
  ] as const)('names %s', (_, dataset, message) => {
    expect(parseError(part10(EXPLICIT, [...dataset]))).toMatchObject({ message: expect.stringMatching(message) });
  });

  it('refuses sequences nested deeper than 16 levels instead of recursing without end', () => {
    let nested: number[] = number(1);
    for (let d = 0; d < 20; d++) nested = explicit(0x00620002, 'SQ', item(nested));
    expect(parseError(part10(EXPLICIT, nested)).message).toMatch(/nests sequences deeper than 16 levels/);
  });

  it('refuses what is not a little endian Part 10 file', () => {
    expect(parseError(new Uint8Array(100)).message).toMatch(/no "DICM" prefix after the 128-byte preamble/);
    expect(parseError(part10('1.2.840.10008.1.2.2', [])).message).toMatch(/^TransferSyntaxUID: 1\.2\.840\.10008\.1\.2\.2 is not supported/);
    const noSyntax = Uint8Array.from([...new Array(128).fill(0), ...ascii('DICM'), ...number(1)]);
    expect(parseError(noSyntax).message).toMatch(/^TransferSyntaxUID: is missing/);
    expect(() => parseDicomFile('DICM' as unknown as Uint8Array)).toThrow(SegParseError);
  });
});
