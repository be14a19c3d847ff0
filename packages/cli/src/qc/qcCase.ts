import {
  caseInventory, describeJudgedSeg, gridFromSourceImages, judgedInfoWithChoices, readSegmentation, retrieveInstance, retrieveSeriesMetadata, reviewCase,
  seriesSopAttributesFromDicomJson, sourceImageFromDicomJson, withMappedStructures, writeReviewReport, type AuthenticatedIdentity, type CaseInventory, type DicomwebReadOptions, type Segmentation,
} from '@segqc/core';
import { annotationRefs } from './annotationRefs';
import { sliceThicknessWarnings } from './sliceThicknessWarnings';
import { sparsePaintingWarnings } from './sparsePaintingWarnings';
import { QcCaseError } from './QcCaseError';
import type { JudgedCase, QcCaseResult } from './QcCaseResult';
import { reviewedResult } from './caseResultOf';
import { sopForCase, type CaseSop } from './sopForCase';
import type { SopLibrary } from './sopLibrary';

export interface QcCaseContext {
  root: string;
  read: DicomwebReadOptions;
  library: SopLibrary;
  /**
   * With --write-reports: the reviewer the stored reports name, with the sign-in at an OpenID
   * Provider that authenticated them; without `authentication` the reports record them as self-declared.
   */
  writeReports: { name: string; login: string; authentication?: AuthenticatedIdentity } | null;
  /** STOW-RS of one Part 10 file. */
  store: (bytes: Uint8Array) => Promise<unknown>;
  now: () => Date;
}

/**
 * `segqc qc` on one case, as the viewer's reviewer sees it (extensions/segmentation-qc/src/review/
 * caseInWorker.ts): the case's inventory; with two or more annotations of one series, the source
 * series' geometry from WADO-RS metadata (no pixels; a missing slice stays an empty slice), each
 * annotation SEG read onto it (an unreadable one is left out with its reason; so is any object the
 * inventory could not read), the SOP in force
 * (sopForCase), and reviewCase over every pair and structure. With --write-reports the review is
 * stored as an unsigned QC report revising the study's latest. Never rejects: a case that cannot
 * be judged is a `failed` result with the reason.
 */
export async function qcCase(studyInstanceUid: string, context: QcCaseContext): Promise<QcCaseResult> {
  return (await judgedCase(studyInstanceUid, context)).result;
}

/** qcCase with the inventory it read (null when it could not be read): `segqc sync` keeps the overview's row of the case from it. */
export async function judgedCase(studyInstanceUid: string, context: QcCaseContext): Promise<JudgedCase> {
  const started = Date.now();
  const seconds = () => Math.round(Date.now() - started) / 1000;
  const result: QcCaseResult = {
    studyInstanceUid, status: 'failed', sourceSeriesInstanceUid: null, modality: null, annotations: [], excluded: [], warnings: [], unreadable: [], sop: null, sopReason: null, state: null,
    verdict: null, structures: [], pairs: [], report: null, error: null, seconds: 0,
  };
  let read: CaseInventory | null = null;
  try {
    const inventory = await caseInventory(context.root, studyInstanceUid, context.read);
    read = inventory;
    const compared = inventory.annotations.filter((seg) => seg.sourceSeriesInstanceUid !== null && seg.sourceSeriesInstanceUid === inventory.sourceSeriesInstanceUid);
    Object.assign(result, { state: inventory.state, sourceSeriesInstanceUid: inventory.sourceSeriesInstanceUid, modality: inventory.modality, annotations: annotationRefs(compared, inventory.reviewerChoices), unreadable: inventory.unreadable });
    // An annotation drawn on another series is not compared with these: listed, never dropped in silence.
    for (const seg of inventory.annotations.filter((candidate) => !compared.includes(candidate))) {
      const drawnOn = seg.sourceSeriesInstanceUid === null ? 'names no source series (ReferencedSeriesSequence)' : `was drawn on series ${seg.sourceSeriesInstanceUid}`;
      result.excluded.push({ id: seg.attribution.name, sopInstanceUid: seg.sopInstanceUid, reason: `${drawnOn}, not on the compared series ${inventory.sourceSeriesInstanceUid ?? '(none)'}` });
    }
    if (compared.length < 2) return { result: { ...result, status: 'not-double-read', seconds: seconds() }, inventory };
    return { result: await judge(inventory, result, context, seconds), inventory };
  } catch (error) {
    return { result: { ...result, status: 'failed', error: error instanceof Error ? error.message : String(error), seconds: seconds() }, inventory: read };
  }
}

async function judge(inventory: CaseInventory, result: QcCaseResult, context: QcCaseContext, seconds: () => number): Promise<QcCaseResult> {
  const { root, read } = context;
  const study = inventory.studyInstanceUid;
  const source = { studyInstanceUid: study, seriesInstanceUid: result.sourceSeriesInstanceUid! };
  const metadata = await retrieveSeriesMetadata(root, source, read);
  if (metadata.length === 0) throw new QcCaseError(`the source series ${source.seriesInstanceUid} has no instance in the PACS`);
  const sourceImages = metadata.map((dataset, n) => sourceImageFromDicomJson(dataset, `source series instance ${n}`));
  const { grid } = gridFromSourceImages(sourceImages, { allowGaps: true });
  result.warnings.push(...sliceThicknessWarnings(result.annotations, inventory.annotations, sourceImages[0]!.SliceThickness ?? grid.spacing[2]));

  const caseSop: CaseSop = sopForCase(context.library, result.annotations.map((a) => ({ id: a.id, sop: inventory.annotations.find((seg) => seg.sopInstanceUid === a.sopInstanceUid)!.sop })), seriesSopAttributesFromDicomJson(metadata[0]));
  result.sop = caseSop.sop && caseSop.file ? { id: caseSop.sop.reference.id, version: caseSop.sop.reference.version, sha256: caseSop.sop.reference.sha256, file: caseSop.file, chosenBy: caseSop.chosenBy } : null;
  result.sopReason = caseSop.reason;

  const segmentations = new Map<string, { segmentation: Segmentation; bytes: Uint8Array }>();
  for (const annotation of result.annotations) {
    try {
      const bytes = await retrieveInstance(root, { studyInstanceUid: study, seriesInstanceUid: annotation.seriesInstanceUid, sopInstanceUid: annotation.sopInstanceUid }, read);
      // A segment a reviewer mapped to a structure by hand is compared as that structure.
      segmentations.set(annotation.id, { segmentation: withMappedStructures(readSegmentation(bytes, grid), annotation.sopInstanceUid, inventory.reviewerChoices), bytes });
    } catch (error) {
      result.excluded.push({ id: annotation.id, sopInstanceUid: annotation.sopInstanceUid, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  const included = result.annotations.filter(({ id }) => segmentations.has(id));
  result.warnings.push(...sparsePaintingWarnings(included, new Map([...segmentations].map(([id, { segmentation }]) => [id, segmentation]))));
  if (included.length < 2) throw new QcCaseError(`agreement needs two readable annotations; ${result.excluded.map(({ id, reason }) => `${id}: ${reason}`).join('; ')}`);

  const review = reviewCase(included.map(({ id }) => ({ id, segmentation: segmentations.get(id)!.segmentation })), caseSop.sop);
  if (context.writeReports) {
    const latest = inventory.qcReports[inventory.qcReports.length - 1];
    const predecessor = latest && await retrieveInstance(root, { studyInstanceUid: study, seriesInstanceUid: latest.seriesInstanceUid, sopInstanceUid: latest.sopInstanceUid }, read);
    const { report, reportSopInstanceUid } = writeReviewReport({
      annotations: included.map(({ id }) => {
        const { bytes, segmentation } = segmentations.get(id)!;
        return { info: judgedInfoWithChoices(describeJudgedSeg(bytes), segmentation, inventory.reviewerChoices), segmentation };
      }),
      review,
      sourceImages,
      ...(caseSop.sop ? { sop: caseSop.sop } : {}),
      reviewer: context.writeReports,
      now: context.now(),
      ...(predecessor ? { predecessor } : {}),
    });
    await context.store(report);
    result.report = { sopInstanceUid: reportSopInstanceUid, revises: latest?.sopInstanceUid ?? null };
  }
  return reviewedResult({ ...result, seconds: seconds() }, review);
}
