import type { DicomwebReadOptions } from '@segqc/core';
import { adjudicationInForce, qcReportsOfStudy } from '../review/qcReportsOfStudy';
import type { AdjudicationOnRecord } from '../review/reviewSummary';
import { adjudicationOnRecord } from './adjudicationOnRecord';

/** The study's adjudication in force as the PACS holds it now (the latest verified report by an adjudicator), or null. */
export async function adjudicationInPacs(root: string, studyInstanceUid: string, options: DicomwebReadOptions): Promise<AdjudicationOnRecord | null> {
  const { reports } = await qcReportsOfStudy(root, studyInstanceUid, options);
  const stored = adjudicationInForce(reports);
  return stored && adjudicationOnRecord(stored);
}
