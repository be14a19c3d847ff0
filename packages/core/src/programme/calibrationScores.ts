import type { MaskAgreement } from '../metrics/compareMasks';
import { judgeAgainstThresholds, type ThresholdJudgement } from '../review/judgeAgainstThresholds';
import type { SopThresholds } from '../sop/Sop';
import { isoInstant } from './isoInstant';
import { ProgrammeInputError } from './ProgrammeInputError';

/** An annotator's mask of one structure of a calibration case compared with the gold: compareMasks(annotator, gold). */
export interface CalibrationResult {
  caseId: string;
  annotator: string;
  structure: string;
  modality: string;
  /** When the annotator annotated the case (ISO 8601); orders the listing. */
  date?: string;
  /** compareMasks with a = the annotator's mask, b = the gold mask. */
  agreement: MaskAgreement;
}

export interface CalibrationCaseScore {
  caseId: string;
  structure: string;
  modality: string;
  date: string | null;
  dice: number;
  jaccard: number;
  hdMm: number | null;
  hd95Mm: number | null;
  assdMm: number | null;
  nsd: Record<string, number | null>;
  volumeMl: number;
  goldVolumeMl: number;
  /** Annotator − gold, mL: > 0 over-segments. */
  volumeErrorMl: number;
  /** volumeErrorMl / goldVolumeMl × 100; null when the gold is empty. */
  volumeErrorPercent: number | null;
  /** The verdict against the SOP thresholds of the structure, when options.thresholds gives them. */
  judgement: ThresholdJudgement | null;
}

export interface StructureCalibration {
  structure: string;
  modality: string;
  cases: number;
  meanDice: number;
  minDice: number;
  /** Over the cases where HD95 is defined; null when it is defined in none. */
  meanHd95Mm: number | null;
  maxHd95Mm: number | null;
  /** Mean of |volumeErrorPercent| over the cases where it is defined. */
  meanAbsVolumeErrorPercent: number | null;
  /** Cases judged 'pass' / 'escalate' against the thresholds (0 and 0 without thresholds). */
  passed: number;
  failed: number;
}

export interface AnnotatorCalibration {
  annotator: string;
  /** Every calibration case and structure of the annotator, by date (undated last), then case and structure. */
  cases: CalibrationCaseScore[];
  /** Summaries per structure × modality, sorted by those. */
  structures: StructureCalibration[];
}

export interface CalibrationScoresOptions {
  /** The SOP thresholds of a structure (e.g. from the SOP in force); null when none apply. */
  thresholds?: (structure: string, modality: string) => SopThresholds | null;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

function judge(agreement: MaskAgreement, thresholds: SopThresholds | null, path: string): ThresholdJudgement | null {
  if (!thresholds) return null;
  const key = String(thresholds.nsdToleranceMm);
  if (!(key in agreement.nsd)) {
    throw new ProgrammeInputError(`${path}.agreement.nsd`, `has no NSD at the SOP's tolerance ${key} mm (compareMasks tolerancesMm must include it)`);
  }
  return judgeAgainstThresholds({ dice: agreement.dice, hd95Mm: agreement.hd95Mm, nsd: agreement.nsd[key], bothEmpty: agreement.a.voxels === 0 && agreement.b.voxels === 0 }, thresholds);
}

/**
 * Calibration cases are scored as accuracy against their gold reference, not as agreement between
 * annotators: per annotator, every calibration case and structure with its metrics against the gold
 * (Dice, HD95 … as compareMasks gave them, and the volume error), optionally judged against the SOP
 * thresholds, and a summary per structure.
 */
export function calibrationScores(results: readonly CalibrationResult[], options: CalibrationScoresOptions = {}): AnnotatorCalibration[] {
  if (!Array.isArray(results)) throw new ProgrammeInputError('results', 'must be an array');
  const byAnnotator = new Map<string, { score: CalibrationCaseScore; time: number }[]>();
  const seen = new Map<string, number>();
  results.forEach((result, at) => {
    const path = `results[${at}]`;
    for (const field of ['caseId', 'annotator', 'structure', 'modality'] as const) {
      if (typeof result?.[field] !== 'string' || result[field] === '') throw new ProgrammeInputError(`${path}.${field}`, 'must be a non-empty string');
    }
    const { caseId, annotator, structure, modality, date, agreement } = result;
    if (typeof agreement?.dice !== 'number' || typeof agreement.a?.volumeMl !== 'number' || typeof agreement.b?.volumeMl !== 'number') {
      throw new ProgrammeInputError(`${path}.agreement`, 'must be a compareMasks result');
    }
    const time = date === undefined ? Infinity : isoInstant(date, `${path}.date`);
    const key = JSON.stringify([annotator, caseId, structure, modality]);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new ProgrammeInputError(path, `${annotator} / ${caseId} / ${structure} / ${modality} is already results[${earlier}]`);
    seen.set(key, at);

    const volumeErrorMl = agreement.a.volumeMl - agreement.b.volumeMl;
    const score: CalibrationCaseScore = {
      caseId, structure, modality, date: date ?? null,
      dice: agreement.dice, jaccard: agreement.jaccard, hdMm: agreement.hdMm, hd95Mm: agreement.hd95Mm, assdMm: agreement.assdMm, nsd: { ...agreement.nsd },
      volumeMl: agreement.a.volumeMl, goldVolumeMl: agreement.b.volumeMl, volumeErrorMl,
      volumeErrorPercent: agreement.b.volumeMl > 0 ? (volumeErrorMl / agreement.b.volumeMl) * 100 : null,
      judgement: judge(agreement, options.thresholds?.(structure, modality) ?? null, path),
    };
    let list = byAnnotator.get(annotator);
    if (!list) byAnnotator.set(annotator, (list = []));
    list.push({ score, time });
  });

  return [...byAnnotator.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([annotator, list]) => {
      list.sort((a, b) => (a.time === b.time ? 0 : a.time < b.time ? -1 : 1) || compareText(a.score.caseId, b.score.caseId) || compareText(a.score.structure, b.score.structure));
      const cases = list.map((entry) => entry.score);
      const groups = new Map<string, CalibrationCaseScore[]>();
      for (const score of cases) {
        const key = JSON.stringify([score.structure, score.modality]);
        groups.set(key, [...(groups.get(key) ?? []), score]);
      }
      const structures = [...groups.values()]
        .map((scores): StructureCalibration => {
          const hd95 = scores.map((s) => s.hd95Mm).filter((v): v is number => v !== null);
          const volumeErrors = scores.map((s) => s.volumeErrorPercent).filter((v): v is number => v !== null).map(Math.abs);
          return {
            structure: scores[0].structure,
            modality: scores[0].modality,
            cases: scores.length,
            meanDice: mean(scores.map((s) => s.dice))!,
            minDice: Math.min(...scores.map((s) => s.dice)),
            meanHd95Mm: mean(hd95),
            maxHd95Mm: hd95.length === 0 ? null : Math.max(...hd95),
            meanAbsVolumeErrorPercent: mean(volumeErrors),
            passed: scores.filter((s) => s.judgement?.verdict === 'pass').length,
            failed: scores.filter((s) => s.judgement?.verdict === 'escalate').length,
          };
        })
        .sort((a, b) => compareText(a.structure, b.structure) || compareText(a.modality, b.modality));
      return { annotator, cases, structures };
    });
}
