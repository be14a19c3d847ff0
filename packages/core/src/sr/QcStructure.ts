/**
 * One structure of the case (a lung, a lesion class) as the annotators segmented it: its label
 * and codes, one annotation per annotator who segmented it, how each pair of them agrees, and the
 * QC decision on it. Each annotation becomes a TID 1411 group (QcAnnotation) that carries the
 * structure's codes, its own agreements and the structure's decision.
 */
import { CodedConcept, type CodeInit } from '../dicom/CodedConcept';
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import type { AlgorithmIdentification } from './AlgorithmIdentification';
import { codeItem, itemPath } from './contentItem';
import { QcAgreement, type QcAgreementInit } from './QcAgreement';
import { QcAnnotation, type QcAnnotationInit } from './QcAnnotation';
import { QcDecision, type QcDecisionInit } from './QcDecision';
import { QC_CONCEPTS } from './qcCodes';
import { checkSingleLineText } from './srValueChecks';
import { SR_CODES } from './templateCodes';

export interface QcStructureInit {
  /** The segment label the annotators share, e.g. `Right lung`. */
  label: string;
  /** Segmented Property Category (written as Finding category). */
  category?: CodeInit;
  /** Segmented Property Type (written as Finding). */
  type?: CodeInit;
  /** Segmented Property Type Modifier, e.g. Right (written as a modifier of the Finding). */
  typeModifier?: CodeInit;
  /** At least one; one per annotation letter. */
  annotations: readonly QcAnnotationInit[];
  /** At most one per pair of annotations; read back with the pair in annotation order, pairs in that order. */
  agreements?: readonly QcAgreementInit[];
  decision?: QcDecisionInit;
}

/** CID 244 laterality values (SCT): written under the concept "Laterality"; any other modifier as "Topographical modifier". */
const LATERALITIES = new Set(['24028007', '7771000', '51440002', '66459002']);

export class QcStructure {
  readonly label: string;
  readonly category?: CodedConcept;
  readonly type?: CodedConcept;
  readonly typeModifier?: CodedConcept;
  readonly annotations: readonly QcAnnotation[];
  readonly agreements: readonly QcAgreement[];
  readonly decision?: QcDecision;

  /** @param path the input's place, e.g. `structures[2]`; each annotation is named by its group. */
  constructor(init: QcStructureInit, path = 'structure', groupPath: (n: number) => string = (n) => `${path}.annotations[${n}]`) {
    if (init === null || typeof init !== 'object') throw new DicomValueError(path, 'a structure needs a label and its annotations');
    checkSingleLineText(init.label, joinAttributePath(itemPath(groupPath(0), QC_CONCEPTS.structure), 'TextValue'), 64);
    const code = (value: CodeInit | undefined, concept: CodeInit) =>
      value === undefined ? undefined : CodedConcept.from(value, joinAttributePath(itemPath(groupPath(0), concept), 'ConceptCodeSequence[0]'));
    const category = code(init.category, SR_CODES.FindingCategory);
    const type = code(init.type, SR_CODES.Finding);
    const typeModifier = code(init.typeModifier, SR_CODES.Laterality);
    if (typeModifier && !type) throw new DicomValueError(itemPath(groupPath(0), SR_CODES.Finding), 'a type modifier needs the type it modifies');
    if (!Array.isArray(init.annotations) || init.annotations.length === 0) throw new DicomValueError(`${path}.annotations`, 'a structure has at least one annotation');
    const annotations = init.annotations.map((annotation, n) => QcAnnotation.from(annotation, groupPath(n)));
    const letters = annotations.map((annotation) => annotation.annotation);
    letters.forEach((letter, n) => {
      if (letters.indexOf(letter) !== n) throw new DicomValueError(itemPath(groupPath(n), QC_CONCEPTS.annotation), `annotation ${letter} appears twice in the structure "${init.label}"`);
    });

    const order = (letter: string) => letters.indexOf(letter);
    const agreements = (init.agreements ?? []).map((agreement, n) => {
      const parsed = QcAgreement.from(agreement, `${path}.agreements[${n}]`);
      for (const letter of parsed.between) {
        if (order(letter) < 0) throw new DicomValueError(`${path}.agreements[${n}].between`, `annotation ${letter} has no segment in the structure "${init.label}"`);
      }
      return order(parsed.between[0]) < order(parsed.between[1]) ? parsed : new QcAgreement({ ...parsed.toInit(), between: [parsed.between[1], parsed.between[0]] });
    }).sort((x, y) => order(x.between[0]) - order(y.between[0]) || order(x.between[1]) - order(y.between[1]));
    agreements.forEach((agreement, n) => {
      const previous = agreements[n - 1];
      if (previous && previous.between[0] === agreement.between[0] && previous.between[1] === agreement.between[1]) {
        throw new DicomValueError(`${path}.agreements`, `annotations ${agreement.between.join(' and ')} are compared twice in the structure "${init.label}"`);
      }
    });
    const decision = init.decision === undefined ? undefined : QcDecision.from(init.decision, groupPath(0));
    if (decision?.acceptedAnnotation !== undefined && order(decision.acceptedAnnotation) < 0) {
      throw new DicomValueError(joinAttributePath(itemPath(groupPath(0), QC_CONCEPTS.decision), 'ConceptCodeSequence[0]'), `annotation ${decision.acceptedAnnotation} is accepted but has no segment in the structure "${init.label}"`);
    }

    this.label = init.label;
    if (category) this.category = category;
    if (type) this.type = type;
    if (typeModifier) this.typeModifier = typeModifier;
    this.annotations = Object.freeze(annotations);
    this.agreements = Object.freeze(agreements);
    if (decision) this.decision = decision;
    Object.freeze(this);
  }

  /** Finding category, Finding (with its modifier): the first content items after the tracking identifiers. */
  findingItems(path: string): NaturalDataset[] {
    const items: NaturalDataset[] = [];
    if (this.category) items.push(codeItem('CONTAINS', SR_CODES.FindingCategory, this.category, itemPath(path, SR_CODES.FindingCategory)));
    if (this.type) {
      const findingPath = itemPath(path, SR_CODES.Finding);
      const modifierConcept = this.typeModifier && this.typeModifier.scheme === 'SCT' && LATERALITIES.has(this.typeModifier.value) ? SR_CODES.Laterality : SR_CODES.TopographicalModifier;
      const modifier = this.typeModifier ? [codeItem('HAS CONCEPT MOD', modifierConcept, this.typeModifier, itemPath(findingPath, modifierConcept))] : [];
      items.push(codeItem('CONTAINS', SR_CODES.Finding, this.type, findingPath, modifier));
    }
    return items;
  }

  /** The structure's groups, `firstGroup` being the index of its first group in Imaging Measurements. */
  toGroups(algorithm: AlgorithmIdentification, groupPath: (n: number) => string, firstGroup: number): NaturalDataset[] {
    return this.annotations.map((annotation, n) => {
      const own = annotation.annotation;
      return annotation.toGroup(
        this.label,
        (path) => this.findingItems(path),
        (path) => this.agreements.filter((agreement) => agreement.between.includes(own)).flatMap((agreement) => agreement.toItems(own, algorithm, path)),
        (path) => this.decision?.toItems(path) ?? [],
        algorithm,
        groupPath(firstGroup + n),
      );
    });
  }

  toInit(): QcStructureInit {
    return {
      label: this.label,
      ...(this.category ? { category: plainCode(this.category) } : {}),
      ...(this.type ? { type: plainCode(this.type) } : {}),
      ...(this.typeModifier ? { typeModifier: plainCode(this.typeModifier) } : {}),
      annotations: this.annotations.map((annotation) => annotation.toInit()),
      ...(this.agreements.length > 0 ? { agreements: this.agreements.map((agreement) => agreement.toInit()) } : {}),
      ...(this.decision ? { decision: this.decision.toInit() } : {}),
    };
  }

  static from(init: QcStructure | QcStructureInit, path?: string, groupPath?: (n: number) => string): QcStructure {
    return init instanceof QcStructure ? init : new QcStructure(init, path, groupPath);
  }
}

export function plainCode(code: CodeInit): CodeInit {
  return { value: code.value, scheme: code.scheme, meaning: code.meaning, ...(code.schemeVersion !== undefined ? { schemeVersion: code.schemeVersion } : {}) };
}
