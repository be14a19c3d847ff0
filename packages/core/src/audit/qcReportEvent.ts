/**
 * The audit event of one SegQC QC report, from what readQcReport reads back (the QcReportInit it was
 * written from): observer and role, time, SOP in force, per structure the decision with its coded
 * reasons and the agreement of every pair, each judged SEG with the hash the report recorded, the
 * reports it revises and its sign-off.
 */
import type { QcReportInit } from '../sr/QcReport';
import type { JudgedSegRecord, PairMetricsRecord, QcReportEvent, StructureDecisionRecord } from './AuditEvent';
import { isoDateTime, isoFromDicomDateTime } from './isoDateTime';

export function qcReportEventOf(report: QcReportInit, sopClassUid: string): QcReportEvent {
  const judged = new Map<string, JudgedSegRecord>();
  const decisions: StructureDecisionRecord[] = [];
  const metrics: PairMetricsRecord[] = [];
  for (const structure of report.structures) {
    const byLetter = new Map(structure.annotations.map((annotation) => [annotation.annotation, annotation]));
    for (const annotation of structure.annotations) {
      const { segment } = annotation;
      if (judged.has(segment.sopInstanceUid)) continue;
      judged.set(segment.sopInstanceUid, {
        sopInstanceUid: segment.sopInstanceUid,
        seriesInstanceUid: segment.seriesInstanceUid,
        sopClassUid: segment.sopClassUid,
        annotation: annotation.annotation,
        annotator: {
          ...(annotation.annotatorName !== undefined ? { name: annotation.annotatorName } : {}),
          ...(annotation.annotatorLogin !== undefined ? { login: annotation.annotatorLogin } : {}),
        },
        pixelDataSha256: annotation.pixelDataSha256.toLowerCase(),
        ...(annotation.referenceStandard !== undefined ? { referenceStandard: annotation.referenceStandard } : {}),
        ...(annotation.setByReviewer?.includes('annotator') ? { attributedByReviewer: true as const } : {}),
      });
    }
    for (const annotation of structure.annotations) {
      if (!annotation.setByReviewer?.includes('structure')) continue;
      const record = judged.get(annotation.segment.sopInstanceUid)!;
      (record.mappedByReviewer ??= []).push({ segmentNumber: annotation.segment.segmentNumber, structure: structure.label });
    }
    if (structure.decision) {
      decisions.push({
        structure: structure.label,
        outcome: structure.decision.outcome,
        ...(structure.decision.acceptedAnnotation !== undefined ? { acceptedAnnotation: structure.decision.acceptedAnnotation } : {}),
        reasons: (structure.decision.reasons ?? []).map((reason) => ({ reason: reason.reason, ...(reason.text !== undefined ? { text: reason.text } : {}) })),
      });
    }
    for (const agreement of structure.agreements ?? []) {
      const [a, b] = agreement.between;
      const first = byLetter.get(a);
      const second = byLetter.get(b);
      // QcReport validates that both annotations of an agreement are in the structure.
      if (!first || !second) continue;
      metrics.push({
        structure: structure.label,
        between: [a, b],
        segSopInstanceUids: [first.segment.sopInstanceUid, second.segment.sopInstanceUid],
        volumesMl: [first.volumeMl, second.volumeMl],
        dice: agreement.dice,
        jaccard: agreement.jaccard,
        hdMm: agreement.hdMm,
        hd95Mm: agreement.hd95Mm,
        assdMm: agreement.assdMm,
        nsd: { ...agreement.nsd },
      });
    }
  }
  const { observer, verification, sop } = report;
  return {
    kind: 'qc-report',
    studyInstanceUid: report.subject.StudyInstanceUID,
    seriesInstanceUid: report.seriesInstanceUid,
    sopInstanceUid: report.sopInstanceUid,
    sopClassUid,
    instanceNumber: report.instanceNumber,
    dateTime: isoDateTime(report.contentDate, report.contentTime) ?? `${report.contentDate}${report.contentTime}`,
    ...(observer ? {
      observer: {
        name: observer.name,
        login: observer.login,
        ...(observer.organization !== undefined ? { organization: observer.organization } : {}),
        role: observer.role,
        ...(observer.authentication !== undefined ? { authentication: { ...observer.authentication } } : {}),
      },
    } : {}),
    ...(sop ? { sop: { id: sop.id, version: sop.version, hash: sop.sha256.toLowerCase() } } : {}),
    decisions,
    metrics,
    judged: [...judged.values()],
    predecessors: (report.predecessors ?? []).map((predecessor) => ({ ...predecessor })),
    ...(verification ? {
      verification: {
        name: verification.name,
        login: verification.login,
        ...(verification.organization !== undefined ? { organization: verification.organization } : {}),
        dateTime: isoFromDicomDateTime(verification.dateTime),
        ...(verification.authentication !== undefined ? { authentication: { ...verification.authentication } } : {}),
      },
    } : {}),
    imageLibrary: report.imageLibrary.map((group) => ({ seriesInstanceUid: group.seriesInstanceUid, sopInstanceUids: group.images.map((image) => image.sopInstanceUid) })),
  };
}
