/**
 * Load one SOP file (DESIGN.md "SOPs"): validate it against the schema it is given (the schema file
 * is the single source of truth), then against the rules a schema cannot say (unique structure
 * labels and checklist ids, sequence class only for MR), and return it deep-frozen with its
 * SopReference. An invalid SOP throws InvalidSopError with every failing field; nothing is
 * returned, so a SOP is never loaded half.
 */
import { equivalentDiameterMm } from '../metrics/lesionSize';
import { vocabularyKey } from './structureVocabulary';
import { SopReference } from '../seg/SopReference';
import { canonicalJson, canonicalJsonSha256 } from '../sr/canonicalJson';
import { InvalidSopError } from './InvalidSopError';
import type { Sop, SopDocument } from './Sop';
import { SopValidationError, itemPath } from './SopValidationError';
import { validateJsonSchema } from './validateJsonSchema';

export function loadSop(json: unknown, schema: object): Sop {
  const errors = validateJsonSchema(json, schema);
  const sopId = readableId(json);
  if (errors.length > 0) throw new InvalidSopError(errors, sopId);
  const document = json as SopDocument;
  const ruleErrors = crossFieldErrors(document);
  if (ruleErrors.length > 0) throw new InvalidSopError(ruleErrors, sopId);
  // A private copy, so a caller changing its parsed JSON afterwards changes neither the SOP nor its hash.
  const copy = JSON.parse(canonicalJson(document)) as SopDocument;
  const reference = new SopReference({ id: copy.id, version: copy.version, sha256: canonicalJsonSha256(copy) }, 'id');
  return deepFreeze({ ...copy, reference });
}

function crossFieldErrors(sop: SopDocument): SopValidationError[] {
  const errors: SopValidationError[] = [];
  if (sop.modality !== 'MR' && sop.applicability.sequenceClass !== undefined) {
    errors.push(new SopValidationError('applicability.sequenceClass', `a sequence class applies to MR only, and this SOP is for ${sop.modality}`));
  }
  const duplicates = (values: readonly string[], path: (index: number) => string, what: string): void => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value)) errors.push(new SopValidationError(path(index), `${what} ${JSON.stringify(value)} appears more than once`));
      seen.add(value);
    });
  };
  duplicates(sop.structures.map((structure) => structure.label), (n) => `${itemPath('structures', n)}.label`, 'structure label');
  // One word names one structure: a label or synonym another structure also has would make a typed label ambiguous.
  const namedBy = new Map<string, number>();
  sop.structures.forEach((structure, n) => {
    [structure.label, ...(structure.synonyms ?? [])].forEach((word, k) => {
      const key = vocabularyKey(word);
      const other = namedBy.get(key);
      if (other !== undefined && other !== n) errors.push(new SopValidationError(k === 0 ? `${itemPath('structures', n)}.label` : itemPath(`${itemPath('structures', n)}.synonyms`, k - 1), `${JSON.stringify(word)} also names structure ${JSON.stringify(sop.structures[other]!.label)}`));
      namedBy.set(key, n);
    });
  });
  sop.structures.forEach((structure, n) => {
    const size = structure.minLesionSize;
    if (size && (size.diameterMm === undefined) === (size.volumeMm3 === undefined)) {
      errors.push(new SopValidationError(`${itemPath('structures', n)}.minLesionSize`, 'give the diameter (diameterMm) or the volume (volumeMm3), one of the two'));
      return;
    }
    // A brush wider than the smallest lesion cannot paint one without painting around it.
    const smallest = size && (size.diameterMm ?? equivalentDiameterMm(size.volumeMm3!));
    if (structure.brushMm !== undefined && smallest && 2 * structure.brushMm > smallest) {
      errors.push(new SopValidationError(`${itemPath('structures', n)}.brushMm`, `a brush of radius ${structure.brushMm} mm is wider than the smallest lesion (${round(smallest)} mm across): at most ${round(smallest / 2)} mm`));
    }
  });
  duplicates(sop.checklist.map((item) => item.id), (n) => `${itemPath('checklist', n)}.id`, 'checklist id');
  duplicates((sop.classificationLabelSets ?? []).map((set) => set.id), (n) => `${itemPath('classificationLabelSets', n)}.id`, 'label set id');
  (sop.classificationLabelSets ?? []).forEach((set, n) =>
    duplicates(set.labels, (k) => itemPath(`${itemPath('classificationLabelSets', n)}.labels`, k), 'label'),
  );
  return errors;
}

const round = (mm: number): number => Math.round(mm * 100) / 100;

function readableId(json: unknown): string | undefined {
  const id = json !== null && typeof json === 'object' ? (json as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
