import { checkSequenceDepth } from '../dicom/checkSequenceDepth';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { DICTIONARY, PIXEL_DATA_TAG } from '../seg/read/dataDictionary';
import { numberOfJsonValue, textOfJsonValue, type DicomJsonDataset } from './dicomJson';

/** VRs whose JSON values are numbers (PS3.18 F.2.3); DS and IS may also come as decimal text. */
const NUMBER_VRS = new Set(['DS', 'IS', 'US', 'SS', 'UL', 'SL', 'FL', 'FD', 'SV', 'UV']);
/** VRs SegQC does not interpret (binary, tags, unknown): left out, as the Part 10 naturalizer does. */
const UNREAD_VRS = new Set(['AT', 'OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'UN']);

/**
 * The attributes of a DICOM JSON dataset that SegQC interprets (those in the data dictionary), in
 * the shapes `naturalizeDataset` gives a Part 10 file, so that one reader (sourceImageFromDataset,
 * the SEG header checks) serves both: one value as a scalar, several as an array, DS/IS/US… as
 * numbers (NaN for a value that is not one, so the check that needs it can name it), a person name
 * as the alphabetic group of its first value, sequences as arrays of datasets. Empty elements are
 * left out; bulk data (BulkDataURI, InlineBinary) is not fetched or decoded. Sequences nested
 * deeper than MAX_SEQUENCE_DEPTH are a DicomValueError naming where, before any recursion.
 */
export function naturalizeDicomJson(dataset: DicomJsonDataset): NaturalDataset {
  checkSequenceDepth(dataset);
  return naturalize(dataset);
}

function naturalize(dataset: DicomJsonDataset): NaturalDataset {
  const natural: NaturalDataset = {};
  for (const [key, element] of Object.entries(dataset)) {
    if (!/^[0-9A-Fa-f]{8}$/.test(key) || element === null || typeof element !== 'object') continue;
    const tag = parseInt(key, 16);
    const entry = DICTIONARY.get(tag);
    if (!entry || tag === PIXEL_DATA_TAG || !Array.isArray(element.Value) || element.Value.length === 0) continue;
    const vr = typeof element.vr === 'string' ? element.vr : entry.vr;
    const value = naturalValue(element.Value, vr);
    if (value !== undefined) natural[entry.keyword] = value;
  }
  return natural;
}

function naturalValue(values: readonly unknown[], vr: string): unknown {
  if (vr === 'SQ') {
    return values.filter((item) => item !== null && typeof item === 'object' && !Array.isArray(item)).map((item) => naturalize(item as DicomJsonDataset));
  }
  if (UNREAD_VRS.has(vr)) return undefined;
  if (vr === 'PN') return textOfJsonValue(values[0], vr);
  // An element whose only values are empty (JSON null, "") is empty, as a zero-length Part 10 value.
  if (values.every((value) => value === null || value === '')) return undefined;
  const natural = NUMBER_VRS.has(vr) ? values.map(numberOfJsonValue) : values.map((value) => textOfJsonValue(value, vr) ?? '');
  return natural.length === 1 ? natural[0] : natural;
}
