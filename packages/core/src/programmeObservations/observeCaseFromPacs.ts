/**
 * One case of the programme read from the PACS and turned into its observations (caseObservations):
 * the source series' geometry from WADO-RS series metadata (no pixel data), then the compared SEGs
 * retrieved and read onto that grid, and measured under the SOP in force for the case (sopInForce:
 * the one its annotations name, else the one that applies to the series), so that its lesion counts
 * leave out components below the SOP's minimum lesion size as the review does. Shared by the
 * viewer's programme worker and `segqc drift` / `segqc report --html`, so that both chart the same numbers.
 */
import { retrieveInstance } from '../dicomweb/retrieveInstance';
import { retrieveSeriesMetadata } from '../dicomweb/retrieveSeriesMetadata';
import type { DicomwebReadOptions } from '../dicomweb/dicomwebGet';
import { sourceImageFromDicomJson } from '../dicomweb/sourceImageFromDicomJson';
import { isoDateTime } from '../audit/isoDateTime';
import type { Sop } from '../sop/Sop';
import { seriesSopAttributesFromDicomJson } from '../sop/seriesSopAttributesFromDicomJson';
import { sopInForce } from '../sop/sopInForce';
import type { CaseInventory, InventorySeg } from '../inventory/InventoryModel';
import { readSegmentation } from '../seg/read/readSegmentation';
import { gridFromSourceImages } from '../volume/sourceGrid';
import { withMappedStructures } from '../review/reviewerChoices';
import { annotatorOf } from './annotatorOf';
import { isSignedAdjudication } from '../inventory/qcState';
import { caseObservations, type CaseObservations, type ObservedAnnotation, type ReferenceOrigin } from './caseObservations';

/** A case, or one object of it, left out of the programme's statistics, with the reason: shown, never dropped in silence. */
export interface SkippedCase {
  studyInstanceUid: string;
  reason: string;
}

export interface CaseObservationOutcome {
  /** null when the case has nothing to compare: fewer than two readable annotations and no reference standard. */
  observations: CaseObservations | null;
  /** SEGs of the case that could not be read (the others are still compared). */
  skipped: SkippedCase[];
}

export const failureText = (error: unknown): string => (error instanceof Error ? error.message || error.name : String(error));

/** The latest SEG of each annotator on the compared series (the inventory lists them oldest first). */
function latestPerAnnotator(segs: readonly InventorySeg[]): InventorySeg[] {
  const latest = new Map<string, InventorySeg>();
  for (const seg of segs) latest.set(annotatorOf(seg), seg);
  return [...latest.values()];
}

/**
 * How each segment of an ADJUDICATED reference SEG was made, from the latest signed adjudication
 * (QC report) that judged that SEG: its decision on each structure, the accepted annotation's letter
 * read as the SEG it names in that structure and that SEG's annotator. Review reports are not read:
 * their "agreed" is about the annotations, not about how a reference was made.
 */
export function referenceOriginsOf(inventory: CaseInventory, referenceSopInstanceUid: string): Record<number, ReferenceOrigin> {
  const report = inventory.qcReports
    .map(({ report }) => report)
    .filter((r) => isSignedAdjudication(r) && r.structures.some((s) => s.annotations.some((a) => a.segment.sopInstanceUid === referenceSopInstanceUid)))
    .pop();
  const origins: Record<number, ReferenceOrigin> = {};
  if (!report) return origins;
  const segs = [...inventory.annotations, ...inventory.references];
  for (const structure of report.structures) {
    const own = structure.annotations.find((a) => a.segment.sopInstanceUid === referenceSopInstanceUid);
    const decision = structure.decision;
    if (!own || !decision) continue;
    const number = own.segment.segmentNumber;
    switch (decision.outcome) {
      case 'accepted': {
        const accepted = structure.annotations.find((a) => a.annotation === decision.acceptedAnnotation);
        const seg = accepted && segs.find((candidate) => candidate.sopInstanceUid === accepted.segment.sopInstanceUid);
        // An accepted SEG no longer in the PACS: its annotator as the report names them.
        const annotator = seg ? annotatorOf(seg) : accepted?.annotatorName ?? accepted?.annotatorLogin;
        if (annotator) origins[number] = { kind: 'accepted', annotator };
        break;
      }
      case 'edited':
        // The report does not record which mask the edit started from.
        origins[number] = { kind: 'edited', from: null };
        break;
      case 'majority':
      case 'staple':
      case 'agreed':
        origins[number] = { kind: 'consensus', method: decision.outcome };
        break;
      default:
        break;
    }
  }
  return origins;
}

/**
 * The reference standard is the case's latest GOLD SEG on the compared series (a calibration case),
 * else its latest ADJUDICATED one. Each annotator's latest SEG on that series is compared. A SEG
 * An ADJUDICATED reference carries how each of its structures was made (referenceOriginsOf), so that
 * it does not judge the annotator it was taken from. A SEG
 * that cannot be retrieved or read is left out and reported; anything else that fails (the source
 * series' metadata) rejects, for the caller to skip the whole case. `library`: the SOPs the case's
 * SOP is chosen from; without one, every case is measured as without a SOP (every component a lesion).
 */
export async function observeCaseFromPacs(root: string, inventory: CaseInventory, read: DicomwebReadOptions, library: readonly Sop[] = []): Promise<CaseObservationOutcome> {
  const { studyInstanceUid, sourceSeriesInstanceUid, modality } = inventory;
  const skipped: SkippedCase[] = [];
  const nothing: CaseObservationOutcome = { observations: null, skipped };
  if (!sourceSeriesInstanceUid || !modality) return nothing;
  const onSource = (seg: InventorySeg) => seg.sourceSeriesInstanceUid === sourceSeriesInstanceUid;
  const annotations = latestPerAnnotator(inventory.annotations.filter(onSource));
  const references = inventory.references.filter(onSource);
  const gold = references.filter((seg) => seg.contentLabel === 'GOLD').pop();
  const referenceSeg = gold ?? references.filter((seg) => seg.contentLabel === 'ADJUDICATED').pop() ?? null;
  if (annotations.length === 0 || (annotations.length < 2 && !referenceSeg)) return nothing;

  const metadata = await retrieveSeriesMetadata(root, { studyInstanceUid, seriesInstanceUid: sourceSeriesInstanceUid }, read);
  const sourceImages = metadata.map((dataset, n) => sourceImageFromDicomJson(dataset, `source series instance ${n}`));
  // Gaps stay empty slices, as the reviewer and `segqc qc` read them: a missing slice must not shift the others.
  const { grid } = gridFromSourceImages(sourceImages, { allowGaps: true });
  const readSeg = async (seg: InventorySeg) => {
    try {
      const bytes = await retrieveInstance(root, { studyInstanceUid, seriesInstanceUid: seg.seriesInstanceUid, sopInstanceUid: seg.sopInstanceUid }, read);
      return withMappedStructures(readSegmentation(bytes, grid), seg.sopInstanceUid, inventory.reviewerChoices);
    } catch (error) {
      skipped.push({ studyInstanceUid, reason: `the SEG ${seg.sopInstanceUid} of ${annotatorOf(seg)} was left out: ${failureText(error)}` });
      return null;
    }
  };
  const [reference, ...segmentations] = await Promise.all([referenceSeg ? readSeg(referenceSeg) : Promise.resolve(null), ...annotations.map(readSeg)]);
  const observed: ObservedAnnotation[] = annotations.flatMap((seg, n) => {
    const segmentation = segmentations[n];
    return segmentation ? [{ annotator: annotatorOf(seg), date: isoDateTime(seg.contentDate ?? undefined, seg.contentTime ?? undefined) ?? null, segmentation }] : [];
  });
  if (observed.length === 0 || (observed.length < 2 && !reference)) return nothing;
  // The series has an instance: gridFromSourceImages made a grid of it.
  const sop = sopInForce(library, annotations.map((seg) => ({ id: annotatorOf(seg), sop: seg.sop })), seriesSopAttributesFromDicomJson(metadata[0]));
  return {
    observations: caseObservations({
      caseId: studyInstanceUid,
      modality,
      annotations: observed,
      reference: reference && referenceSeg
        ? referenceSeg.contentLabel === 'GOLD'
          ? { kind: 'gold', segmentation: reference }
          : { kind: 'adjudicated', segmentation: reference, origins: referenceOriginsOf(inventory, referenceSeg.sopInstanceUid) }
        : null,
      ...(sop ? { sopStructures: sop.structures } : {}),
    }),
    skipped,
  };
}
