/**
 * An SR file as a naturalized dataset, its text decoded per its Specific Character Set at every
 * depth. dcmjs 0.52 applies (0008,0005) to the top-level dataset only: sequence items are read
 * through a new stream with its default "latin1" decoder, so an SR's content tree (all of it in
 * sequences) would come back as mojibake ("A∩B" as "Aâ\u0088©B"). Here the bytes of every string in
 * a sequence item are recovered (the decoder maps each byte to one character: identity in Node,
 * windows-1252 in browsers) and decoded again with the declared character set.
 * readSrDataset.test.ts pins the dcmjs behaviour this relies on.
 */
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { readPart10 } from '../dicom/readPart10';
import { MAX_SR_BYTES } from '../dicom/readLimits';
import { decodeText, textEncodingOf } from '../seg/read/decodeText';

/** windows-1252 code points of bytes 0x80–0x9F that are not the identity (WHATWG Encoding). */
const WINDOWS_1252 = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91],
  [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98],
  [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/**
 * Throws a RefusedObjectError for an SR over MAX_SR_BYTES or deflated; its sequences nest at most
 * MAX_SEQUENCE_DEPTH deep (readPart10 checks), which bounds the recursion below.
 */
export function readSrDataset(bytes: Uint8Array): NaturalDataset {
  const { dataset } = readPart10(bytes, { maxBytes: MAX_SR_BYTES });
  // Only UTF-8 needs it: ASCII and ISO_IR 100 (Latin-1) are what the default decoder reads; other
  // character sets fall back to Latin-1, as in the SEG reader (seg/read/decodeText.ts).
  if (textEncodingOf(dataset['SpecificCharacterSet']) !== 'utf8') return dataset;
  for (const value of Object.values(dataset)) if (Array.isArray(value)) for (const item of value) if (isItem(item)) redecodeItem(item);
  return dataset;
}

function isItem(value: unknown): value is NaturalDataset {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer);
}

function redecodeItem(item: NaturalDataset): void {
  for (const [key, value] of Object.entries(item)) {
    if (key === '_vrMap') continue;
    item[key] = redecode(value);
  }
}

function redecode(value: unknown): unknown {
  if (typeof value === 'string') return redecodeString(value);
  if (Array.isArray(value)) return value.map((element) => redecode(element));
  if (isItem(value)) {
    redecodeItem(value);
    return value;
  }
  return value;
}

/** The string as UTF-8 reads its bytes; unchanged when it is ASCII or not one-byte-per-character text. */
function redecodeString(text: string): string {
  if (!/[^\u0000-\u007f]/.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let n = 0; n < text.length; n++) {
    const code = text.charCodeAt(n);
    const byte = code <= 0xff ? code : WINDOWS_1252.get(code);
    if (byte === undefined) return text; // already decoded: a character no single byte gave
    bytes[n] = byte;
  }
  const decoded = decodeText(bytes, 0, bytes.length, 'utf8');
  return decoded.includes('\ufffd') && !text.includes('\ufffd') ? text : decoded; // not UTF-8: leave it as read
}
