/**
 * Typed reads of the DICOM JSON model (PS3.18 F.2) that QIDO-RS and WADO-RS metadata answer in:
 * a dataset keyed by tag as 8 upper-case hex digits (`0020000D`), each element `{ vr, Value }`.
 * They never throw: an absent, empty or malformed element reads as undefined or [], and the caller
 * that needs the value names it (sourceImageFromDicomJson does, by keyword).
 */

export interface DicomJsonElement {
  vr: string;
  Value?: unknown[];
  BulkDataURI?: string;
  InlineBinary?: string;
}

export type DicomJsonDataset = Record<string, DicomJsonElement | undefined>;

/** A person name value (PS3.18 F.2.2): component groups, of which SegQC reads the alphabetic one. */
export interface DicomJsonPersonName {
  Alphabetic?: string;
  Ideographic?: string;
  Phonetic?: string;
}

/** VRs whose one value may have meaningful leading spaces (PS3.5 6.2). */
const SINGLE_VALUED_TEXT = new Set(['LT', 'ST', 'UT', 'UR']);

/** The values of an element, `[]` when absent; `tag` is 8 hex digits, either case. */
export function jsonValues(dataset: DicomJsonDataset, tag: string): readonly unknown[] {
  const element = dataset[tag.toUpperCase()];
  return element !== null && typeof element === 'object' && Array.isArray(element.Value) ? element.Value : [];
}

/** A value as text: strings without padding, numbers in decimal, person names by their alphabetic group. */
export function textOfJsonValue(value: unknown, vr: string | undefined): string | undefined {
  if (typeof value === 'number') return String(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) value = (value as DicomJsonPersonName).Alphabetic;
  if (typeof value !== 'string') return undefined;
  const text = vr !== undefined && SINGLE_VALUED_TEXT.has(vr) ? value.replace(/[\0 ]+$/, '') : value.replace(/\0+$/, '').trim();
  return text === '' ? undefined : text;
}

/** A value as a number: JSON numbers as they are, decimal strings (DS, IS may be sent as text) parsed; NaN otherwise. */
export function numberOfJsonValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value.trim());
  return NaN;
}

/** The first value as text, or undefined when absent or empty. */
export function jsonString(dataset: DicomJsonDataset, tag: string): string | undefined {
  return textOfJsonValue(jsonValues(dataset, tag)[0], dataset[tag.toUpperCase()]?.vr);
}

/** Every value as text; an empty value (JSON null) is ''. */
export function jsonStrings(dataset: DicomJsonDataset, tag: string): string[] {
  const vr = dataset[tag.toUpperCase()]?.vr;
  return jsonValues(dataset, tag).map((value) => textOfJsonValue(value, vr) ?? '');
}

/** The first value as a number, or undefined when absent; NaN when it is not a number. */
export function jsonNumber(dataset: DicomJsonDataset, tag: string): number | undefined {
  const values = jsonValues(dataset, tag);
  return values.length === 0 ? undefined : numberOfJsonValue(values[0]);
}

/** Every value as a number (e.g. ImagePositionPatient); a value that is not a number is NaN. */
export function jsonNumbers(dataset: DicomJsonDataset, tag: string): number[] {
  return jsonValues(dataset, tag).map(numberOfJsonValue);
}

/** The first person name as `Family^Given…` (its alphabetic group), or undefined. */
export function jsonPersonName(dataset: DicomJsonDataset, tag: string): string | undefined {
  return textOfJsonValue(jsonValues(dataset, tag)[0], 'PN');
}

/** The items of a sequence (SQ) element; [] when absent or empty. */
export function jsonSequence(dataset: DicomJsonDataset, tag: string): DicomJsonDataset[] {
  return jsonValues(dataset, tag).filter((item): item is DicomJsonDataset => item !== null && typeof item === 'object' && !Array.isArray(item));
}
