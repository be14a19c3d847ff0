/**
 * What one case contributes to the programme's reliability statistics, computed from its masks:
 * each annotator's Dice against the case's reference per structure (the drift charts' points), the
 * Dice of every annotator pair (the IRR matrices), each annotator's lesion count (case-level
 * labels for kappa and alpha) and, on a calibration case, each annotator's metrics against the gold.
 *
 * The reference of a structure is the case's reference standard when it has that structure: its
 * adjudicated SEG, or the gold SEG of a calibration case. Otherwise it is the majority vote of the
 * case's annotators (a voxel in more than half of them; each annotator's own vote counts), recorded
 * as reference 'peer': it is agreement with the peers' consensus, not with a reference standard, and
 * it moves with the annotators (a drifting annotator pulls it along). A majority needs at least three
 * annotators: the majority of two is their intersection, which would favour the smaller annotation,
 * so a two-reader case gives its pair's Dice only.
 *
 * The reference standard must not judge the annotator it was taken from (issue 14): when the
 * adjudication accepted X's annotation for a structure, or edited the reference from X's mask, or the
 * adjudicated reference is X's (non-empty) mask voxel for voxel, X's point on that structure and case is marked
 * `unmonitored: 'reference-from-annotator'`; when it is a consensus of the annotations (majority vote,
 * STAPLE, or the reference of a structure the review agreed on that is no annotator's mask), every
 * annotator's point is marked `'reference-made-with-annotator'`. Such points are drawn, not charted for drift (agreementSeries).
 *
 * Beside them, each annotator's Dice against the majority vote of the OTHER annotators of the case
 * (leave-one-out: a voxel marked by more than half of the others; with two others, their
 * intersection), on every case with at least three annotators: a series to follow an annotator
 * between adjudications, shown, not monitored.
 */
import { SCT } from '../codes/sct';
import { majorityVote } from '../consensus/majorityVote';
import { compareMasks, type CompareMasksOptions } from '../metrics/compareMasks';
import { componentsOfAtLeast, connectedComponents } from '../metrics/connectedComponents';
import { minLesionVoxels } from '../metrics/lesionSize';
import { dice } from '../metrics/dice';
import type { AgreementObservation, UnmonitoredReason } from '../programme/agreementSeries';
import type { CalibrationResult } from '../programme/calibrationScores';
import { ProgrammeInputError } from '../programme/ProgrammeInputError';
import { caseStructures, type StructureIdentity } from '../review/caseStructures';
import type { SopStructure } from '../sop/Sop';
import { BitMask } from '../volume/BitMask';
import type { Segmentation } from '../volume/Segmentation';

export interface ObservedAnnotation {
  /** Who made it, as the dashboard names the annotator (e.g. the SEG's ContentCreatorName). */
  annotator: string;
  /** When it was made (ISO 8601 date or date-time); null leaves it out of the drift charts only. */
  date: string | null;
  segmentation: Segmentation;
}

/**
 * How the reference of one structure was made, as the case's adjudication records it (its QC report's
 * decision on the structure):
 * - `accepted`: annotator X's annotation accepted as it is (decision "accepted X");
 * - `edited`: edited by the adjudicator, from X's mask when known (`from`), else from an unrecorded start;
 * - `consensus`: made from all the annotations (decision "majority", "staple", or "agreed": the review
 *   agreed and the reference is one of the agreeing annotations or their consensus);
 * - `independent`: made without the annotations (a gold, a reference drawn anew).
 */
export type ReferenceOrigin =
  | { kind: 'accepted'; annotator: string }
  | { kind: 'edited'; from: string | null }
  | { kind: 'consensus'; method: 'majority' | 'staple' | 'agreed' }
  | { kind: 'independent' };

/** A reference standard of the case: an adjudicated SEG, or the gold SEG of a calibration case. */
export interface ObservedReference {
  kind: 'adjudicated' | 'gold';
  segmentation: Segmentation;
  /** How each of its segments was made, by segment number; a segment not listed: not known (only the voxel-for-voxel check applies). */
  origins?: Readonly<Record<number, ReferenceOrigin>>;
}

export interface CaseObservationInput {
  caseId: string;
  /** Modality of the series the annotations were drawn on, e.g. CT. */
  modality: string;
  annotations: readonly ObservedAnnotation[];
  reference: ObservedReference | null;
  /** The SOP's structures, to join segments by what they are (caseStructures); none: by codes and labels. */
  sopStructures?: readonly SopStructure[];
  /** compareMasks options of the calibration metrics (annotator against gold); default NSD at 1, 2 and 3 mm. */
  calibrationMetrics?: CompareMasksOptions;
}

/** What a structure's Dice values of this case were measured against. */
export type ObservedReferenceKind = 'adjudicated' | 'gold' | 'majority';

export interface ObservedStructure {
  label: string;
  /** null: no reference (fewer than three annotators and no reference standard with this structure). */
  reference: ObservedReferenceKind | null;
  /** A lesion structure (category Morphologically Abnormal Structure): its connected components are counted. */
  lesion: boolean;
  /** How its reference standard was made, when the adjudication says (ObservedReference.origins). */
  referenceOrigin?: ReferenceOrigin;
}

/** An annotator's Dice against the majority vote of the other annotators of the case (leave-one-out). */
export interface LeaveOneOutDice extends Pick<AgreementObservation, 'caseId' | 'date' | 'annotator' | 'structure' | 'modality' | 'dice'> {
  /** How many other annotators voted (≥ 2). */
  others: number;
}

export interface PairDice {
  structure: string;
  /** In the order of the input annotations. */
  annotators: [string, string];
  dice: number;
}

export interface LesionCount {
  annotator: string;
  structure: string;
  /** Connected components (26-connectivity, DESIGN.md "Lesion level") of the annotator's mask. */
  count: number;
}

export interface CaseObservations {
  caseId: string;
  modality: string;
  structures: ObservedStructure[];
  /** Dice against the reference, per annotator and structure; reference 'peer' marks the majority vote. */
  agreement: AgreementObservation[];
  pairs: PairDice[];
  lesionCounts: LesionCount[];
  /** compareMasks(annotator, gold) per annotator and structure; empty unless the reference is gold. */
  calibration: CalibrationResult[];
  /** Dice against the leave-one-out majority, per annotator (with a date) and structure; absent or empty with fewer than three annotators. */
  leaveOneOut?: LeaveOneOutDice[];
}

const DEFAULT_CALIBRATION_TOLERANCES_MM = [1, 2, 3] as const;

function isLesion(identity: StructureIdentity): boolean {
  const { category } = identity;
  return category !== undefined && category.scheme === SCT.MorphologicallyAbnormalStructure.scheme && category.value === SCT.MorphologicallyAbnormalStructure.value;
}

/** Why a point against the reference standard must not judge its annotator; undefined when it may. */
function unmonitoredReason(origin: ReferenceOrigin | undefined, annotator: string, identical: boolean): UnmonitoredReason | undefined {
  if (identical) return 'reference-from-annotator';
  if (!origin) return undefined;
  if ((origin.kind === 'accepted' && origin.annotator === annotator) || (origin.kind === 'edited' && origin.from === annotator)) return 'reference-from-annotator';
  if (origin.kind === 'consensus') return 'reference-made-with-annotator';
  return undefined;
}

export function caseObservations(input: CaseObservationInput): CaseObservations {
  const { caseId, modality, annotations, reference } = input;
  if (typeof caseId !== 'string' || caseId === '') throw new ProgrammeInputError('input.caseId', 'must be a non-empty string');
  if (typeof modality !== 'string' || modality === '') throw new ProgrammeInputError('input.modality', 'must be a non-empty string');
  const seen = new Map<string, number>();
  annotations.forEach(({ annotator }, at) => {
    if (typeof annotator !== 'string' || annotator === '') throw new ProgrammeInputError(`input.annotations[${at}].annotator`, 'must be a non-empty string');
    const earlier = seen.get(annotator);
    if (earlier !== undefined) throw new ProgrammeInputError(`input.annotations[${at}]`, `${annotator} is already input.annotations[${earlier}]: give one annotation per annotator (e.g. the latest)`);
    seen.set(annotator, at);
  });
  if (reference && reference.kind !== 'adjudicated' && reference.kind !== 'gold') {
    throw new ProgrammeInputError('input.reference.kind', `must be 'adjudicated' or 'gold', got ${JSON.stringify(reference.kind)}`);
  }

  // The reference standard joins the structures as one more annotation, last.
  const joined = caseStructures([...annotations.map((a) => a.segmentation), ...(reference ? [reference.segmentation] : [])], input.sopStructures ?? []);
  const grid = (annotations[0] ?? reference)?.segmentation.grid;
  const result: CaseObservations = { caseId, modality, structures: [], agreement: [], pairs: [], lesionCounts: [], calibration: [], leaveOneOut: [] };
  if (!grid) return result;
  const tolerancesMm = input.calibrationMetrics?.tolerancesMm ?? DEFAULT_CALIBRATION_TOLERANCES_MM;

  for (const structure of joined) {
    // A structure only the reference standard has is not an annotation structure of this case.
    if (structure.segments.slice(0, annotations.length).every((segment) => segment === null)) continue;
    const label = structure.identity.label;
    const lesion = isLesion(structure.identity);
    // A structure an annotator did not segment is an empty mask of theirs: nothing of it was found.
    const masks = annotations.map((_, a) => structure.segments[a]?.mask ?? new BitMask(grid));
    const standard = reference ? structure.segments[annotations.length] : null;
    let referenceMask: BitMask | null = null;
    let kind: ObservedReferenceKind | null = null;
    const origin = standard && reference ? reference.origins?.[standard.number] : undefined;
    if (standard && reference) {
      referenceMask = standard.mask;
      kind = reference.kind;
    } else if (annotations.length >= 3) {
      referenceMask = majorityVote(masks).consensus;
      kind = 'majority';
    }
    result.structures.push({ label, reference: kind, lesion, ...(origin ? { referenceOrigin: origin } : {}) });
    // Components smaller than the SOP structure's minLesionSize are boundary noise, not lesions (as in the review).
    const sopIndex = structure.identity.sopStructure?.index;
    const minVoxels = minLesionVoxels(sopIndex === undefined ? undefined : input.sopStructures?.[sopIndex]?.minLesionSize, grid);
    // Only an adjudicated reference can be an annotator's mask unannounced; a gold is made apart from them.
    const referenceVoxels = referenceMask && kind === 'adjudicated' ? referenceMask.count() : 0;

    const values = referenceMask ? masks.map((mask) => dice(mask, referenceMask!)) : [];
    const identical = values.map((value) => value === 1 && referenceVoxels > 0);
    // "Agreed" records no method: the reference is one of the agreeing annotations (then it is that
    // mask voxel for voxel, and only its annotator is left out) or their consensus (every one is).
    const structureOrigin = origin?.kind === 'consensus' && origin.method === 'agreed' && identical.some(Boolean) ? undefined : origin;

    annotations.forEach(({ annotator, date }, a) => {
      if (referenceMask && date !== null) {
        const value = values[a];
        const unmonitored = kind === 'majority' ? undefined : unmonitoredReason(structureOrigin, annotator, identical[a]);
        result.agreement.push({ caseId, date, annotator, structure: label, modality, dice: value, reference: kind === 'majority' ? 'peer' : kind!, ...(unmonitored ? { unmonitored } : {}) });
      }
      if (annotations.length >= 3 && date !== null) {
        const others = masks.filter((_, b) => b !== a);
        result.leaveOneOut!.push({ caseId, date, annotator, structure: label, modality, dice: dice(masks[a], majorityVote(others).consensus), others: others.length });
      }
      if (lesion) result.lesionCounts.push({ annotator, structure: label, count: componentsOfAtLeast(connectedComponents(masks[a], 26), minVoxels).count });
      if (kind === 'gold' && referenceMask) {
        const sopTolerance = structure.identity.sopStructure?.thresholds.nsdToleranceMm;
        const tolerances = sopTolerance !== undefined && !tolerancesMm.includes(sopTolerance) ? [...tolerancesMm, sopTolerance] : tolerancesMm;
        result.calibration.push({
          caseId, annotator, structure: label, modality, ...(date !== null ? { date } : {}),
          agreement: compareMasks(masks[a], referenceMask, { ...input.calibrationMetrics, tolerancesMm: tolerances }),
        });
      }
    });
    for (let a = 0; a < annotations.length; a++) {
      for (let b = a + 1; b < annotations.length; b++) {
        result.pairs.push({ structure: label, annotators: [annotations[a].annotator, annotations[b].annotator], dice: dice(masks[a], masks[b]) });
      }
    }
  }
  return result;
}
