/**
 * Vendors' MR protocol names with their typical acquisition parameters, and the sequence class a
 * coordinator would give each series (issue 14). The classifier must get every row right whatever
 * the vendor calls the sequence: Siemens' FLAIR is `t2_tirm_tra_dark-fluid`, its STIR `t2_tirm_cor`.
 *
 * Where the values come from: the vendors' naming conventions for their default (product) brain and
 * spine protocols — Siemens `<weighting>_<sequence>_<orientation>` (tse, tirm, space/spc, mprage,
 * vibe, swi, ep2d_diff), GE `<plane> <weighting> <sequence>` (FRFSE, FLAIR, CUBE, BRAVO, FSPGR,
 * LAVA, SWAN, PROPELLER), Philips `<weighting>_<sequence>` with its s-prefix (TSE, FLAIR, VISTA,
 * 3D T1 TFE, FFE, DWI_SSh), Canon `<weighting>_<sequence>_<plane>` (FSE, FLAIR, FFE, MPRAGE) — and
 * the textbook parameter ranges at 1.5 and 3 T (spin-echo T1 TR 400–700 ms TE 8–20 ms; T2 TR
 * 3000–6000 ms TE 80–120 ms; 2D FLAIR TR 8000–11000 ms TI 2000–2800 ms; 3D FLAIR with variable
 * refocusing TR 4800–6500 ms TI 1600–2200 ms and a long effective TE; MPRAGE TR 2000–2300 ms TI
 * 900–1100 ms; IR-prepared FSPGR TI 400–600 ms; STIR TI 150 ms at 1.5 T, 180–230 ms at 3 T; DWI
 * b 1000 s/mm²). Rounded, representative values written for this table; no vendor document is
 * copied. Scanning Sequence / Sequence Variant are as each vendor typically writes them; an ADC map
 * carries no b-value but names diffusion in its Image Type.
 */
import type { SopSeriesAttributes } from './classifyMrSequence';
import type { MrSequenceClass } from './Sop';

export type MrVendor = 'Siemens' | 'GE' | 'Philips' | 'Canon';

export interface MrProtocol {
  vendor: MrVendor;
  fieldStrengthT: 1.5 | 3;
  /** What the sequence is, in words. */
  note: string;
  /** The series header as selectSop reads it. */
  series: SopSeriesAttributes;
  expected: {
    sequenceClass: MrSequenceClass | null;
    decidedBy: 'header' | 'description' | null;
    contrast: boolean;
    /** The header and the description name different things. */
    disagreement?: true;
  };
}

const mr = (
  SeriesDescription: string, ScanningSequence: string, SequenceVariant: string,
  RepetitionTime: number, EchoTime: number, InversionTime?: number, extra: Partial<SopSeriesAttributes> = {},
): SopSeriesAttributes => ({
  Modality: 'MR', SeriesDescription, ScanningSequence, SequenceVariant, RepetitionTime, EchoTime,
  ...(InversionTime === undefined ? {} : { InversionTime }), ...extra,
});
const header = (sequenceClass: MrSequenceClass | null, contrast = false) => ({ sequenceClass, decidedBy: 'header' as const, contrast });

export const MR_PROTOCOLS: readonly MrProtocol[] = [
  // Siemens
  { vendor: 'Siemens', fieldStrengthT: 3, note: '2D FLAIR (TIRM dark-fluid)', series: mr('t2_tirm_tra_dark-fluid', 'SE\\IR', 'SK\\SP\\MP', 9000, 81, 2500), expected: header('FLAIR') },
  { vendor: 'Siemens', fieldStrengthT: 3, note: '3D FLAIR (SPACE dark-fluid)', series: mr('t2_space_dark-fluid_sag_p2_iso', 'SE\\IR', 'SK\\SP\\MP\\OSP', 5000, 387, 1800), expected: header('FLAIR') },
  { vendor: 'Siemens', fieldStrengthT: 1.5, note: '3D FLAIR, abbreviated name', series: mr('T2_SPC_DA-FL_SAG_P2_ISO', 'SE\\IR', 'SK\\SP\\MP\\OSP', 5000, 395, 1800), expected: header('FLAIR') },
  { vendor: 'Siemens', fieldStrengthT: 3, note: '2D T2 TSE', series: mr('t2_tse_tra_p2', 'SE', 'SK\\SP\\OSP', 6000, 99), expected: header('T2') },
  { vendor: 'Siemens', fieldStrengthT: 3, note: '3D T2 SPACE', series: mr('t2_spc_sag_p2_iso', 'SE', 'SK\\SP\\OSP', 3200, 409), expected: header('T2') },
  { vendor: 'Siemens', fieldStrengthT: 3, note: 'MPRAGE', series: mr('t1_mprage_sag_p2_iso', 'GR\\IR', 'SK\\SP\\MP', 2300, 2.98, 900), expected: header('T1') },
  { vendor: 'Siemens', fieldStrengthT: 1.5, note: '2D T1 SE', series: mr('t1_se_tra', 'SE', 'NONE', 550, 9.1), expected: header('T1') },
  { vendor: 'Siemens', fieldStrengthT: 3, note: 'T1 FLAIR (TIRM dark-fluid with a T1 TI)', series: mr('t1_tirm_tra_dark-fluid', 'SE\\IR', 'SK\\SP\\MP', 2000, 8.4, 860), expected: header('T1') },
  { vendor: 'Siemens', fieldStrengthT: 3, note: 'VIBE after gadolinium', series: mr('t1_vibe_fs_tra_post', 'GR', 'SP\\OSP', 4.6, 2.1, undefined, { ContrastBolusAgent: 'Gadobutrol' }), expected: header('T1', true) },
  { vendor: 'Siemens', fieldStrengthT: 3, note: 'DWI trace b1000', series: mr('ep2d_diff_3scan_trace_p2', 'EP', 'SK\\SP', 5400, 89, undefined, { DiffusionBValue: 1000 }), expected: header('DWI') },
  { vendor: 'Siemens', fieldStrengthT: 3, note: 'ADC map (no b-value, Image Type ADC)', series: mr('ep2d_diff_3scan_trace_p2_ADC', 'EP', 'SK\\SP', 5400, 89, undefined, { ImageType: 'DERIVED\\PRIMARY\\DIFFUSION\\ADC' }), expected: header('DWI') },
  { vendor: 'Siemens', fieldStrengthT: 3, note: 'STIR (TIRM with a fat-nulling TI): not FLAIR', series: mr('t2_tirm_cor_p2', 'SE\\IR', 'SK\\SP\\MP', 3800, 56, 220), expected: header(null) },
  { vendor: 'Siemens', fieldStrengthT: 3, note: 'SWI: T2*, none of the classes', series: mr('t2_swi_tra_p2_1.5mm', 'GR', 'SP\\OSP', 28, 20), expected: header(null) },
  // GE
  { vendor: 'GE', fieldStrengthT: 3, note: '2D FLAIR', series: mr('Ax T2 FLAIR', 'SE\\IR', 'SK\\SS', 9000, 120, 2250), expected: header('FLAIR') },
  { vendor: 'GE', fieldStrengthT: 3, note: '3D FLAIR (CUBE)', series: mr('Sag CUBE FLAIR', 'SE\\IR', 'SK\\SS', 6000, 130, 1866), expected: header('FLAIR') },
  { vendor: 'GE', fieldStrengthT: 1.5, note: '2D T2 FRFSE', series: mr('Ax T2 FRFSE', 'SE', 'SK', 4800, 102), expected: header('T2') },
  { vendor: 'GE', fieldStrengthT: 3, note: 'T2 PROPELLER', series: mr('Ax T2 PROPELLER', 'SE', 'SK', 4500, 94), expected: header('T2') },
  { vendor: 'GE', fieldStrengthT: 3, note: 'BRAVO: IR-prepared FSPGR (TI recorded, IR not flagged)', series: mr('Sag T1 BRAVO', 'GR', 'SS\\SK', 8.2, 3.2, 450), expected: header('T1') },
  { vendor: 'GE', fieldStrengthT: 1.5, note: 'T1 FLAIR', series: mr('Sag T1 FLAIR', 'SE\\IR', 'SK\\SS', 2250, 24, 920), expected: header('T1') },
  { vendor: 'GE', fieldStrengthT: 3, note: '3D FSPGR after contrast, named in the description only', series: mr('Ax 3D T1 FSPGR +C', 'GR', 'SS\\SP', 7.8, 2.9), expected: header('T1', true) },
  { vendor: 'GE', fieldStrengthT: 1.5, note: 'LAVA after contrast', series: mr('Ax LAVA post', 'GR', 'SS\\SK', 4.2, 2.0, undefined, { ContrastBolusAgent: 'MULTIHANCE' }), expected: header('T1', true) },
  { vendor: 'GE', fieldStrengthT: 3, note: 'DWI b1000', series: mr('Ax DWI b1000', 'EP\\SE', 'NONE', 6000, 80, undefined, { DiffusionBValue: '1000' }), expected: header('DWI') },
  { vendor: 'GE', fieldStrengthT: 3, note: 'SWAN: T2*', series: mr('Ax SWAN', 'GR', 'SS', 48, 25), expected: header(null) },
  // Philips
  { vendor: 'Philips', fieldStrengthT: 3, note: '3D FLAIR VISTA', series: mr('3D_Brain_VIEW_FLAIR_SHC', 'SE\\IR', 'SK\\MP', 4800, 300, 1650), expected: header('FLAIR') },
  { vendor: 'Philips', fieldStrengthT: 1.5, note: '2D FLAIR', series: mr('T2W_FLAIR', 'SE\\IR', 'SK', 11000, 125, 2800), expected: header('FLAIR') },
  { vendor: 'Philips', fieldStrengthT: 3, note: '2D T2 TSE (TE 80 on the threshold)', series: mr('T2W_TSE', 'SE', 'SK', 3000, 80), expected: header('T2') },
  { vendor: 'Philips', fieldStrengthT: 3, note: '3D T2 VISTA', series: mr('3D_Brain_VIEW_T2', 'SE', 'SK', 2500, 250), expected: header('T2') },
  { vendor: 'Philips', fieldStrengthT: 3, note: '3D T1 TFE (the prepulse delay is not recorded as TI)', series: mr('sT1W_3D_TFE', 'GR', 'SS\\MP', 8.1, 3.7), expected: header('T1') },
  { vendor: 'Philips', fieldStrengthT: 3, note: '3D T1 TFE after contrast, named in the description', series: mr('T1W_3D_TFE_+C', 'GR', 'SS\\MP', 8.1, 3.7), expected: header('T1', true) },
  { vendor: 'Philips', fieldStrengthT: 1.5, note: 'T1 inversion recovery', series: mr('T1W_IR_TRA', 'SE\\IR', 'SK', 2000, 20, 800), expected: header('T1') },
  { vendor: 'Philips', fieldStrengthT: 3, note: 'DWI single shot', series: mr('DWI_SSh', 'SE\\EP', 'SK', 3500, 75, undefined, { DiffusionBValue: 1000 }), expected: header('DWI') },
  { vendor: 'Philips', fieldStrengthT: 1.5, note: 'T2* FFE', series: mr('T2*_FFE_TRA', 'GR', 'SP', 650, 18), expected: header(null) },
  { vendor: 'Philips', fieldStrengthT: 1.5, note: 'STIR', series: mr('sT2W_STIR_COR', 'SE\\IR', 'SK', 3500, 60, 165), expected: header(null) },
  // Canon
  { vendor: 'Canon', fieldStrengthT: 1.5, note: '2D FLAIR', series: mr('FLAIR_AX', 'IR\\SE', 'SK', 10000, 100, 2800), expected: header('FLAIR') },
  { vendor: 'Canon', fieldStrengthT: 3, note: '3D FLAIR', series: mr('FLAIR_3D_SAG', 'IR\\SE', 'SK\\MP', 6000, 370, 1900), expected: header('FLAIR') },
  { vendor: 'Canon', fieldStrengthT: 1.5, note: '2D T2 FSE', series: mr('T2W_FSE_AX', 'SE', 'SK', 4500, 96), expected: header('T2') },
  { vendor: 'Canon', fieldStrengthT: 1.5, note: '2D T1 SE', series: mr('T1W_SE_AX', 'SE', 'NONE', 500, 10), expected: header('T1') },
  { vendor: 'Canon', fieldStrengthT: 3, note: 'MPRAGE-like 3D T1', series: mr('3D_MPRAGE_SAG', 'GR\\IR', 'SP\\MP', 2100, 3.2, 1000), expected: header('T1') },
  { vendor: 'Canon', fieldStrengthT: 3, note: '3D FFE T1 after gadolinium', series: mr('T1W_FFE_3D_POST', 'GR', 'SP', 6.8, 2.6, undefined, { ContrastBolusAgent: 'Gadovist' }), expected: header('T1', true) },
  { vendor: 'Canon', fieldStrengthT: 1.5, note: 'DWI b1000', series: mr('DWI_b1000_AX', 'SE\\EP', 'SK', 5000, 90, undefined, { DiffusionBValue: 1000 }), expected: header('DWI') },
  { vendor: 'Canon', fieldStrengthT: 1.5, note: 'STIR (TI 150)', series: mr('STIR_COR', 'IR\\SE', 'SK', 4000, 60, 150), expected: header(null) },
  // The header and the description disagree: the header decides and says so.
  {
    vendor: 'Siemens', fieldStrengthT: 3, note: 'a TIRM renamed without "dark-fluid": TI 2500 is FLAIR, not the STIR its name suggests',
    series: mr('t2_tirm_tra', 'SE\\IR', 'SK\\SP\\MP', 9000, 81, 2500), expected: { ...header('FLAIR'), disagreement: true },
  },
  {
    vendor: 'GE', fieldStrengthT: 1.5, note: 'a FLAIR a site named "AX T2"',
    series: mr('AX T2', 'SE\\IR', 'SK\\SS', 9000, 120, 2250), expected: { ...header('FLAIR'), disagreement: true },
  },
  {
    vendor: 'Philips', fieldStrengthT: 1.5, note: 'a STIR named T2: not the T2 SOP',
    series: mr('T2W_TSE_COR', 'SE\\IR', 'SK', 3500, 60, 165), expected: { ...header(null), disagreement: true },
  },
  // The header is silent or does not decide: the description decides.
  {
    vendor: 'Siemens', fieldStrengthT: 3, note: 'timing stripped (an anonymizer)',
    series: { Modality: 'MR', SeriesDescription: 't2_tirm_tra_dark-fluid' }, expected: { sequenceClass: 'FLAIR', decidedBy: 'description', contrast: false },
  },
  {
    vendor: 'GE', fieldStrengthT: 3, note: 'DWI without a b-value in the first instance (the b0 image): echo planar does not decide',
    series: mr('Ax DWI Asset', 'EP\\SE', 'NONE', 6000, 80, undefined, { DiffusionBValue: 0 }), expected: { sequenceClass: 'DWI', decidedBy: 'description', contrast: false },
  },
  {
    vendor: 'Canon', fieldStrengthT: 1.5, note: 'long TR and TE without Scanning Sequence: T2 or an unflagged FLAIR; the description says FLAIR',
    series: { Modality: 'MR', SeriesDescription: 'FLAIR_AX', RepetitionTime: 10000, EchoTime: 100 }, expected: { sequenceClass: 'FLAIR', decidedBy: 'description', contrast: false },
  },
];
