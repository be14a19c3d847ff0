/**
 * TID 4019 Algorithm Identification of the engine that computed the measurements, written under
 * each measurement (TID 1419 row 20, HAS CONCEPT MOD): name, version, and as Algorithm
 * Parameters the metric conventions that govern that measurement (metrics/conventions.ts), each
 * as `key: rule`. Which conventions go with which measurement is the table below, so a number is
 * never read without the rule that produced it, and the report does not repeat every rule under
 * every number.
 */
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { itemPath, textItem } from './contentItem';
import { checkSingleLineText, checkText } from './srValueChecks';
import { SR_CODES } from './templateCodes';

/** What is measured: an agreement metric of two annotations, or one annotation's volume. */
export type MeasurementKind = 'dice' | 'jaccard' | 'hdMm' | 'hd95Mm' | 'assdMm' | 'nsd' | 'volumeMl';

/** The convention keys (metrics/conventions.ts and SegmentationComparison.conventions) each measurement is written with. */
export const CONVENTIONS_OF_MEASUREMENT: Readonly<Record<MeasurementKind, readonly string[]>> = Object.freeze({
  dice: ['dice', 'foreground', 'segmentMatching'],
  jaccard: ['jaccard', 'foreground'],
  hdMm: ['hd', 'surface', 'distance', 'undefinedDistances'],
  hd95Mm: ['hd95', 'hd95Variant', 'surface', 'distance'],
  assdMm: ['assd', 'surface', 'distance'],
  nsd: ['nsd', 'surface', 'distance'],
  volumeMl: ['volume', 'foreground'],
});

export const CONVENTION_KEYS: readonly string[] = Object.freeze([...new Set(Object.values(CONVENTIONS_OF_MEASUREMENT).flat())]);

export interface AlgorithmInit {
  /** e.g. `segqc-core`. */
  name: string;
  version: string;
  /** Convention key → rule text; keys from CONVENTION_KEYS. */
  conventions: Readonly<Record<string, string>>;
}

const PATH = 'algorithm';

export class AlgorithmIdentification implements AlgorithmInit {
  readonly name: string;
  readonly version: string;
  readonly conventions: Readonly<Record<string, string>>;

  constructor(init: AlgorithmInit, path = PATH) {
    if (init === null || typeof init !== 'object') throw new DicomValueError(path, 'the algorithm needs name, version and conventions');
    checkSingleLineText(init.name, joinAttributePath(itemPath(path, SR_CODES.AlgorithmName), 'TextValue'), 64);
    checkSingleLineText(init.version, joinAttributePath(itemPath(path, SR_CODES.AlgorithmVersion), 'TextValue'), 64);
    if (init.conventions === null || typeof init.conventions !== 'object') throw new DicomValueError(itemPath(path, SR_CODES.AlgorithmParameters), 'conventions must be an object of rule texts');
    const conventions: Record<string, string> = {};
    for (const [key, rule] of Object.entries(init.conventions)) {
      const at = joinAttributePath(itemPath(path, SR_CODES.AlgorithmParameters), `TextValue(${key})`);
      if (!CONVENTION_KEYS.includes(key)) throw new DicomValueError(at, `"${key}" is not a convention any measurement is written with (${CONVENTION_KEYS.join(', ')})`);
      checkText(rule, at);
      conventions[key] = rule;
    }
    this.name = init.name;
    this.version = init.version;
    this.conventions = Object.freeze(conventions);
    Object.freeze(this);
  }

  /** The TID 4019 items for one measurement (HAS CONCEPT MOD children of its NUM). */
  itemsFor(kind: MeasurementKind, path: string): NaturalDataset[] {
    const rel = 'HAS CONCEPT MOD';
    const items = [
      textItem(rel, SR_CODES.AlgorithmName, this.name, itemPath(path, SR_CODES.AlgorithmName)),
      textItem(rel, SR_CODES.AlgorithmVersion, this.version, itemPath(path, SR_CODES.AlgorithmVersion)),
    ];
    for (const key of CONVENTIONS_OF_MEASUREMENT[kind]) {
      const rule = this.conventions[key];
      if (rule === undefined) throw new DicomValueError(joinAttributePath(itemPath(PATH, SR_CODES.AlgorithmParameters), `TextValue(${key})`), `the convention "${key}" is needed for the ${kind} measurements`);
      items.push(textItem(rel, SR_CODES.AlgorithmParameters, `${key}: ${rule}`, itemPath(path, SR_CODES.AlgorithmParameters)));
    }
    return items;
  }

  static from(init: AlgorithmIdentification | AlgorithmInit, path?: string): AlgorithmIdentification {
    return init instanceof AlgorithmIdentification ? init : new AlgorithmIdentification(init, path);
  }
}

/** `key: rule` of an Algorithm Parameters text, or undefined when the text is not in that form. */
export function parseAlgorithmParameter(text: string): [string, string] | undefined {
  const at = text.indexOf(': ');
  return at > 0 ? [text.slice(0, at), text.slice(at + 2)] : undefined;
}
