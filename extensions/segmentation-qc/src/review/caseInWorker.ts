import {
  BitMask, discrepancyMap, lesionSizeText, reviewCase, reviewerChoicesOfReports, sparsePaintingWarning,
  SopReference, withMappedStructures, type CaseReview, type ReadFetchLike, type ReviewerChoices, type Segmentation, type Sop, type SourceImage,
} from '@segqc/core';
import { describeFailure } from '../describeFailure';
import { adjudicationInForce, qcReportsOfStudy, type StoredQcReport } from './qcReportsOfStudy';
import { summarizeReview } from './summarizeReview';
import type { CaseReviewSummary, DiscrepancySummary } from './reviewSummary';
import type { StudyReadCache } from './studyReadCache';
import type { AnnotationRef, DiscrepancyRequest, ReviewRequest } from './workerProtocol';

/** Progress of a review; while comparing, with the rows computed so far. */
export type ProgressReport = (stage: 'retrieving' | 'comparing', done: number, total: number, partial?: CaseReviewSummary) => void;

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

/** A review asked for again before this one finished: its answer would be thrown away, so it stops. */
export class SupersededReview extends Error {
  override readonly name = 'SupersededReview';
}

/**
 * Reviews one case from the PACS: the source series' geometry (WADO-RS metadata, no pixels) and
 * every annotation SEG, retrieved at once and read onto it (through the worker's StudyReadCache, so a
 * review asked for again reads nothing twice), then every pair and structure judged against the SOP.
 * `isCurrent` says whether this review is still the one asked for; once it is not, it stops at the
 * next step with a SupersededReview.
 */
export async function reviewCaseFromPacs(
  request: ReviewRequest, cache: StudyReadCache, fetch: ReadFetchLike, report: ProgressReport, isCurrent: () => boolean = () => true,
): Promise<{ reviewed: ReviewedCase; summary: CaseReviewSummary }> {
  const options = { fetch, headers: request.headers };
  const study = cache.study(request.studyInstanceUid, request.dicomwebRoot, options);
  const current = <T>(value: T): T => {
    if (!isCurrent()) throw new SupersededReview('a newer review of the case was asked for');
    return value;
  };
  const steps = request.annotations.length + 2;
  report('retrieving', 0, steps);
  let retrieved = 0;
  // Everything at once: the geometry, the reports, each SEG (decoded as soon as it and the geometry are in).
  const sourceRead = study.sourceSeries(request.sourceSeriesInstanceUid, request.sourceImages).then((source) => (report('retrieving', ++retrieved, steps), source));
  const segsRead = request.annotations.map((annotation) =>
    study.seg(annotation, request.sourceSeriesInstanceUid, request.sourceImages).then(
      (read) => (report('retrieving', ++retrieved, steps), { annotation, read, error: null }),
      (error: unknown) => (report('retrieving', ++retrieved, steps), { annotation, read: null, error: describeFailure(error) }),
    ));
  // The reports first: the reviewer's choices they record decide what a mapped segment is compared as.
  const { reports, unreadable: unreadableReports } = current(await qcReportsOfStudy(request.dicomwebRoot, request.studyInstanceUid, options));
  const choices = mergedChoices(reviewerChoicesOfReports(reports.map(({ report }) => report)), request.choices);
  const { sourceImages, sourceGrid } = current(await sourceRead);

  const segmentations = new Map<string, Segmentation>();
  const segBytes = new Map<string, Uint8Array>();
  // An unreadable SEG is left out with its reason; the others are still compared.
  const excluded: Array<{ id: string; error: string }> = [];
  for (const { annotation, read, error } of current(await Promise.all(segsRead))) {
    if (!read) {
      excluded.push({ id: annotation.id, error: error! });
      continue;
    }
    segmentations.set(annotation.id, withMappedStructures(read.segmentation, annotation.sopInstanceUid, choices));
    segBytes.set(annotation.id, read.bytes);
  }
  const included = request.annotations.filter(({ id }) => segmentations.has(id));
  if (included.length < 2) {
    throw new Error(`agreement needs two readable annotations; ${excluded.map(({ id, error }) => `${id}: ${error}`).join('; ')}`);
  }

  const adjudication = adjudicationInForce(reports);
  const latest = reports[reports.length - 1];
  report('retrieving', steps, steps);

  const sop = request.sop && { ...request.sop, reference: new SopReference(request.sop.reference) };
  const sliceSopInstanceUids = sourceGrid.sliceOrder.map((index) => (index < 0 ? '' : sourceImages[index].SOPInstanceUID));
  // Each row as soon as it is computed, smallest structures first: the reviewer reads while the lungs are measured.
  let comparisons = 0;
  const review = reviewCase(
    included.map(({ id }) => ({ id, segmentation: segmentations.get(id)! })),
    sop,
    {
      onProgress: (done, total) => {
        comparisons = total;
        if (done === total) report('comparing', done, total);
      },
      onPartial: (partial) => report('comparing', partial.rows.length, comparisons, { ...summarizeReview(partial, sourceGrid, sliceSopInstanceUids, adjudication), excluded, unreadableReports, choices, warnings: [] }),
    },
  );
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
