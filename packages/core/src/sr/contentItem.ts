/**
 * SR content items (PS3.3 C.17.3 Document Content Macro, C.18 Content Item Macros) as naturalized
 * sequence items, each value checked before it is stored. `path` names where the item goes, for
 * error messages: content items are named by concept meaning in braces, e.g.
 * `ContentSequence{Imaging Measurements}.ContentSequence{Measurement Group}[2]`.
 */
import { CodedConcept, type CodeInit } from '../dicom/CodedConcept';
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { checkPersonName, checkUid, checkUnsignedShort } from '../dicom/vrChecks';
import { checkFinite, checkText } from './srValueChecks';
import { SR_CODES } from './templateCodes';

/** Relationship Type (0040,A010), PS3.3 C.17.3.2.4. */
export type RelationshipType =
  | 'CONTAINS' | 'HAS PROPERTIES' | 'HAS OBS CONTEXT' | 'HAS ACQ CONTEXT' | 'HAS CONCEPT MOD' | 'INFERRED FROM' | 'SELECTED FROM';

/** A content item's place: `parent` path + the item named by its concept. */
export function itemPath(parent: string, name: CodeInit, index?: number): string {
  return joinAttributePath(parent, `ContentSequence{${name.meaning}}${index === undefined ? '' : `[${index}]`}`);
}

function base(relationship: RelationshipType | null, valueType: string, name: CodeInit, path: string): NaturalDataset {
  const item: NaturalDataset = {};
  if (relationship !== null) item['RelationshipType'] = relationship;
  item['ValueType'] = valueType;
  item['ConceptNameCodeSequence'] = [CodedConcept.from(name, joinAttributePath(path, 'ConceptNameCodeSequence[0]')).toItem()];
  return item;
}

function withChildren(item: NaturalDataset, children: readonly NaturalDataset[]): NaturalDataset {
  if (children.length > 0) item['ContentSequence'] = [...children];
  return item;
}

/** CONTAINER; `templateId` writes the Content Template Sequence (DCMR). Root when `relationship` is null. */
export function containerItem(
  relationship: RelationshipType | null,
  name: CodeInit,
  children: readonly NaturalDataset[],
  path: string,
  { continuity = 'SEPARATE', templateId }: { continuity?: 'SEPARATE' | 'CONTINUOUS'; templateId?: string } = {},
): NaturalDataset {
  const item = base(relationship, 'CONTAINER', name, path);
  item['ContinuityOfContent'] = continuity;
  if (templateId !== undefined) item['ContentTemplateSequence'] = [{ MappingResource: 'DCMR', TemplateIdentifier: templateId }];
  return withChildren(item, children);
}

export function textItem(relationship: RelationshipType, name: CodeInit, value: string, path: string, children: readonly NaturalDataset[] = []): NaturalDataset {
  const item = base(relationship, 'TEXT', name, path);
  item['TextValue'] = checkText(value, joinAttributePath(path, 'TextValue'));
  return withChildren(item, children);
}

export function codeItem(relationship: RelationshipType, name: CodeInit, value: CodeInit, path: string, children: readonly NaturalDataset[] = []): NaturalDataset {
  const item = base(relationship, 'CODE', name, path);
  item['ConceptCodeSequence'] = [CodedConcept.from(value, joinAttributePath(path, 'ConceptCodeSequence[0]')).toItem()];
  return withChildren(item, children);
}

export function uidrefItem(relationship: RelationshipType, name: CodeInit, uid: string, path: string): NaturalDataset {
  const item = base(relationship, 'UIDREF', name, path);
  item['UID'] = checkUid(uid, joinAttributePath(path, 'UID'));
  return item;
}

export function pnameItem(relationship: RelationshipType, name: CodeInit, personName: string, path: string): NaturalDataset {
  const item = base(relationship, 'PNAME', name, path);
  item['PersonName'] = checkPersonName(personName, joinAttributePath(path, 'PersonName'));
  return item;
}

/**
 * NUM (C.18.1): the value as DS text (what every reader shows) and, for an exact round trip, as
 * FloatingPointValue (FD). `null` is a value that does not exist (an empty surface has no
 * distance): an empty Measured Value Sequence qualified "Not a number" (CID 42), never 0.
 */
export function numItem(
  relationship: RelationshipType,
  name: CodeInit,
  value: number | null,
  unit: CodeInit,
  path: string,
  children: readonly NaturalDataset[] = [],
): NaturalDataset {
  const item = base(relationship, 'NUM', name, path);
  if (value === null) {
    item['MeasuredValueSequence'] = [];
    item['NumericValueQualifierCodeSequence'] = [CodedConcept.from(SR_CODES.NotANumber).toItem()];
  } else {
    const valuePath = joinAttributePath(path, 'MeasuredValueSequence[0]');
    checkFinite(value, joinAttributePath(valuePath, 'NumericValue'));
    item['MeasuredValueSequence'] = [{
      MeasurementUnitsCodeSequence: [CodedConcept.from(unit, joinAttributePath(valuePath, 'MeasurementUnitsCodeSequence[0]')).toItem()],
      NumericValue: decimalString(value),
      FloatingPointValue: value,
    }];
  }
  return withChildren(item, children);
}

/** A composite instance referenced by an IMAGE item, optionally one segment or some frames of it. */
export interface SopReferenceInit {
  sopClassUid: string;
  sopInstanceUid: string;
  /** ReferencedSegmentNumber (US): the segment of a Segmentation. */
  segmentNumber?: number;
  /** ReferencedFrameNumber (IS), 1-based. */
  frameNumbers?: readonly number[];
}

/** The Referenced SOP Sequence item of an IMAGE (or COMPOSITE) content item (SR Image Reference Macro, C.18.4). */
export function referencedSopItem(reference: SopReferenceInit, path: string): NaturalDataset {
  const at = (keyword: string) => joinAttributePath(path, keyword);
  const item: NaturalDataset = {
    ReferencedSOPClassUID: checkUid(reference.sopClassUid, at('ReferencedSOPClassUID')),
    ReferencedSOPInstanceUID: checkUid(reference.sopInstanceUid, at('ReferencedSOPInstanceUID')),
  };
  if (reference.frameNumbers !== undefined) {
    if (reference.frameNumbers.length === 0) throw new DicomValueError(at('ReferencedFrameNumber'), 'give at least one frame number, or none at all');
    item['ReferencedFrameNumber'] = reference.frameNumbers.map((frame, n) => checkUnsignedShort(frame, at(`ReferencedFrameNumber[${n}]`), { min: 1 }));
  }
  if (reference.segmentNumber !== undefined) item['ReferencedSegmentNumber'] = checkUnsignedShort(reference.segmentNumber, at('ReferencedSegmentNumber'), { min: 1 });
  return item;
}

export function imageItem(relationship: RelationshipType, name: CodeInit, reference: SopReferenceInit, path: string, children: readonly NaturalDataset[] = []): NaturalDataset {
  const item = base(relationship, 'IMAGE', name, path);
  item['ReferencedSOPSequence'] = [referencedSopItem(reference, joinAttributePath(path, 'ReferencedSOPSequence[0]'))];
  return withChildren(item, children);
}

/** SCOORD (C.18.6): image coordinates (column, row pairs; 0\0 is the top left corner of the top left pixel). */
export function scoordItem(
  relationship: RelationshipType,
  name: CodeInit,
  graphicType: 'POINT' | 'MULTIPOINT' | 'POLYLINE' | 'CIRCLE' | 'ELLIPSE',
  points: readonly number[],
  path: string,
  children: readonly NaturalDataset[],
): NaturalDataset {
  const item = base(relationship, 'SCOORD', name, path);
  if (points.length < 2 || points.length % 2 !== 0) throw new DicomValueError(joinAttributePath(path, 'GraphicData'), `needs column\\row pairs, got ${points.length} values`);
  points.forEach((value, n) => checkFinite(value, joinAttributePath(path, `GraphicData[${n}]`)));
  item['GraphicType'] = graphicType;
  item['GraphicData'] = [...points];
  return withChildren(item, children);
}

/**
 * DS text of a finite number in at most 16 characters (PS3.5 6.2): the shortest round-trip
 * text when it fits, else the most significant digits that do.
 */
export function decimalString(value: number): string {
  const number = Object.is(value, -0) ? 0 : value;
  const shortest = String(number);
  if (shortest.length <= 16) return shortest;
  for (let digits = 16; digits >= 1; digits--) {
    // Trailing zeros of the fraction only (toPrecision pads them): "1.500e+21" → "1.5e+21", "1200" stays.
    const text = number.toPrecision(digits).replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
    if (text.length <= 16) return text;
  }
  throw new DicomValueError('NumericValue', `${value} has no 16-character DS form`);
}
