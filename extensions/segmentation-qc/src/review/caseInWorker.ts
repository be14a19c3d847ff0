import {
  BitMask, discrepancyMap, gridFromSourceImages, lesionSizeText, readSegmentation, retrieveInstance, retrieveSeriesMetadata, reviewCase, reviewerChoicesOfReports, sourceImageFromDicomJson, sparsePaintingWarning,
  SopReference, withMappedStructures, type CaseReview, type ReadFetchLike, type ReviewerChoices, type Segmentation, type Sop, type SourceImage,
} from '@segqc/core';
import { describeFailure } from '../describeFailure';
import { adjudicationInForce, qcReportsOfStudy, type StoredQcReport } from './qcReportsOfStudy';
import { summarizeReview } from './summarizeReview';
import type { CaseReviewSummary, DiscrepancySummary } from './reviewSummary';
import type { AnnotationRef, DiscrepancyRequest, ReviewRequest } from './workerProtocol';

export type ProgressReport = (stage: 'retrieving' | 'comparing', done: number, total: number) => void;

/** The case the worker last reviewed: its masks stay here for the discrepancy overlay. */
export interface ReviewedCase {
  request: ReviewRequest;
  review: CaseReview;
  segmentations: Map<string, Segmentation>;
  /** Each annotation's SEG as stored: the adjudication hashes and references them. */
  segBytes: Map<string, Uint8Array>;
  sourceImages: SourceImage[];
  /** The SOP in force, its reference a SopReference again (a structured clone keeps data, not classes). */
  sop: Sop | null;
  /** The signed adjudication in force, shown in the panel. */
  adjudication: StoredQcReport | null;
  /** The study's latest QC report (review or adjudication): the next one written revises it. */
  latestReport: { sopInstanceUid: string; bytes: Uint8Array } | null;
  /** What the reviewer set by hand (attributions, mapped segments): applied to the segmentations, recorded in the reports written. */
  choices: ReviewerChoices;
}

/**
 * Reviews one case from the PACS: the source series' geometry (WADO-RS metadata, no pixels),
 * every annotation SEG read onto it, then every pair and structure judged against the SOP.
 */
export async function reviewCaseFromPacs(request: ReviewRequest, fetch: ReadFetchLike, report: ProgressReport): Promise<{ reviewed: ReviewedCase; summary: CaseReviewSummary }> {
  const options = { fetch, headers: request.headers };
  const steps = request.annotations.length + 2;
  report('retrieving', 0, steps);
  const metadata = await retrieveSeriesMetadata(request.dicomwebRoot, { studyInstanceUid: request.studyInstanceUid, seriesInstanceUid: request.sourceSeriesInstanceUid }, options);
  const sourceImages = metadata.map((dataset, n) => sourceImageFromDicomJson(dataset, `source series instance ${n}`));
  // Gaps stay empty slices, as the CLI reads them: a missing slice must not shift the others.
  const sourceGrid = gridFromSourceImages(sourceImages, { allowGaps: true });
  report('retrieving', 1, steps);

  // The reports first: the reviewer's choices they record decide what a mapped segment is compared as.
  const { reports, unreadable: unreadableReports } = await qcReportsOfStudy(request.dicomwebRoot, request.studyInstanceUid, options);
  const choices = mergedChoices(reviewerChoicesOfReports(reports.map(({ report }) => report)), request.choices);

  const segmentations = new Map<string, Segmentation>();
  const segBytes = new Map<string, Uint8Array>();
  // An unreadable SEG is left out with its reason; the others are still compared.
  const excluded: Array<{ id: string; error: string }> = [];
  for (const [n, annotation] of request.annotations.entries()) {
    try {
      const bytes = await retrieveInstance(request.dicomwebRoot, { studyInstanceUid: request.studyInstanceUid, ...annotation }, options);
      segmentations.set(annotation.id, withMappedStructures(readSegmentation(bytes, sourceGrid.grid), annotation.sopInstanceUid, choices));
      segBytes.set(annotation.id, bytes);
    } catch (error) {
      excluded.push({ id: annotation.id, error: describeFailure(error) });
    }
    report('retrieving', n + 2, steps);
  }
  const included = request.annotations.filter(({ id }) => segmentations.has(id));
  if (included.length < 2) {
    throw new Error(`agreement needs two readable annotations; ${excluded.map(({ id, error }) => `${id}: ${error}`).join('; ')}`);
  }

  const adjudication = adjudicationInForce(reports);
  const latest = reports[reports.length - 1];
  report('retrieving', steps, steps);

  const sop = request.sop && { ...request.sop, reference: new SopReference(request.sop.reference) };
  const review = reviewCase(
    included.map(({ id }) => ({ id, segmentation: segmentations.get(id)! })),
    sop,
    { onProgress: (done, total) => report('comparing', done, total) },
  );
  const sliceSopInstanceUids = sourceGrid.sliceOrder.map((index) => (index < 0 ? '' : sourceImages[index].SOPInstanceUID));
  return {
    // Letters A, B, … of the adjudication follow the annotations compared.
    reviewed: { request: { ...request, annotations: included }, review, segmentations, segBytes, sourceImages, sop, adjudication, latestReport: latest ? { sopInstanceUid: latest.sopInstanceUid, bytes: latest.bytes } : null, choices },
    summary: { ...summarizeReview(review, sourceGrid, sliceSopInstanceUids, adjudication), excluded, unreadableReports, choices, warnings: sparsePainting(included, segmentations) },
  };
}

/** Each compared segment painted with skipped slices, as `segqc qc` warns of it. */
function sparsePainting(annotations: readonly AnnotationRef[], segmentations: ReadonlyMap<string, Segmentation>): Array<{ id: string; warning: string }> {
  return annotations.flatMap(({ id }) => segmentations.get(id)!.segments.flatMap((segment) => {
    const warning = sparsePaintingWarning(segment);
    return warning === null ? [] : [{ id, warning }];
  }));
}

/** The reports' choices with the panel's over them, SEG by SEG and segment by segment. */
function mergedChoices(stored: ReviewerChoices, panel: ReviewerChoices): ReviewerChoices {
  return { attributions: { ...stored.attributions, ...panel.attributions }, structures: { ...stored.structures, ...panel.structures } };
}

/** Both / A only / B only of one structure and pair; a structure one side lacks is all the other's. */
export function discrepancyOf(reviewed: ReviewedCase, request: DiscrepancyRequest): DiscrepancySummary {
  const row = reviewed.review.rows.find((r) => String(r.structureIndex) === request.structureKey && ((r.a === request.a && r.b === request.b) || (r.a === request.b && r.b === request.a)));
  if (!row) throw new Error(`no comparison of ${request.a} and ${request.b} on that structure in this case`);
  const maskOf = (id: string, segment: { number: number } | null): BitMask => {
    const segmentation = reviewed.segmentations.get(id)!;
    return segment ? segmentation.segments.find((s) => s.number === segment.number)!.mask : new BitMask(segmentation.grid);
  };
  const [a, b] = row.a === request.a ? [maskOf(row.a, row.segmentA), maskOf(row.b, row.segmentB)] : [maskOf(row.b, row.segmentB), maskOf(row.a, row.segmentA)];
  // Regions smaller than the SOP structure's minLesionSize are no discrepancy to walk to (issue 14).
  const map = discrepancyMap(a, b, { minLesionSize: row.minLesionSize });
  return {
    labels: map.labels,
    counts: map.counts,
    regions: map.regions.map((region) => ({ voxels: region.voxels, kind: region.kind, slice: region.largestSlice, box: region.boundingBox })),
    smallRegions: map.smallRegions,
    minLesionSize: lesionSizeText(row.minLesionSize),
  };
}
