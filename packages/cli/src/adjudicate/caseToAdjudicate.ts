import {
  describeJudgedSeg, gridFromSourceImages, judgedInfoWithChoices, readSegmentation, retrieveInstance, retrieveSeriesMetadata, reviewCase,
  seriesSopAttributesFromDicomJson, sourceImageFromDicomJson, withMappedStructures,
  type CaseInventory, type CaseReview, type DicomwebReadOptions, type InventorySeg, type JudgedSegmentation, type Sop, type SourceImage,
} from '@segqc/core';
import { annotationRefs } from '../qc/annotationRefs';
import type { QcAnnotationRef } from '../qc/QcCaseResult';
import { sopForCase } from '../qc/sopForCase';
import type { SopLibrary } from '../qc/sopLibrary';
import { AdjudicateCaseError } from './AdjudicateCaseError';

/** One compared annotation: letter order is the order of `CaseToAdjudicate.annotations`. */
export interface AnnotationToAdjudicate {
  ref: QcAnnotationRef;
  seg: InventorySeg;
  /** As the report records it: the SEG's description with the reviewer's attributions and mapped segments. */
  judged: JudgedSegmentation;
}

/** A case read from the PACS as the viewer's adjudicator has it before signing. */
export interface CaseToAdjudicate {
  inventory: CaseInventory;
  /** The readable annotations of the compared series: A, B, … of the reports. */
  annotations: AnnotationToAdjudicate[];
  /** Annotations left out, with why (drawn on another series, unreadable on the source grid). */
  excluded: Array<{ id: string; reason: string }>;
  sourceImages: SourceImage[];
  sop: Sop | null;
  /** Where the SOP came from (a file of the library), for the messages. */
  sopFile: string | null;
  review: CaseReview;
  /** The study's latest QC report (a review's or an earlier adjudication's): the adjudication revises it. */
  latestReport: { sopInstanceUid: string; bytes: Uint8Array } | null;
}

/**
 * A case, from its inventory (core caseInventory), as `segqc qc` judges it and the viewer's adjudication panel has it (qcCase,
 * extensions/segmentation-qc/src/review/caseInWorker.ts): the inventory (with the reviewer's
 * choices its QC reports record), the annotations of the compared series each read onto the source
 * series' grid (metadata only, gaps allowed) with the segments a reviewer mapped compared as their
 * structure, the SOP in force (sopForCase), the review of every pair, and the latest QC report.
 * Rejects with an AdjudicateCaseError when fewer than two annotations can be compared.
 */
export async function caseToAdjudicate(root: string, inventory: CaseInventory, read: DicomwebReadOptions, library: SopLibrary): Promise<CaseToAdjudicate> {
  const { studyInstanceUid } = inventory;
  const source = inventory.sourceSeriesInstanceUid;
  const compared = inventory.annotations.filter((seg) => seg.sourceSeriesInstanceUid !== null && seg.sourceSeriesInstanceUid === source);
  const refs = annotationRefs(compared, inventory.reviewerChoices);
  const excluded = inventory.annotations.filter((seg) => !compared.includes(seg)).map((seg) => ({ id: seg.attribution.name, reason: `not drawn on the compared series ${source ?? '(none)'}` }));
  if (source === null || compared.length < 2) throw new AdjudicateCaseError(`not double-read: ${compared.length} annotation${compared.length === 1 ? '' : 's'} of one series`);

  const metadata = await retrieveSeriesMetadata(root, { studyInstanceUid, seriesInstanceUid: source }, read);
  if (metadata.length === 0) throw new AdjudicateCaseError(`the source series ${source} has no instance in the PACS`);
  const sourceImages = metadata.map((dataset, n) => sourceImageFromDicomJson(dataset, `source series instance ${n}`));
  const { grid } = gridFromSourceImages(sourceImages, { allowGaps: true });
  const caseSop = sopForCase(library, refs.map((ref, n) => ({ id: ref.id, sop: compared[n].sop })), seriesSopAttributesFromDicomJson(metadata[0]));

  const annotations: AnnotationToAdjudicate[] = [];
  for (const [n, ref] of refs.entries()) {
    try {
      const bytes = await retrieveInstance(root, { studyInstanceUid, seriesInstanceUid: ref.seriesInstanceUid, sopInstanceUid: ref.sopInstanceUid }, read);
      // A segment a reviewer mapped to a structure by hand is compared, and adjudicated, as that structure.
      const segmentation = withMappedStructures(readSegmentation(bytes, grid), ref.sopInstanceUid, inventory.reviewerChoices);
      annotations.push({ ref, seg: compared[n], judged: { info: judgedInfoWithChoices(describeJudgedSeg(bytes), segmentation, inventory.reviewerChoices), segmentation } });
    } catch (error) {
      excluded.push({ id: ref.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  if (annotations.length < 2) throw new AdjudicateCaseError(`agreement needs two readable annotations; ${excluded.map(({ id, reason }) => `${id}: ${reason}`).join('; ')}`);

  const review = reviewCase(annotations.map(({ ref, judged }) => ({ id: ref.id, segmentation: judged.segmentation })), caseSop.sop);
  const latest = inventory.qcReports[inventory.qcReports.length - 1];
  const latestReport = latest
    ? { sopInstanceUid: latest.sopInstanceUid, bytes: await retrieveInstance(root, { studyInstanceUid, seriesInstanceUid: latest.seriesInstanceUid, sopInstanceUid: latest.sopInstanceUid }, read) }
    : null;
  return { inventory, annotations, excluded, sourceImages, sop: caseSop.sop, sopFile: caseSop.file, review, latestReport };
}
