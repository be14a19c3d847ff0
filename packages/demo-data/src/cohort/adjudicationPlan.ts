/**
 * The signed adjudication of a demo case, as a plan: the senior radiologist who made the
 * calibration case's gold reference adjudicates the case a few days after its last annotation,
 * taking the phantom's truth as the reference standard. Her reference SEG and verified QC report
 * get demo UIDs (so every run writes the same bytes) in the series SegQC's adjudication writes
 * (@segqc/core writeAdjudication): the study's reference-standard series and its QC report series.
 */
import { REFERENCE_SEG_SERIES_DESCRIPTION, REFERENCE_SEG_SERIES_NUMBER, qcReportSeriesUid, referenceSegSeriesUid } from '@segqc/core';
import { GOLD_CREATOR } from './annotators';
import { addDays } from './dates';
import { demoUid } from './demoUid';

export interface DemoReferencePlan {
  /** Path of the reference-standard SEG, relative to the cohort folder: `<case>/reference/adjudicated.dcm`. */
  path: string;
  SeriesInstanceUID: string;
  SOPInstanceUID: string;
  SeriesNumber: number;
  SeriesDescription: string;
  ContentLabel: 'ADJUDICATED';
  /** When the adjudication was signed: content date and time of the SEG and the report, and the report's verification. */
  ContentDate: string;
  ContentTime: string;
  /** The adjudicator: self-declared like everyone in the demo, unless `npm start` with sign-in has her signed in (generateDemoFiles). */
  adjudicator: { name: string; login: string };
  sourceSeriesInstanceUID: string;
  /** The verified QC report (TID 1500 SR) that records the decisions and judges the reference with the annotations. */
  report: { path: string; SeriesInstanceUID: string; SOPInstanceUID: string };
  segments: { number: number; label: string }[];
}

export interface AdjudicationPlanInit {
  caseId: string;
  caseIndex: number;
  StudyInstanceUID: string;
  sourceSeriesInstanceUID: string;
  /** DA and TM of the case's last annotation. */
  lastAnnotation: { date: string; time: string };
  segments: readonly { segmentNumber: number; label: string }[];
}

export function adjudicationPlan(init: AdjudicationPlanInit): DemoReferencePlan {
  const { caseId, caseIndex } = init;
  // One to three days after the last annotation, in the late morning.
  const minutes = 10 * 60 + ((caseIndex * 23) % 90);
  return {
    path: `${caseId}/reference/adjudicated.dcm`,
    SeriesInstanceUID: referenceSegSeriesUid(init.StudyInstanceUID),
    SOPInstanceUID: demoUid(`${caseId}/reference/adjudicated/instance`),
    SeriesNumber: REFERENCE_SEG_SERIES_NUMBER,
    SeriesDescription: REFERENCE_SEG_SERIES_DESCRIPTION,
    ContentLabel: 'ADJUDICATED',
    ContentDate: addDays(init.lastAnnotation.date, 1 + (caseIndex % 3)),
    ContentTime: `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}00`,
    adjudicator: { name: GOLD_CREATOR.name, login: GOLD_CREATOR.login },
    sourceSeriesInstanceUID: init.sourceSeriesInstanceUID,
    report: {
      path: `${caseId}/sr/adjudication.dcm`,
      SeriesInstanceUID: qcReportSeriesUid(init.StudyInstanceUID),
      SOPInstanceUID: demoUid(`${caseId}/sr/adjudication/instance`),
    },
    segments: init.segments.map((s) => ({ number: s.segmentNumber, label: s.label })),
  };
}
