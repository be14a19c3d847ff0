import {
  DicomValueError, DicomwebReadError, jsonString, MAX_SR_BYTES, qcReportSeriesUid, readQcReport, retrieveInstance, searchForInstances,
  type DicomwebReadOptions, type QcReportInit,
} from '@segqc/core';

/** A QC report of the study as read back from the PACS. */
export interface StoredQcReport {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  instanceNumber: number;
  report: QcReportInit;
  /** As stored: a revision names it as its predecessor. */
  bytes: Uint8Array;
}

/** The study's QC reports, and those its series holds that could not be read (with why): shown, never dropped in silence. */
export interface StudyQcReports {
  reports: StoredQcReport[];
  unreadable: Array<{ sopInstanceUid: string; error: string }>;
}

/**
 * Every SegQC QC report of a study, oldest first. SegQC keeps a study's reports, revisions
 * included, in one series (qcReportSeriesUid), so one QIDO search of that series finds them. A
 * report the PACS serves but SegQC cannot read — malformed, deflated, larger than MAX_SR_BYTES — is
 * listed as unreadable and the others still count; a failing request rejects.
 */
export async function qcReportsOfStudy(root: string, studyInstanceUid: string, options: DicomwebReadOptions): Promise<StudyQcReports> {
  const seriesInstanceUid = qcReportSeriesUid(studyInstanceUid);
  const instances = await searchForInstances(root, { studyInstanceUid, seriesInstanceUid }, {}, options);
  const reports: StoredQcReport[] = [];
  const unreadable: StudyQcReports['unreadable'] = [];
  for (const instance of instances) {
    const sopInstanceUid = jsonString(instance, '00080018');
    if (!sopInstanceUid) continue;
    try {
      const bytes = await retrieveInstance(root, { studyInstanceUid, seriesInstanceUid, sopInstanceUid }, options, MAX_SR_BYTES);
      const { qc } = readQcReport(bytes);
      if (qc) reports.push({ sopInstanceUid, seriesInstanceUid, instanceNumber: qc.instanceNumber, report: qc, bytes });
    } catch (error) {
      if (!(error instanceof DicomValueError || (error instanceof DicomwebReadError && error.kind === 'parse'))) throw error;
      unreadable.push({ sopInstanceUid, error: error.message });
    }
  }
  reports.sort((a, b) => a.instanceNumber - b.instanceNumber || `${a.report.contentDate}${a.report.contentTime}`.localeCompare(`${b.report.contentDate}${b.report.contentTime}`));
  return { reports, unreadable };
}

/** The adjudication in force: the latest signed report by an adjudicator (a later one revises it). */
export function adjudicationInForce(reports: readonly StoredQcReport[]): StoredQcReport | null {
  return [...reports].reverse().find((stored) => stored.report.verification !== undefined && stored.report.observer?.role === 'adjudicator') ?? null;
}
