/**
 * The nesting of sequences of a dataset in the DICOM JSON shape (PS3.18 F.2: tag → { vr, Value };
 * dcmjs's dictionary of a Part 10 file has it too), checked before a recursive reader walks it: a
 * hostile object nested 10,000 deep must give a typed error, not a stack overflow.
 */
import { tagName } from '../seg/read/dataDictionary';
import { DicomValueError, joinAttributePath } from './DicomValueError';
import { MAX_SEQUENCE_DEPTH } from './readLimits';

/** Throws a DicomValueError naming the attribute path where the sequences nest deeper than `maxDepth`. */
export function checkSequenceDepth(dataset: unknown, maxDepth: number = MAX_SEQUENCE_DEPTH, path = '', depth = 0): void {
  if (dataset === null || typeof dataset !== 'object') return;
  for (const [key, element] of Object.entries(dataset)) {
    const values: unknown = element !== null && typeof element === 'object' ? (element as { Value?: unknown }).Value : undefined;
    if (!Array.isArray(values) || !values.some(isItem)) continue;
    const at = joinAttributePath(path, /^[0-9A-Fa-f]{8}$/.test(key) ? tagName(parseInt(key, 16)) : key);
    if (depth + 1 > maxDepth) throw new DicomValueError(at, `nests sequences deeper than the ${maxDepth} levels SegQC reads`);
    values.forEach((item, n) => checkSequenceDepth(item, maxDepth, `${at}[${n}]`, depth + 1));
  }
}

const isItem = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value) && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer);
