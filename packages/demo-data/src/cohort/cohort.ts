/**
 * The demo cohort as a plan: cases, patients, studies, series, the SEGs each annotator writes and
 * the signed adjudications of the past CT cases, with every UID, date and time fixed. Cheap to compute (no voxels); `demoManifest` adds what needs
 * the voxels (segment volumes, truth lesions).
 */
import { adjudicationPlan, type DemoReferencePlan } from './adjudicationPlan';
import { ANNOTATORS, GOLD_CREATOR, type AnnotatorKey, type DemoPerson } from './annotators';
import { addDays } from './dates';
import { demoUid } from './demoUid';
import { CT_SEGMENTS, MR_SEGMENTS } from './segmentDefinitions';
import { CHEST_GRID } from '../ct/chestGrid';
import { BRAIN_GRID } from '../mr/brainGrid';

export type DemoCaseKind = 'ct' | 'ct-calibration' | 'mr';
export type MrSequence = 'T1' | 'T2' | 'FLAIR';

export interface DemoSeriesPlan {
  /** Folder of the series' files inside the case, e.g. `ct`, `flair`. */
  folder: string;
  SeriesInstanceUID: string;
  Modality: 'CT' | 'MR';
  SeriesNumber: number;
  SeriesDescription: string;
  numberOfInstances: number;
  sequence?: MrSequence;
}

export interface DemoSegmentPlan {
  number: number;
  label: string;
}

export interface DemoSegPlan {
  /** Path of the SEG file, relative to the cohort folder. */
  path: string;
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  SeriesNumber: number;
  SeriesDescription: string;
  annotator: { key: string; name: string; login: string };
  ContentLabel: 'ANNOTATION' | 'GOLD';
  ContentDate: string;
  ContentTime: string;
  sourceSeriesInstanceUID: string;
  segments: DemoSegmentPlan[];
}

export interface DemoCasePlan {
  caseId: string;
  kind: DemoCaseKind;
  PatientID: string;
  PatientName: string;
  PatientSex: 'F' | 'M';
  PatientBirthDate: string;
  StudyInstanceUID: string;
  StudyDescription: string;
  StudyDate: string;
  StudyTime: string;
  StudyID: string;
  AccessionNumber: string;
  FrameOfReferenceUID: string;
  /** Annotation week of the case (1 = first week of the demo programme). */
  week: number;
  /** Number of true lesions (nodules or white-matter lesions) in the phantom. */
  lesionCount: number;
  series: DemoSeriesPlan[];
  /** The annotators' SEGs, and the GOLD SEG of the calibration case (first). */
  segs: DemoSegPlan[];
  /** The case's signed adjudication (reference-standard SEG and verified QC report); null while it is open. */
  reference: DemoReferencePlan | null;
}

export interface DemoOptions {
  /** Case ids to include (e.g. ['ct-01', 'mr-01']); all when absent. */
  cases?: readonly string[];
}

/** First day of annotation (a Monday): week w starts 7 (w − 1) days later. */
export const PROGRAMME_START = '20240304';
/** Last day of the annotation programme: the annotators' drift is measured over this span. */
export const PROGRAMME_DAYS = 60;

const CT_NODULE_COUNTS = [2, 3, 1, 2, 4, 2, 3, 1];
/**
 * The CT cases a senior radiologist has adjudicated: every past week, so that drift is measured
 * against a reference standard that does not move with the annotators. ct-08, the latest, is still
 * open for review and adjudication (the viewer's review and adjudication flows start from it).
 */
const ADJUDICATED_CASES: readonly string[] = ['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07'];
const SEG_SERIES_NUMBER: Record<string, number> = { gold: 300, rivera: 301, chen: 302, okafor: 303 };
const ANNOTATOR_DAY: Record<string, number> = { rivera: 0, chen: 2, okafor: 4 };
const ANNOTATOR_TIME: Record<string, [number, number]> = { rivera: [9, 10], chen: [14, 5], okafor: [16, 20], gold: [8, 0] };

function timeOf(key: string, caseIndex: number): string {
  const [hour, minute] = ANNOTATOR_TIME[key];
  const total = hour * 60 + minute + ((caseIndex * 17) % 40);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}${String(total % 60).padStart(2, '0')}00`;
}

function segPlan(caseId: string, person: DemoPerson, date: string, time: string, label: 'ANNOTATION' | 'GOLD', source: DemoSeriesPlan, what: string, segments: readonly { segmentNumber: number; label: string }[]): DemoSegPlan {
  return {
    path: `${caseId}/seg/${person.key}.dcm`,
    SeriesInstanceUID: demoUid(`${caseId}/seg/${person.key}/series`),
    SOPInstanceUID: demoUid(`${caseId}/seg/${person.key}/instance`),
    SeriesNumber: SEG_SERIES_NUMBER[person.key] ?? 399,
    SeriesDescription: label === 'GOLD' ? `${what} - gold reference (${person.login})` : `${what} (${person.login})`,
    annotator: { key: person.key, name: person.name, login: person.login },
    ContentLabel: label,
    ContentDate: date,
    ContentTime: time,
    sourceSeriesInstanceUID: source.SeriesInstanceUID,
    segments: segments.map((s) => ({ number: s.segmentNumber, label: s.label })),
  };
}

/** Date and time of the latest annotator's SEG. */
function lastAnnotationOf(segs: readonly DemoSegPlan[]): { date: string; time: string } {
  const annotations = segs.filter((s) => s.ContentLabel === 'ANNOTATION').map((s) => ({ date: s.ContentDate, time: s.ContentTime }));
  return annotations.reduce((latest, a) => (`${a.date}${a.time}` > `${latest.date}${latest.time}` ? a : latest));
}

function ctCase(caseId: string, index: number, kind: 'ct' | 'ct-calibration', week: number, nodules: number): DemoCasePlan {
  const annotationStart = addDays(PROGRAMME_START, 7 * (week - 1));
  const studyDate = addDays(annotationStart, -9 - (index % 3));
  const series: DemoSeriesPlan = {
    folder: 'ct',
    SeriesInstanceUID: demoUid(`${caseId}/series/ct`),
    Modality: 'CT',
    SeriesNumber: 2,
    SeriesDescription: 'Chest 2.5 mm',
    numberOfInstances: CHEST_GRID.slices,
  };
  const calibration = kind === 'ct-calibration';
  const annotators: AnnotatorKey[] = ['rivera', 'chen', 'okafor'];
  const segs = annotators.map((key) =>
    segPlan(caseId, ANNOTATORS[key], addDays(annotationStart, ANNOTATOR_DAY[key]), timeOf(key, index), 'ANNOTATION', series, 'Lungs and nodules', CT_SEGMENTS),
  );
  if (calibration) {
    segs.unshift(segPlan(caseId, GOLD_CREATOR, addDays(PROGRAMME_START, -7), timeOf('gold', index), 'GOLD', series, 'Lungs and nodules', CT_SEGMENTS));
  }
  const number = String(index + 1).padStart(2, '0');
  const StudyInstanceUID = demoUid(`${caseId}/study`);
  return {
    caseId,
    kind,
    // One name per case (issue 14): the calibration case is CT-CAL everywhere (StudyID, and the
    // PatientID SEGQC-CT-CAL as SEGQC-CT-01 goes with CT-01), not also "CAL-01".
    PatientID: `SEGQC-${caseId.toUpperCase()}`,
    PatientName: calibration ? 'Calibration^Chest' : `Demo^Chest ${number}`,
    PatientSex: index % 2 === 0 ? 'F' : 'M',
    PatientBirthDate: `19${String(48 + ((index * 7) % 30)).padStart(2, '0')}${String(1 + (index % 12)).padStart(2, '0')}15`,
    StudyInstanceUID,
    StudyDescription: calibration ? 'CT CHEST CALIBRATION CASE' : 'CT CHEST WITHOUT CONTRAST',
    StudyDate: studyDate,
    StudyTime: `${String(8 + (index % 9)).padStart(2, '0')}${String((index * 13) % 60).padStart(2, '0')}00`,
    StudyID: `${caseId.toUpperCase()}`,
    AccessionNumber: `SQ24${String(1000 + index)}`,
    FrameOfReferenceUID: demoUid(`${caseId}/frame-of-reference`),
    week,
    lesionCount: nodules,
    series: [series],
    segs,
    reference: ADJUDICATED_CASES.includes(caseId)
      ? adjudicationPlan({ caseId, caseIndex: index, StudyInstanceUID, sourceSeriesInstanceUID: series.SeriesInstanceUID, lastAnnotation: lastAnnotationOf(segs), segments: CT_SEGMENTS })
      : null,
  };
}

const MR_SERIES: readonly { sequence: MrSequence; folder: string; number: number; description: string }[] = [
  { sequence: 'T1', folder: 't1', number: 3, description: 'T1 SE axial' },
  { sequence: 'T2', folder: 't2', number: 4, description: 'T2 TSE axial' },
  { sequence: 'FLAIR', folder: 'flair', number: 5, description: 'FLAIR axial' },
];

function mrCase(caseId: string, index: number, week: number, lesions: number): DemoCasePlan {
  const annotationStart = addDays(PROGRAMME_START, 7 * (week - 1));
  const series = MR_SERIES.map((s) => ({
    folder: s.folder,
    SeriesInstanceUID: demoUid(`${caseId}/series/${s.folder}`),
    Modality: 'MR' as const,
    SeriesNumber: s.number,
    SeriesDescription: s.description,
    numberOfInstances: BRAIN_GRID.slices,
    sequence: s.sequence,
  }));
  const flair = series[2];
  const annotators: AnnotatorKey[] = ['rivera', 'chen'];
  const number = String(index + 1).padStart(2, '0');
  return {
    caseId,
    kind: 'mr',
    PatientID: `SEGQC-MR-${number}`,
    PatientName: `Demo^Brain ${number}`,
    PatientSex: index % 2 === 0 ? 'M' : 'F',
    PatientBirthDate: `19${String(70 + index * 9)}0${3 + index}22`,
    StudyInstanceUID: demoUid(`${caseId}/study`),
    StudyDescription: 'MRI BRAIN WITHOUT CONTRAST',
    StudyDate: addDays(annotationStart, -8),
    StudyTime: `1${4 + index}3000`,
    StudyID: caseId.toUpperCase(),
    AccessionNumber: `SQ24${String(2000 + index)}`,
    FrameOfReferenceUID: demoUid(`${caseId}/frame-of-reference`),
    week,
    lesionCount: lesions,
    series,
    segs: annotators.map((key) =>
      segPlan(caseId, ANNOTATORS[key], addDays(annotationStart, ANNOTATOR_DAY[key] + 1), timeOf(key, index + 20), 'ANNOTATION', flair, 'White matter lesions', MR_SEGMENTS),
    ),
    reference: null,
  };
}

/** Every case of the cohort, in a fixed order. */
function allCases(): DemoCasePlan[] {
  return [
    ...CT_NODULE_COUNTS.map((nodules, i) => ctCase(`ct-${String(i + 1).padStart(2, '0')}`, i, 'ct', i + 1, nodules)),
    ctCase('ct-cal', 8, 'ct-calibration', 9, 3),
    mrCase('mr-01', 0, 3, 5),
    mrCase('mr-02', 1, 6, 7),
  ];
}

export const DEMO_CASE_IDS: readonly string[] = Object.freeze(allCases().map((c) => c.caseId));

/** The cohort plan, optionally filtered by case id (unknown ids are an error). */
export function demoCohort(options: DemoOptions = {}): DemoCasePlan[] {
  const cases = allCases();
  if (!options.cases) return cases;
  const unknown = options.cases.filter((id) => !DEMO_CASE_IDS.includes(id));
  if (unknown.length > 0) throw new RangeError(`unknown demo case id(s): ${unknown.join(', ')} (known: ${DEMO_CASE_IDS.join(', ')})`);
  return cases.filter((c) => options.cases!.includes(c.caseId));
}
