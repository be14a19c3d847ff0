/**
 * The MR sequence class (T1, T2, FLAIR, DWI) and contrast of a series, from its header, to choose a
 * SOP automatically (issue 14: the choice must survive vendors' sequence names).
 *
 * The acquisition physics decides; the series description only when the header is silent or
 * ambiguous. Siemens names its 2D FLAIR `t2_tirm_tra_dark-fluid` and its 3D FLAIR
 * `t2_space_dark-fluid_sag_p2_iso`: the description starts with "t2", the header says inversion
 * recovery with TI 2500 ms. The header is read from the PS3.3 C.8.3.1 MR Image module — Scanning
 * Sequence (0018,0020), Sequence Variant (0018,0021), Repetition Time (0018,0080), Echo Time
 * (0018,0081), Inversion Time (0018,0082), Image Type (0008,0008) — Diffusion b-value (0018,9087,
 * C.8.13.5.9) and Contrast/Bolus Agent (0018,0010, C.7.6.4). The ranges are the textbook ones at
 * 1.5 and 3 T (vendors' default protocols sit well inside them; mrProtocols.fixture.ts lists 30+):
 *
 * - DWI: a b-value above 0, or an Image Type naming diffusion (DIFFUSION, ADC, TRACEW).
 * - Inversion recovery (IR in Scanning Sequence, or any TI above 0 — a TI is only recorded when an
 *   inversion pulse was played):
 *   - TI ≤ 300 ms nulls fat: STIR (TIRM), none of the classes — unless the TE is short (< 30 ms),
 *     an inversion-prepared T1 gradient echo (turbo-FLASH).
 *   - 300 < TI < 1500 ms with a short TE (< 30 ms): an inversion-prepared T1 (MPRAGE, BRAVO,
 *     3D T1 TFE, T1-FLAIR, TI 400–1100 ms).
 *   - 1500 ≤ TI ≤ 3500 ms with a long TE (≥ 60 ms): CSF nulled, FLAIR (2D TI 2000–2800 ms,
 *     3D SPACE/Cube/VISTA with variable refocusing TI 1600–2200 ms).
 *   - otherwise (a long TE with an intermediate TI: double inversion recovery, PSIR; a short TE with
 *     a long TI: MP2RAGE's second inversion) the header does not decide.
 * - Without inversion (Scanning Sequence recorded without IR, no TI):
 *   - echo planar (EP) without a b-value: diffusion, perfusion or BOLD — the header does not decide;
 *   - T1: TR < 800 ms and TE < 30 ms (spin echo), TE ≤ 10 ms (gradient echo: a longer TE is T2*);
 *   - T2: TR ≥ 2000 ms and TE ≥ 80 ms; with Scanning Sequence absent this pattern fits an
 *     unflagged FLAIR too, so it then only decides when the description is silent;
 *   - gradient echo with TE ≥ 15 ms (T2*, SWI) and long TR with a short TE (proton density) are none
 *     of the classes; proton density does not decide (the first echo of a dual-echo PD/T2 series).
 *
 * The description is read with each vendor's vocabulary (Siemens dark-fluid/TIRM/SPACE/MPRAGE/VIBE,
 * GE FLAIR/BRAVO/Cube/FSPGR/LAVA, Philips FLAIR/TFE/VISTA/THRIVE, Canon FLAIR/FFE/MPRAGE). When
 * the decisive header and the description disagree, the header's class is taken and the result
 * says so in `disagreement`, for the SOP panel, where the user can choose another SOP.
 *
 * Contrast: a named Contrast/Bolus Agent, else the description (+C, POST, GAD, GD, KM, CE).
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
  /** Diffusion b-value (0018,9087), s/mm². */
  DiffusionBValue?: number | string;
  /** Image Type (0008,0008): DIFFUSION, ADC, TRACEW name a diffusion series. */
  ImageType?: string | readonly string[];
}

/** What one source — the header or the description — says of the sequence. */
export interface MrSequenceReading {
  /** null: the source names a series that is none of the classes (STIR, proton density, T2*), or does not decide. */
  sequenceClass: MrSequenceClass | null;
  /** The class, or what the series is when none ("STIR", "proton density", "T2*"), for sentences. */
  label: string;
  /** In words: `inversion recovery with TI 2500 ms`, `description "t2_tse_tra"`. */
  evidence: string;
  /** false when the parameters fit more than one class: the other source then decides. Descriptions are always true. */
  decisive: boolean;
}

export type MrSequenceDecidedBy = 'header' | 'description';

export interface MrSequenceClassification {
  /** null when neither the header nor the description says, or when what they say is none of the classes. */
  sequenceClass: MrSequenceClass | null;
  contrast: boolean;
  /** What decided, for the panel and the selection reason. */
  evidence: string;
  /** Which source gave sequenceClass; null when neither said anything. */
  decidedBy: MrSequenceDecidedBy | null;
  /** What the header says (null: silent). */
  header: MrSequenceReading | null;
  /** What the description says (null: silent). */
  description: MrSequenceReading | null;
  /**
   * Present when the decisive header and the description name different things, in words:
   * `header says FLAIR (inversion recovery with TI 2500 ms), description "t2_tse_tra" says T2 — chose FLAIR by the header`.
   */
  disagreement?: string;
}

/** Below this, an inversion nulls fat (STIR: TI ≈ 150 ms at 1.5 T, ≈ 220 ms at 3 T). */
export const STIR_MAX_INVERSION_TIME_MS = 300;
/** CSF-nulling inversion (FLAIR): 2D 2000–2800 ms, 3D variable-flip-angle 1600–2200 ms. */
export const FLAIR_MIN_INVERSION_TIME_MS = 1500;
export const FLAIR_MAX_INVERSION_TIME_MS = 3500;
export const FLAIR_MIN_ECHO_TIME_MS = 60;
export const T1_MAX_REPETITION_TIME_MS = 800;
export const T1_MAX_ECHO_TIME_MS = 30;
/** A gradient echo with a longer TE is T2*-weighted (T2* GRE, SWI: TE 15–40 ms). */
export const T1_GRADIENT_ECHO_MAX_ECHO_TIME_MS = 10;
export const T2_STAR_MIN_ECHO_TIME_MS = 15;
export const T2_MIN_REPETITION_TIME_MS = 2000;
export const T2_MIN_ECHO_TIME_MS = 80;
/** Long TR with a TE below this is proton density. */
export const PD_MAX_ECHO_TIME_MS = 45;

const word = (alternatives: string): RegExp => new RegExp(`(?:^|[^A-Z0-9])(?:${alternatives})(?=$|[^A-Z0-9])`);
/** T1 / T2 tokens, with Philips' SENSE prefix (sT1W_3D_TFE) and the usual suffixes (T1W, T1WI, T1FS, T1C). */
const T1_TOKEN = word('S?T1(?:WI?|FS|C)?');
const T2_TOKEN = word('S?T2(?:WI?|FS)?');

/** Description rules, first match wins: [label, class (null: none of the classes), rule]. */
const DESCRIPTION_RULES: ReadonlyArray<readonly [string, MrSequenceClass | null, RegExp]> = [
  ['DWI', 'DWI', /DWI|DIFF|TRACEW|DTI(?![A-Z])|RESOLVE|APPARENT DIFFUSION/],
  ['DWI', 'DWI', word('[DE]?ADC|TRACE|B\\d{3,4}')],
  // Siemens: dark-fluid (da-fl) is FLAIR; TIRM alone is its STIR. A T1 FLAIR (t1_tirm_dark-fluid, Sag T1 FLAIR) is T1.
  ['FLAIR', 'FLAIR', /FLAIR|DARK[-_ ]?FLUID|DA-?FL(?![A-Z])/],
  ['STIR', null, word('S?STIR|TIRM|T2_?TIRM')],
  ['T2*', null, /T2\s*\*|T2_?STAR|T2_?FFE|(?:^|[^A-Z0-9])(?:SWI|SWIP|SWAN|MERGE|MEDIC|HEMO)(?=$|[^A-Z0-9])/],
  ['proton density', null, word('S?PDW?I?|PD_?FS')],
  ['T1', 'T1', T1_TOKEN],
  ['T1', 'T1', /MP-?RAGE|MP2RAGE|F?SPGR|BRAVO|VIBE|THRIVE|(?:^|[^A-Z0-9])LAVA(?=$|[^A-Z0-9])/],
  ['T2', 'T2', T2_TOKEN],
  ['T2', 'T2', word('SPACE|SPC|CUBE|VISTA|HASTE|SSFSE|SSH_?TSE|FRFSE|DRIVE')],
];
const CONTRAST_IN_DESCRIPTION = /\+\s*(?:C|GD|KM)(?![A-Z0-9])|C\+|(?:^|[^A-Z0-9])(?:POST|GAD\w*|GD|KM|CE)(?=$|[^A-Z0-9])/;
const NO_AGENT = /^(?:NONE|NO|N\/A)?$/;
const DIFFUSION_IMAGE_TYPES = new Set(['DIFFUSION', 'ADC', 'TRACEW', 'EADC', 'FA']);

/** Whether Contrast/Bolus Agent (0018,0010) names an agent (sites write NONE or leave it empty otherwise). */
export function hasContrastAgent(agent: string | undefined): boolean {
  return !NO_AGENT.test((agent ?? '').trim().toUpperCase());
}

export function classifyMrSequence(series: SopSeriesAttributes): MrSequenceClassification {
  const upper = (series.SeriesDescription ?? '').toUpperCase();
  const agent = (series.ContrastBolusAgent ?? '').trim();
  const contrast = hasContrastAgent(agent) || CONTRAST_IN_DESCRIPTION.test(upper);
  const contrastEvidence = contrast ? (hasContrastAgent(agent) ? `, contrast agent ${agent}` : ', contrast named in the description') : '';

  const header = headerReading(series);
  const description = descriptionReading(series.SeriesDescription);
  const base = { contrast, header, description };

  if (header?.decisive) {
    if (!description) return { ...base, sequenceClass: header.sequenceClass, decidedBy: 'header', evidence: `${header.evidence}${contrastEvidence}` };
    if (description.label === header.label) {
      return { ...base, sequenceClass: header.sequenceClass, decidedBy: 'header', evidence: `${header.evidence}, as the ${description.evidence} says${contrastEvidence}` };
    }
    const chose = header.sequenceClass ? `chose ${header.sequenceClass} by the header` : `chose no sequence class by the header (${header.label} is none of T1, T2, FLAIR, DWI)`;
    const disagreement = `header says ${header.label} (${header.evidence}), ${description.evidence} says ${description.label} — ${chose}`;
    return {
      ...base, sequenceClass: header.sequenceClass, decidedBy: 'header', disagreement,
      evidence: `${header.evidence}; the ${description.evidence} says ${description.label}, the header decides${contrastEvidence}`,
    };
  }
  if (description) {
    const undecided = header ? `; the header does not decide (${header.evidence})` : '';
    return { ...base, sequenceClass: description.sequenceClass, decidedBy: 'description', evidence: `${description.evidence}${undecided}${contrastEvidence}` };
  }
  if (header?.sequenceClass) return { ...base, sequenceClass: header.sequenceClass, decidedBy: 'header', evidence: `${header.evidence}${contrastEvidence}` };
  const undecided = header ? ` (the header does not decide: ${header.evidence})` : '';
  return { ...base, sequenceClass: null, decidedBy: null, evidence: `neither the description nor TR/TE/TI name a sequence class${undecided}${contrastEvidence}` };
}

/** The description's class by the first rule it matches; null when it names none (Localizer, AX 3). */
export function descriptionReading(seriesDescription: string | undefined): MrSequenceReading | null {
  const description = (seriesDescription ?? '').toUpperCase();
  for (const [label, sequenceClass, rule] of DESCRIPTION_RULES) {
    if (!rule.test(description)) continue;
    const t1Flair = sequenceClass === 'FLAIR' && T1_TOKEN.test(description);
    return { sequenceClass: t1Flair ? 'T1' : sequenceClass, label: t1Flair ? 'T1' : label, evidence: `description ${JSON.stringify(seriesDescription)}`, decisive: true };
  }
  return null;
}

/** What the acquisition parameters say (the rules in this file's header); null when they are absent. */
export function headerReading(series: SopSeriesAttributes): MrSequenceReading | null {
  const scanning = values(series.ScanningSequence);
  const imageType = values(series.ImageType);
  const ti = milliseconds(series.InversionTime);
  const tr = milliseconds(series.RepetitionTime);
  const te = milliseconds(series.EchoTime);
  const b = milliseconds(series.DiffusionBValue);
  const reading = (sequenceClass: MrSequenceClass | null, label: string, evidence: string, decisive = true): MrSequenceReading => ({ sequenceClass, label, evidence, decisive });

  if (b !== undefined && b > 0) return reading('DWI', 'DWI', `diffusion b-value ${b} s/mm²`);
  const diffusionType = imageType.find((value) => DIFFUSION_IMAGE_TYPES.has(value));
  if (diffusionType) return reading('DWI', 'DWI', `image type ${diffusionType}`);

  const flaggedIr = scanning.includes('IR');
  if (flaggedIr || (ti !== undefined && ti > 0)) {
    const inversion = `${flaggedIr ? 'inversion recovery with' : 'inversion-prepared,'} TI ${ti} ms`;
    const echo = te === undefined ? '' : `, TE ${te} ms`;
    if (ti === undefined || ti <= 0) return reading(null, 'inversion recovery', `inversion recovery without its TI${echo}`, false);
    if (ti <= STIR_MAX_INVERSION_TIME_MS) {
      return te !== undefined && te < T1_MAX_ECHO_TIME_MS
        ? reading('T1', 'T1', `${inversion}, short TE ${te} ms`)
        : reading(null, 'STIR', `${inversion}${echo}: fat nulled`);
    }
    if (ti < FLAIR_MIN_INVERSION_TIME_MS) {
      return te !== undefined && te < T1_MAX_ECHO_TIME_MS
        ? reading('T1', 'T1', `${inversion}, short TE ${te} ms`)
        : reading(null, 'inversion recovery', `${inversion}${echo}`, false);
    }
    if (ti <= FLAIR_MAX_INVERSION_TIME_MS && (te === undefined || te >= FLAIR_MIN_ECHO_TIME_MS)) return reading('FLAIR', 'FLAIR', inversion);
    return reading(null, 'inversion recovery', `${inversion}${echo}`, false);
  }

  if (tr === undefined || te === undefined) return null;
  const gradientOnly = scanning.includes('GR') && !scanning.includes('SE');
  if (scanning.includes('EP')) return reading(null, 'echo planar', `echo planar without a b-value, TR ${tr} ms and TE ${te} ms`, false);
  if (tr < T1_MAX_REPETITION_TIME_MS) {
    if (te <= T1_GRADIENT_ECHO_MAX_ECHO_TIME_MS || (scanning.includes('SE') && te < T1_MAX_ECHO_TIME_MS)) return reading('T1', 'T1', `short TR ${tr} ms and TE ${te} ms`);
    if (gradientOnly && te >= T2_STAR_MIN_ECHO_TIME_MS) return reading(null, 'T2*', `gradient echo with TR ${tr} ms and TE ${te} ms`);
    if (te < T1_MAX_ECHO_TIME_MS) return reading('T1', 'T1', `short TR ${tr} ms and TE ${te} ms`, false);
  }
  if (tr >= T2_MIN_REPETITION_TIME_MS && te >= T2_MIN_ECHO_TIME_MS) {
    // Scanning Sequence recorded without IR (and no TI) rules FLAIR out; absent, an unflagged FLAIR fits too.
    return reading('T2', 'T2', `long TR ${tr} ms and TE ${te} ms`, scanning.length > 0 && !gradientOnly);
  }
  if (tr >= T2_MIN_REPETITION_TIME_MS && te < PD_MAX_ECHO_TIME_MS && !gradientOnly) return reading(null, 'proton density', `long TR ${tr} ms and short TE ${te} ms`, false);
  return reading(null, 'unclassified', `TR ${tr} ms and TE ${te} ms`, false);
}

/** A CS value that may be multi-valued: a list, or one string with backslashes. */
function values(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? value.split('\\') : [...value];
  return list.map((item) => String(item).trim().toUpperCase()).filter((item) => item !== '');
}

function milliseconds(value: number | string | undefined): number | undefined {
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof number === 'number' && Number.isFinite(number) && (typeof value !== 'string' || value.trim() !== '') ? number : undefined;
}
