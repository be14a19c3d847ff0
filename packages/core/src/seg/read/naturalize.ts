/**
 * The attributes of a parsed item that SegQC interprets (those in the data dictionary), as a
 * naturalized dataset keyed by keyword, in the shapes dcmjs uses: strings and numbers for single
 * values, arrays for several, arrays of datasets for sequences. DS and IS become numbers (NaN when
 * the text is not a number, so that the check that needs the value can name it); PN is the text of
 * its alphabetic group. Empty values are left out. Pixel data and other binary values are not
 * copied.
 */
import type { NaturalDataset } from '../../dicom/NaturalDataset';
import { DICTIONARY, PIXEL_DATA_TAG } from './dataDictionary';
import { decodeText, textEncodingOf, type TextEncoding } from './decodeText';
import type { DicomElement, DicomFile, DicomItem } from './parseDicomFile';

/** VRs whose value is one string that may contain backslashes (PS3.5 6.4). */
const SINGLE_VALUED_TEXT = new Set(['LT', 'ST', 'UT', 'UR']);
/** VRs whose text follows SpecificCharacterSet; the others are ASCII (PS3.5 6.1.2.3). */
const CHARACTER_SET_VRS = new Set(['LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT']);
const BINARY_NUMBER_SIZE: Readonly<Record<string, number>> = { US: 2, SS: 2, UL: 4, SL: 4, FL: 4, FD: 8 };

/** The whole dataset, its text decoded per its SpecificCharacterSet (0008,0005). */
export function naturalizeDataset(file: DicomFile): NaturalDataset {
  const characterSet = file.dataset.get(0x00080005);
  const declared = characterSet ? naturalValue(file, characterSet, 'CS', 'latin1') : undefined;
  return naturalizeItem(file, file.dataset, textEncodingOf(declared));
}

export function naturalizeItem(file: DicomFile, item: DicomItem, encoding: TextEncoding): NaturalDataset {
  const dataset: NaturalDataset = {};
  for (const element of item.values()) {
    const entry = DICTIONARY.get(element.tag);
    if (!entry || element.tag === PIXEL_DATA_TAG) continue;
    const value = naturalValue(file, element, entry.vr, encoding);
    if (value !== undefined) dataset[entry.keyword] = value;
  }
  return dataset;
}

function naturalValue(file: DicomFile, element: DicomElement, dictionaryVr: string, encoding: TextEncoding): unknown {
  if (dictionaryVr === 'SQ') return element.items ? element.items.map((item) => naturalizeItem(file, item, encoding)) : undefined;
  if (element.items || element.length === 0) return undefined;
  // An explicit VR file may say UN for a known attribute; its value is then encoded as in implicit VR.
  const vr = element.vr === 'UN' ? dictionaryVr : element.vr;
  const size = BINARY_NUMBER_SIZE[vr];
  if (size !== undefined) return binaryNumbers(file, element, vr, size);
  if (!/^[A-Z][A-Z]$/.test(vr) || vr.startsWith('O') || vr === 'AT' || vr === 'UN' || vr === 'SQ') return undefined;

  const raw = decodeText(file.bytes, element.offset, element.offset + element.length, CHARACTER_SET_VRS.has(vr) ? encoding : 'latin1');
  // Values are padded to even length with a space (or NUL for UI), PS3.5 6.2.
  const text = raw.replace(/[\0 ]+$/, '');
  if (text === '') return undefined;
  const parts = SINGLE_VALUED_TEXT.has(vr) ? [text] : text.split('\\');
  if (vr === 'DS' || vr === 'IS') {
    const numbers = parts.map((part) => (part.trim() === '' ? NaN : Number(part.trim())));
    return numbers.length === 1 ? numbers[0] : numbers;
  }
  if (vr === 'PN') return parts[0].split('=')[0];
  const values = parts.map((part) => part.trim());
  return values.length === 1 ? values[0] : values;
}

function binaryNumbers(file: DicomFile, element: DicomElement, vr: string, size: number): number | number[] | undefined {
  const count = Math.floor(element.length / size);
  if (count === 0) return undefined;
  const view = new DataView(file.bytes.buffer, file.bytes.byteOffset + element.offset, count * size);
  const values: number[] = [];
  for (let n = 0; n < count; n++) {
    const at = n * size;
    values.push(
      vr === 'US' ? view.getUint16(at, true)
        : vr === 'SS' ? view.getInt16(at, true)
          : vr === 'UL' ? view.getUint32(at, true)
            : vr === 'SL' ? view.getInt32(at, true)
              : vr === 'FL' ? view.getFloat32(at, true)
                : view.getFloat64(at, true),
    );
  }
  return values.length === 1 ? values[0] : values;
}
