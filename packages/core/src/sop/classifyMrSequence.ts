/**
 * The MR sequence class (T1, T2, FLAIR, DWI) and contrast of a series, from its header, to choose a
 * SOP automatically. Description keywords come first because sites name series for readers; the
 * acquisition parameters (PS3.3 C.8.3.1 MR Image module: Scanning Sequence (0018,0020), Sequence
 * Variant (0018,0021), Repetition Time (0018,0080), Echo Time (0018,0081), Inversion Time
 * (0018,0082); Contrast/Bolus Agent (0018,0010), C.7.6.4) decide when the description is silent.
 * Thresholds are the textbook 1.5/3 T ranges: FLAIR is inversion recovery with TI > 1500 ms
 * (nulling CSF); T1 is TR < 800 ms and TE < 30 ms; T2 is TR > 2000 ms and TE > 80 ms.
 */
import type { MrSequenceClass } from './Sop';

/** The series attributes SOP selection reads, as readHeader names them (numbers may arrive as DS strings). */
export interface SopSeriesAttributes {
  Modality: string;
  SeriesDescription?: string;
  ScanningSequence?: string | readonly string[];
  SequenceVariant?: string | readonly string[];
  InversionTime?: number | string;
  EchoTime?: number | string;
  RepetitionTime?: number | string;
  ContrastBolusAgent?: string;
}

export interface MrSequenceClassification {
  /** null when neither the description nor the timing says. */
  sequenceClass: MrSequenceClass | null;
  contrast: boolean;
  /** What decided, for the panel and the selection reason. */
  evidence: string;
}

export const FLAIR_MIN_INVERSION_TIME_MS = 1500;
export const T1_MAX_REPETITION_TIME_MS = 800;
export const T1_MAX_ECHO_TIME_MS = 30;
export const T2_MIN_REPETITION_TIME_MS = 2000;
export const T2_MIN_ECHO_TIME_MS = 80;

const word = (alternatives: string): RegExp => new RegExp(`(?:^|[^A-Z0-9])(?:${alternatives})(?=$|[^A-Z0-9])`);
const DESCRIPTION_RULES: ReadonlyArray<readonly [MrSequenceClass, RegExp]> = [
  ['DWI', word('DWI|DIFF\\w*|ADC|TRACEW|DTI')],
  // A "T1 FLAIR" is a T1-weighted inversion recovery; the T1 rule below catches it.
  ['FLAIR', /FLAIR/],
  ['T1', word('T1W?I?|MP-?RAGE|SPGR')],
  ['T2', word('T2W?I?')],
];
const T1_FLAIR = word('T1W?I?');
const CONTRAST_IN_DESCRIPTION = /\+\s*C(?![A-Z0-9])|(?:^|[^A-Z0-9])(?:POST|GAD\w*|GD)(?=$|[^A-Z0-9])/;
const NO_AGENT = /^(?:NONE|NO|N\/A)?$/;

/** Whether Contrast/Bolus Agent (0018,0010) names an agent (sites write NONE or leave it empty otherwise). */
export function hasContrastAgent(agent: string | undefined): boolean {
  return !NO_AGENT.test((agent ?? '').trim().toUpperCase());
}

export function classifyMrSequence(series: SopSeriesAttributes): MrSequenceClassification {
  const description = (series.SeriesDescription ?? '').toUpperCase();
  const agent = (series.ContrastBolusAgent ?? '').trim();
  const contrast = hasContrastAgent(agent) || CONTRAST_IN_DESCRIPTION.test(description);
  const contrastEvidence = contrast ? (hasContrastAgent(agent) ? `, contrast agent ${agent}` : ', contrast named in the description') : '';

  for (const [sequenceClass, rule] of DESCRIPTION_RULES) {
    if (!rule.test(description)) continue;
    const resolved = sequenceClass === 'FLAIR' && T1_FLAIR.test(description) ? 'T1' : sequenceClass;
    return { sequenceClass: resolved, contrast, evidence: `description ${JSON.stringify(series.SeriesDescription)}${contrastEvidence}` };
  }

  const scanning = values(series.ScanningSequence);
  const ti = milliseconds(series.InversionTime);
  const tr = milliseconds(series.RepetitionTime);
  const te = milliseconds(series.EchoTime);
  if (scanning.includes('IR') && ti !== undefined && ti > FLAIR_MIN_INVERSION_TIME_MS) {
    return { sequenceClass: 'FLAIR', contrast, evidence: `inversion recovery with TI ${ti} ms${contrastEvidence}` };
  }
  if (tr !== undefined && te !== undefined) {
    if (tr < T1_MAX_REPETITION_TIME_MS && te < T1_MAX_ECHO_TIME_MS) return { sequenceClass: 'T1', contrast, evidence: `short TR ${tr} ms and TE ${te} ms${contrastEvidence}` };
    if (tr > T2_MIN_REPETITION_TIME_MS && te > T2_MIN_ECHO_TIME_MS) return { sequenceClass: 'T2', contrast, evidence: `long TR ${tr} ms and TE ${te} ms${contrastEvidence}` };
  }
  return { sequenceClass: null, contrast, evidence: `neither the description nor TR/TE/TI name a sequence class${contrastEvidence}` };
}

/** A CS value that may be multi-valued: a list, or one string with backslashes. */
function values(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? value.split('\\') : [...value];
  return list.map((item) => String(item).trim().toUpperCase());
}

function milliseconds(value: number | string | undefined): number | undefined {
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof number === 'number' && Number.isFinite(number) && (typeof value !== 'string' || value.trim() !== '') ? number : undefined;
}
