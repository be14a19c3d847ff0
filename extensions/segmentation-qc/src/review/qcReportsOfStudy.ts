import {
  jsonString, qcReportSeriesUid, readQcReport, retrieveInstance, searchForInstances, type DicomwebReadOptions, type QcReportInit,
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

/**
 * Every SegQC QC report of a study, oldest first. SegQC keeps a study's reports, revisions
 * included, in one series (qcReportSeriesUid), so one QIDO search of that series finds them.
 */
export async function qcReportsOfStudy(root: string, studyInstanceUid: string, options: DicomwebReadOptions): Promise<StoredQcReport[]> {
  const seriesInstanceUid = qcReportSeriesUid(studyInstanceUid);
  const instances = await searchForInstances(root, { studyInstanceUid, seriesInstanceUid }, {}, options);
  const reports: StoredQcReport[] = [];
  for (const instance of instances) {
    const sopInstanceUid = jsonString(instance, '00080018');
    if (!sopInstanceUid) continue;
    const bytes = await retrieveInstance(root, { studyInstanceUid, seriesInstanceUid, sopInstanceUid }, options);
    const { qc } = readQcReport(bytes);
    if (qc) reports.push({ sopInstanceUid, seriesInstanceUid, instanceNumber: qc.instanceNumber, report: qc, bytes });
  }
  return reports.sort((a, b) => a.instanceNumber - b.instanceNumber || `${a.report.contentDate}${a.report.contentTime}`.localeCompare(`${b.report.contentDate}${b.report.contentTime}`));
}

/** The adjudication in force: the latest signed report by an adjudicator (a later one revises it). */
export function adjudicationInForce(reports: readonly StoredQcReport[]): StoredQcReport | null {
  return [...reports].reverse().find((stored) => stored.report.verification !== undefined && stored.report.observer?.role === 'adjudicator') ?? null;
}
