import {
  ANNOTATION_LETTERS, BitMask, describeJudgedSeg, judgedInfoWithChoices, referenceMask, structuresToAdjudicate, voxelCount, writeReviewReport, writeAdjudication, type AnnotationLetter, type ReferenceMethodInit, type StructureToAdjudicate,
} from '@segqc/core';
import type { ReviewedCase } from './caseInWorker';
import type { AdjudicateRequest, AdjudicationWritten, RecordReviewRequest, ReviewRecorded, StartingMaskRequest } from './workerProtocol';

/** Annotation ids in review order are the report's letters A, B, C… */
function letterOf(reviewed: ReviewedCase, annotationId: string): AnnotationLetter {
  const index = reviewed.request.annotations.findIndex((annotation) => annotation.id === annotationId);
  if (index < 0) throw new Error(`${annotationId} is not an annotation of this case`);
  return ANNOTATION_LETTERS[index];
}

/**
 * The report's label of a reviewed structure. The review names structures after the SOP, the
 * report after the annotators' segments: the two are joined through a segment they share.
 */
function structureLabel(reviewed: ReviewedCase, structures: readonly StructureToAdjudicate[], structureKey: string): string {
  const rows = reviewed.review.rows.filter((row) => String(row.structureIndex) === structureKey);
  for (const row of rows) {
    for (const [id, segment] of [[row.a, row.segmentA], [row.b, row.segmentB]] as const) {
      if (!segment) continue;
      const letter = letterOf(reviewed, id);
      const structure = structures.find((s) => s.segments.some((member) => member.annotation === letter && member.segmentNumber === segment.number));
      if (structure) return structure.label;
    }
  }
  throw new Error(`structure ${structureKey} is not in this case's review`);
}

/** The compared SEGs as a report records them, with the reviewer's attributions and mappings. */
function judgedAnnotations(reviewed: ReviewedCase) {
  return reviewed.request.annotations.map(({ id }) => {
    const segmentation = reviewed.segmentations.get(id)!;
    return { info: judgedInfoWithChoices(describeJudgedSeg(reviewed.segBytes.get(id)!), segmentation, reviewed.choices), segmentation };
  });
}

/** Writes the reference SEG and the verified report; the study's latest QC report is revised, not replaced. */
export function adjudicateReviewedCase(reviewed: ReviewedCase, request: AdjudicateRequest): AdjudicationWritten {
  const { grid } = reviewed.segmentations.get(reviewed.request.annotations[0].id)!;
  const annotations = judgedAnnotations(reviewed);
  const structures = structuresToAdjudicate(annotations);
  const written = writeAdjudication({
    annotations,
    sourceImages: reviewed.sourceImages,
    ...(reviewed.sop ? { sop: reviewed.sop } : {}),
    decisions: request.decisions.map((decision) => {
      const { method } = decision;
      const init: ReferenceMethodInit =
        method.kind === 'accept' ? { kind: 'accept', annotation: letterOf(reviewed, method.annotationId) }
        : method.kind === 'edited' ? { kind: 'edited', mask: new BitMask(grid, method.words) }
        : { kind: method.kind };
      return { structureLabel: structureLabel(reviewed, structures, decision.structureKey), method: init, reasons: decision.reasons, escalated: decision.escalated };
    }),
    checklist: request.checklist,
    adjudicator: request.adjudicator,
    now: new Date(request.signedAt),
    ...(reviewed.latestReport ? { predecessor: reviewed.latestReport.bytes } : {}),
  });
  const revises = reviewed.latestReport?.sopInstanceUid ?? null;
  // What is written next in this sitting revises this report, not the one before it.
  reviewed.latestReport = { sopInstanceUid: written.reportSopInstanceUid, bytes: written.report.slice() };
  return { ...written, revises };
}

/** The mask a method gives for one structure (an annotation without the structure counts as empty), as 0/1 labels. */
export function startingMask(reviewed: ReviewedCase, request: StartingMaskRequest): Uint8Array {
  const structure = reviewed.review.structures[Number(request.structureKey)];
  if (!structure) throw new Error(`structure ${request.structureKey} is not in this case's review`);
  const ids = reviewed.request.annotations.map((annotation) => annotation.id);
  const masks = ids.map((id) => {
    const segmentation = reviewed.segmentations.get(id)!;
    const row = reviewed.review.rows.find((r) => r.structureIndex === Number(request.structureKey) && (r.a === id || r.b === id));
    const segment = row ? (row.a === id ? row.segmentA : row.segmentB) : null;
    return segment ? segmentation.segments.find((s) => s.number === segment.number)!.mask : new BitMask(segmentation.grid);
  });
  const { method } = request;
  const mask = referenceMask(method.kind === 'accept' ? { kind: 'accept', index: ids.indexOf(method.annotationId) } : method, masks);
  const labels = new Uint8Array(voxelCount(mask.grid));
  for (let i = 0; i < labels.length; i++) labels[i] = mask.get(i) ? 1 : 0;
  return labels;
}

/** The reviewer's unsigned record of the verdicts; it revises the study's latest QC report. */
export function recordReview(reviewed: ReviewedCase, request: RecordReviewRequest): ReviewRecorded {
  const annotations = judgedAnnotations(reviewed);
  const { report, reportSopInstanceUid } = writeReviewReport({
    annotations,
    review: reviewed.review,
    sourceImages: reviewed.sourceImages,
    ...(reviewed.sop ? { sop: reviewed.sop } : {}),
    reviewer: request.reviewer,
    checklist: request.checklist,
    now: new Date(request.recordedAt),
    ...(reviewed.latestReport ? { predecessor: reviewed.latestReport.bytes } : {}),
  });
  const revises = reviewed.latestReport?.sopInstanceUid ?? null;
  reviewed.latestReport = { sopInstanceUid: reportSopInstanceUid, bytes: report.slice() };
  return { report, reportSopInstanceUid, revises };
}
