/**
 * How two annotations of one structure agree (metrics/compareMasks.ts, DESIGN.md "Metric
 * conventions"): Dice, Jaccard, HD, HD95, ASSD and NSD at each tolerance. Written in the
 * measurement group of each of the two annotations (TID 1419 NUM, concept from QC_MEASUREMENTS),
 * each NUM qualified by the other annotation (QC_CONCEPTS.comparedWith) and identified by the
 * algorithm (TID 4019). A distance that does not exist (an empty surface) is null, never 0.
 */
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import type { AlgorithmIdentification, MeasurementKind } from './AlgorithmIdentification';
import { codeItem, itemPath, numItem } from './contentItem';
import { ANNOTATION_LETTERS, QC_CONCEPTS, QC_MEASUREMENTS, annotationCode, nsdCode, type AgreementMetric, type AnnotationLetter } from './qcCodes';
import { checkFinite } from './srValueChecks';
import { UCUM } from './templateCodes';

export interface QcAgreementInit {
  /** The two annotations, by letter. */
  between: readonly [AnnotationLetter, AnnotationLetter];
  dice: number;
  jaccard: number;
  hdMm: number | null;
  hd95Mm: number | null;
  assdMm: number | null;
  /** NSD by tolerance in mm, keyed as String(τ) writes it ("1", "0.5"). */
  nsd: Readonly<Record<string, number | null>>;
}

const RATIOS: readonly AgreementMetric[] = ['dice', 'jaccard'];
const DISTANCES: readonly AgreementMetric[] = ['hdMm', 'hd95Mm', 'assdMm'];

export class QcAgreement implements QcAgreementInit {
  readonly between: readonly [AnnotationLetter, AnnotationLetter];
  readonly dice: number;
  readonly jaccard: number;
  readonly hdMm: number | null;
  readonly hd95Mm: number | null;
  readonly assdMm: number | null;
  readonly nsd: Readonly<Record<string, number | null>>;

  constructor(init: QcAgreementInit, path = 'agreement') {
    if (init === null || typeof init !== 'object') throw new DicomValueError(path, 'an agreement needs between and its metrics');
    const [a, b] = Array.isArray(init.between) ? init.between : [];
    if (!ANNOTATION_LETTERS.includes(a ?? '') || !ANNOTATION_LETTERS.includes(b ?? '') || a === b) {
      throw new DicomValueError(joinAttributePath(itemPath(path, QC_CONCEPTS.comparedWith), 'ConceptCodeSequence[0]'), `between must name two different annotations by letter, got ${JSON.stringify(init.between)}`);
    }
    const valuePath = (metric: AgreementMetric) => joinAttributePath(itemPath(path, QC_MEASUREMENTS[metric]), 'MeasuredValueSequence[0].NumericValue');
    for (const metric of RATIOS) checkFinite(init[metric] as number, valuePath(metric), { min: 0, max: 1 });
    for (const metric of DISTANCES) if (init[metric] !== null) checkFinite(init[metric] as number, valuePath(metric), { min: 0 });
    if (init.nsd === null || typeof init.nsd !== 'object') throw new DicomValueError(path, 'nsd must map tolerances to values');
    const nsd: Record<string, number | null> = {};
    for (const tolerance of Object.keys(init.nsd).sort((x, y) => Number(x) - Number(y))) {
      const concept = nsdCode(tolerance, joinAttributePath(path, `nsd(${tolerance})`));
      const value = init.nsd[tolerance];
      if (value !== null) checkFinite(value, joinAttributePath(itemPath(path, concept), 'MeasuredValueSequence[0].NumericValue'), { min: 0, max: 1 });
      nsd[tolerance] = value;
    }
    this.between = Object.freeze([a, b]) as unknown as readonly [AnnotationLetter, AnnotationLetter];
    this.dice = init.dice;
    this.jaccard = init.jaccard;
    this.hdMm = init.hdMm;
    this.hd95Mm = init.hd95Mm;
    this.assdMm = init.assdMm;
    this.nsd = Object.freeze(nsd);
    Object.freeze(this);
  }

  /** The letter of the annotation `letter` is compared with. */
  other(letter: AnnotationLetter): AnnotationLetter {
    return this.between[0] === letter ? this.between[1] : this.between[0];
  }

  /** The NUM items of this agreement, as written in the group of annotation `own`. */
  toItems(own: AnnotationLetter, algorithm: AlgorithmIdentification, path: string): NaturalDataset[] {
    const other = this.other(own);
    const num = (concept: typeof QC_MEASUREMENTS.dice, value: number | null, unit: typeof UCUM.ratio, kind: MeasurementKind) => {
      const at = itemPath(path, concept);
      return numItem('CONTAINS', concept, value, unit, at, [
        codeItem('HAS CONCEPT MOD', QC_CONCEPTS.comparedWith, annotationCode(other), itemPath(at, QC_CONCEPTS.comparedWith)),
        ...algorithm.itemsFor(kind, at),
      ]);
    };
    return [
      num(QC_MEASUREMENTS.dice, this.dice, UCUM.ratio, 'dice'),
      num(QC_MEASUREMENTS.jaccard, this.jaccard, UCUM.ratio, 'jaccard'),
      num(QC_MEASUREMENTS.hdMm, this.hdMm, UCUM.millimetre, 'hdMm'),
      num(QC_MEASUREMENTS.hd95Mm, this.hd95Mm, UCUM.millimetre, 'hd95Mm'),
      num(QC_MEASUREMENTS.assdMm, this.assdMm, UCUM.millimetre, 'assdMm'),
      ...Object.entries(this.nsd).map(([tolerance, value]) => num(nsdCode(tolerance), value, UCUM.ratio, 'nsd')),
    ];
  }

  toInit(): QcAgreementInit {
    return { between: [...this.between] as [AnnotationLetter, AnnotationLetter], dice: this.dice, jaccard: this.jaccard, hdMm: this.hdMm, hd95Mm: this.hd95Mm, assdMm: this.assdMm, nsd: { ...this.nsd } };
  }

  static from(init: QcAgreement | QcAgreementInit, path?: string): QcAgreement {
    return init instanceof QcAgreement ? init : new QcAgreement(init, path);
  }
}
