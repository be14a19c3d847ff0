/**
 * The QC decision on one structure and its coded reasons: written as qualitative evaluations
 * (CODE, TID 1411 row 16) in every measurement group of the structure, so that each group reads
 * on its own. "Other" needs words: a TEXT item (row 17) right after its code.
 */
import type { CodeInit } from '../dicom/CodedConcept';
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { codeItem, itemPath, textItem } from './contentItem';
import { ANNOTATION_LETTERS, QC_CONCEPTS, QC_DECISIONS, QC_REASONS, acceptedCode, type AnnotationLetter, type QcReasonKey } from './qcCodes';
import { checkText } from './srValueChecks';

export type QcOutcome = keyof typeof QC_DECISIONS | 'accepted';
export const QC_OUTCOMES: readonly QcOutcome[] = Object.freeze([...(Object.keys(QC_DECISIONS) as QcOutcome[]), 'accepted']);

export interface QcReasonInit {
  reason: QcReasonKey;
  /** Required for "other", not allowed with the others. */
  text?: string;
}

export interface QcDecisionInit {
  outcome: QcOutcome;
  /** With outcome "accepted": the annotation accepted as the reference. */
  acceptedAnnotation?: AnnotationLetter;
  reasons?: readonly QcReasonInit[];
}

export class QcDecision {
  readonly outcome: QcOutcome;
  readonly acceptedAnnotation?: AnnotationLetter;
  readonly reasons: readonly Readonly<QcReasonInit>[];

  /** @param path the measurement group the decision is written in. */
  constructor(init: QcDecisionInit, path = 'decision') {
    if (init === null || typeof init !== 'object') throw new DicomValueError(path, 'a decision needs an outcome');
    const decisionPath = joinAttributePath(itemPath(path, QC_CONCEPTS.decision), 'ConceptCodeSequence[0]');
    if (!QC_OUTCOMES.includes(init.outcome)) throw new DicomValueError(decisionPath, `"${String(init.outcome)}" is not a QC decision (${QC_OUTCOMES.join(', ')})`);
    if (init.outcome === 'accepted') {
      if (!ANNOTATION_LETTERS.includes(init.acceptedAnnotation ?? '')) throw new DicomValueError(decisionPath, `"accepted" needs acceptedAnnotation, the letter of the accepted annotation, got ${String(init.acceptedAnnotation)}`);
    } else if (init.acceptedAnnotation !== undefined) {
      throw new DicomValueError(decisionPath, `acceptedAnnotation goes only with outcome "accepted", not "${init.outcome}"`);
    }
    const reasons = init.reasons ?? [];
    if (!Array.isArray(reasons)) throw new DicomValueError(itemPath(path, QC_CONCEPTS.reason), 'reasons must be a list');
    const seen = new Set<string>();
    reasons.forEach((reason, n) => {
      const at = joinAttributePath(itemPath(path, QC_CONCEPTS.reason, n), 'ConceptCodeSequence[0]');
      if (reason === null || typeof reason !== 'object' || !(reason.reason in QC_REASONS)) {
        throw new DicomValueError(at, `"${String(reason?.reason)}" is not a QC reason (${Object.keys(QC_REASONS).join(', ')})`);
      }
      if (seen.has(reason.reason)) throw new DicomValueError(at, `reason "${reason.reason}" is given twice`);
      seen.add(reason.reason);
      const textPath = joinAttributePath(itemPath(path, QC_CONCEPTS.reasonText), 'TextValue');
      if (reason.reason === 'other') checkText(reason.text ?? '', textPath);
      else if (reason.text !== undefined) throw new DicomValueError(textPath, `only the reason "other" carries text, not "${reason.reason}"`);
    });
    this.outcome = init.outcome;
    if (init.acceptedAnnotation !== undefined) this.acceptedAnnotation = init.acceptedAnnotation;
    this.reasons = Object.freeze(reasons.map((reason) => Object.freeze(reason.text === undefined ? { reason: reason.reason } : { reason: reason.reason, text: reason.text })));
    Object.freeze(this);
  }

  /** The coded outcome: QC_DECISIONS or "Accepted annotation X". */
  get code(): CodeInit {
    return this.outcome === 'accepted' ? acceptedCode(this.acceptedAnnotation!) : QC_DECISIONS[this.outcome];
  }

  toItems(path: string): NaturalDataset[] {
    const items = [codeItem('CONTAINS', QC_CONCEPTS.decision, this.code, itemPath(path, QC_CONCEPTS.decision))];
    this.reasons.forEach((reason, n) => {
      items.push(codeItem('CONTAINS', QC_CONCEPTS.reason, QC_REASONS[reason.reason], itemPath(path, QC_CONCEPTS.reason, n)));
      if (reason.text !== undefined) items.push(textItem('CONTAINS', QC_CONCEPTS.reasonText, reason.text, itemPath(path, QC_CONCEPTS.reasonText)));
    });
    return items;
  }

  /** As plain data (what readQcReport returns). */
  toInit(): QcDecisionInit {
    return {
      outcome: this.outcome,
      ...(this.acceptedAnnotation !== undefined ? { acceptedAnnotation: this.acceptedAnnotation } : {}),
      ...(this.reasons.length > 0 ? { reasons: this.reasons.map((reason) => ({ ...reason })) } : {}),
    };
  }

  static from(init: QcDecision | QcDecisionInit, path?: string): QcDecision {
    return init instanceof QcDecision ? init : new QcDecision(init, path);
  }
}
