/**
 * The signed adjudication of a demo case, written by @segqc/core's writeAdjudication on the
 * annotators' SEGs as written: the adjudicator takes the phantom's truth as the reference standard
 * of every structure (method `edited`, her mask); each decision records whether the review under the
 * CT SOP (reviewCase) escalated the structure and, when it did, why — for the nodules a missed or a
 * false nodule when an annotator missed or added one, otherwise (and for the lungs) a boundary
 * disagreement. The SOP Instance UIDs and the time come from the plan, so every run writes the same bytes.
 * Without sign-in the adjudicator, like every person of the cohort, is self-declared; `npm start`
 * with sign-in has her authenticated (`adjudicatorAuthentication`, recorded in both objects) and then
 * signs the report for her (packages/server). Only headers change: the reference SEG's Pixel Data,
 * whose SHA-256 the report records, is the same either way.
 */
import {
  describeJudgedSeg, type AuthenticatedIdentity, gridFromSourceImages, readSegmentation, reviewCase, writeAdjudication,
  type JudgedSegmentation, type QcReasonInit, type SegmentDescriptionInit, type SourceImage, type StructureDecisionInit,
} from '@segqc/core';
import type { LesionDetection } from '../annotation/annotateChest';
import type { DemoReferencePlan } from '../cohort/adjudicationPlan';
import { DEMO_INSTITUTION } from '../cohort/annotators';
import { localDateTime } from '../cohort/dates';
import { ctLungNoduleSop } from './ctLungNoduleSop';
import { labelMaskOnGrid } from './labelMaskOnGrid';

export interface AdjudicatedCase {
  plan: DemoReferencePlan;
  /** The annotators' SEGs as written, in the plan's order (annotations A, B, C), with what each detected. */
  annotations: readonly { bytes: Uint8Array; login: string; detection: LesionDetection }[];
  /** The series they were drawn on, as the SEG writer described it. */
  sourceImages: readonly SourceImage[];
  /** The truth label volume (segment numbers as labels), in source image order. */
  truth: Uint8Array;
  segments: readonly SegmentDescriptionInit[];
  lesionSegmentNumber: number;
  /** The adjudicator's sign-in (issuer and subject); absent: self-declared. */
  adjudicatorAuthentication?: AuthenticatedIdentity;
}

export function adjudicationFiles(input: AdjudicatedCase): { referenceSeg: Uint8Array; report: Uint8Array } {
  const { plan, sourceImages } = input;
  const sop = ctLungNoduleSop();
  const annotations: JudgedSegmentation[] = input.annotations.map(({ bytes }) => ({ info: describeJudgedSeg(bytes), segmentation: readSegmentation(bytes, sourceImages) }));
  const review = reviewCase(annotations.map((annotation, n) => ({ id: input.annotations[n].login, segmentation: annotation.segmentation })), sop);
  const { grid, sliceOrder } = gridFromSourceImages(sourceImages, { allowGaps: true });

  const decisions = input.segments.map((segment): StructureDecisionInit => {
    const reviewed = review.structures.find((structure) => structure.structure.label === segment.label);
    if (!reviewed) throw new Error(`${plan.path}: the review of the case has no structure "${segment.label}"`);
    const escalated = reviewed.verdict === 'escalate';
    return {
      structureLabel: segment.label,
      method: { kind: 'edited', mask: labelMaskOnGrid(input.truth, segment.segmentNumber, grid, sliceOrder) },
      reasons: escalated ? reasonsFor(segment.segmentNumber === input.lesionSegmentNumber, input.annotations.map((a) => a.detection)) : [],
      escalated,
    };
  });

  const written = writeAdjudication({
    annotations,
    sourceImages,
    sop,
    decisions,
    checklist: sop.checklist.filter((item) => item.role === 'adjudicator').map((item) => ({ itemId: item.id, checked: true })),
    adjudicator: {
      name: plan.adjudicator.name, login: plan.adjudicator.login, organization: DEMO_INSTITUTION,
      ...(input.adjudicatorAuthentication ? { authentication: input.adjudicatorAuthentication } : {}),
    },
    now: localDateTime(plan.ContentDate, plan.ContentTime),
    uids: { referenceSeg: plan.SOPInstanceUID, report: plan.report.SOPInstanceUID },
  });
  return { referenceSeg: written.referenceSeg, report: written.report };
}

/** Why an escalated structure was escalated, as the truth explains it. */
function reasonsFor(lesionStructure: boolean, detections: readonly LesionDetection[]): QcReasonInit[] {
  if (!lesionStructure) return [{ reason: 'boundaryDisagreement' }];
  const reasons: QcReasonInit[] = [];
  if (detections.some((d) => d.missed.length > 0)) reasons.push({ reason: 'missedLesion' });
  if (detections.some((d) => d.falsePositives > 0)) reasons.push({ reason: 'falseLesion' });
  return reasons.length > 0 ? reasons : [{ reason: 'boundaryDisagreement' }];
}
