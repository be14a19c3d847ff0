/**
 * Reading SR content items (PS3.3 C.17.3, C.18) from a naturalized dataset, whoever wrote it:
 * concept names, values and references as plain data, with a DicomValueError naming the path of
 * anything malformed. Tolerant of what dcmjs gives for single values (a value or a one-element
 * array) and for person names (`{ Alphabetic }`).
 */
import type { CodeInit } from '../dicom/CodedConcept';
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';

export interface ReadItem {
  item: NaturalDataset;
  path: string;
}

/** The items of a sequence attribute (none when absent). */
export function sequence(dataset: NaturalDataset, keyword: string, path: string): ReadItem[] {
  const value = dataset[keyword];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new DicomValueError(joinAttributePath(path, keyword), 'is not a sequence');
  return value.map((item, n) => {
    const at = joinAttributePath(path, `${keyword}[${n}]`);
    if (item === null || typeof item !== 'object') throw new DicomValueError(at, 'is not a sequence item');
    return { item: item as NaturalDataset, path: at };
  });
}

/** The children of a content item. */
export function children(node: ReadItem): ReadItem[] {
  return sequence(node.item, 'ContentSequence', node.path);
}

/** A single string value (the first of several), trimmed; undefined when absent or empty. */
export function stringValue(dataset: NaturalDataset, keyword: string): string | undefined {
  const value = dataset[keyword];
  const single = Array.isArray(value) ? value[0] : value;
  if (typeof single === 'number') return String(single);
  if (single !== null && typeof single === 'object' && 'Alphabetic' in single) return stringOf((single as { Alphabetic?: unknown }).Alphabetic);
  return stringOf(single);
}

function stringOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/[\0 ]+$/, '').replace(/^ +/, '');
  return trimmed === '' ? undefined : trimmed;
}

export function requiredString(dataset: NaturalDataset, keyword: string, path: string): string {
  const value = stringValue(dataset, keyword);
  if (value === undefined) throw new DicomValueError(joinAttributePath(path, keyword), 'is required');
  return value;
}

/** A number (DS, IS, US, FD, FL …), or undefined. */
export function numberValue(dataset: NaturalDataset, keyword: string, path: string): number | undefined {
  const value = dataset[keyword];
  const single = Array.isArray(value) ? value[0] : value;
  if (single === undefined || single === null || single === '') return undefined;
  const number = typeof single === 'number' ? single : Number(String(single).trim());
  if (!Number.isFinite(number)) throw new DicomValueError(joinAttributePath(path, keyword), `"${String(single)}" is not a number`);
  return number;
}

/** All numbers of a multi-valued attribute. */
export function numberValues(dataset: NaturalDataset, keyword: string, path: string): number[] {
  const value = dataset[keyword];
  if (value === undefined || value === null) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.map((single, n) => {
    const number = typeof single === 'number' ? single : Number(String(single).trim());
    if (!Number.isFinite(number)) throw new DicomValueError(joinAttributePath(path, `${keyword}[${n}]`), `"${String(single)}" is not a number`);
    return number;
  });
}

/** The code of a Code Sequence Macro attribute (its first item), or undefined when absent. */
export function codeOf(dataset: NaturalDataset, keyword: string, path: string): CodeInit | undefined {
  const [first] = sequence(dataset, keyword, path);
  if (first === undefined) return undefined;
  const value = stringValue(first.item, 'CodeValue') ?? stringValue(first.item, 'LongCodeValue') ?? stringValue(first.item, 'URNCodeValue');
  if (value === undefined) throw new DicomValueError(joinAttributePath(first.path, 'CodeValue'), 'a code needs a CodeValue, LongCodeValue or URNCodeValue');
  const scheme = requiredString(first.item, 'CodingSchemeDesignator', first.path);
  const schemeVersion = stringValue(first.item, 'CodingSchemeVersion');
  return { value, scheme, meaning: stringValue(first.item, 'CodeMeaning') ?? '', ...(schemeVersion !== undefined ? { schemeVersion } : {}) };
}

/** The concept name of a content item, or undefined (TID 1601 entries may have none). */
export function conceptName(node: ReadItem): CodeInit | undefined {
  return codeOf(node.item, 'ConceptNameCodeSequence', node.path);
}

export function valueType(node: ReadItem): string {
  return requiredString(node.item, 'ValueType', node.path);
}

export function relationship(node: ReadItem): string | undefined {
  return stringValue(node.item, 'RelationshipType');
}

/** Same concept: value and scheme (the meaning is display text). */
export function sameCode(a: CodeInit | undefined, b: CodeInit): boolean {
  return a !== undefined && a.value === b.value && a.scheme === b.scheme;
}

/** Whether `node` is `valueType` named `name`. */
export function isItem(node: ReadItem, type: string, name: CodeInit): boolean {
  return valueType(node) === type && sameCode(conceptName(node), name);
}

/** The children of `node` that are `type` named `name`. */
export function childrenNamed(node: ReadItem, type: string, name: CodeInit): ReadItem[] {
  return children(node).filter((child) => isItem(child, type, name));
}

/** A CODE item's value. */
export function codeValue(node: ReadItem): CodeInit {
  const code = codeOf(node.item, 'ConceptCodeSequence', node.path);
  if (code === undefined) throw new DicomValueError(joinAttributePath(node.path, 'ConceptCodeSequence'), 'a CODE content item needs its value');
  return code;
}

/** A TEXT item's value (not trimmed: text is what it is). */
export function textValue(node: ReadItem): string {
  const value = node.item['TextValue'];
  const single = Array.isArray(value) ? value[0] : value;
  if (typeof single !== 'string' || single === '') throw new DicomValueError(joinAttributePath(node.path, 'TextValue'), 'a TEXT content item needs its text');
  return single;
}

/** A PNAME item's value. */
export function personNameValue(node: ReadItem): string {
  return requiredString(node.item, 'PersonName', node.path);
}

/** A UIDREF item's value. */
export function uidValue(node: ReadItem): string {
  return requiredString(node.item, 'UID', node.path);
}

export interface ReadSopReference {
  sopClassUid: string;
  sopInstanceUid: string;
  segmentNumbers?: number[];
  frameNumbers?: number[];
}

/** The Referenced SOP Sequence of an IMAGE or COMPOSITE item. */
export function referencedSop(node: ReadItem): ReadSopReference {
  const [reference] = sequence(node.item, 'ReferencedSOPSequence', node.path);
  if (reference === undefined) throw new DicomValueError(joinAttributePath(node.path, 'ReferencedSOPSequence'), `an ${valueType(node)} content item needs its reference`);
  const segments = numberValues(reference.item, 'ReferencedSegmentNumber', reference.path);
  const frames = numberValues(reference.item, 'ReferencedFrameNumber', reference.path);
  return {
    sopClassUid: requiredString(reference.item, 'ReferencedSOPClassUID', reference.path),
    sopInstanceUid: requiredString(reference.item, 'ReferencedSOPInstanceUID', reference.path),
    ...(segments.length > 0 ? { segmentNumbers: segments } : {}),
    ...(frames.length > 0 ? { frameNumbers: frames } : {}),
  };
}

export interface ReadNum {
  value: number | null;
  unit?: CodeInit;
  /** Numeric Value Qualifier (CID 42), when there is no value or it is qualified. */
  qualifier?: CodeInit;
}

/** A NUM item's value: FloatingPointValue when present (exact), else NumericValue. */
export function numValue(node: ReadItem): ReadNum {
  const [measured] = sequence(node.item, 'MeasuredValueSequence', node.path);
  const qualifier = codeOf(node.item, 'NumericValueQualifierCodeSequence', node.path);
  if (measured === undefined) return { value: null, ...(qualifier ? { qualifier } : {}) };
  const value = numberValue(measured.item, 'FloatingPointValue', measured.path) ?? numberValue(measured.item, 'NumericValue', measured.path);
  if (value === undefined) throw new DicomValueError(joinAttributePath(measured.path, 'NumericValue'), 'a measured value needs its number');
  const unit = codeOf(measured.item, 'MeasurementUnitsCodeSequence', measured.path);
  return { value, ...(unit ? { unit } : {}), ...(qualifier ? { qualifier } : {}) };
}
