/**
 * The programme read from the PACS, in the programme worker: the inventory of every case (QIDO-RS
 * and WADO-RS metadata, no pixel data), then, for the dashboard, every compared case's SEGs read
 * onto their source grid and turned into observations (core caseObservations), and the programme's
 * reliability from them (core programmeReliability). Every request carries the user's auth headers.
 */
import {
  caseObservations, dicomwebGet, gridFromSourceImages, jsonString, programmeInventory, programmeReliability, qidoQueryString, readDicomJsonArray,
  readSegmentation, retrieveInstance, retrieveSeriesMetadata, sourceImageFromDicomJson,
  type CaseInventory, type CaseObservations, type DicomJsonDataset, type DicomwebReadOptions, type InventorySeg, type ObservedAnnotation, type ReadFetchLike,
} from '@segqc/core';
import { describeFailure } from '../describeFailure';
import { annotatorOf, caseSummary, dicomDateTimeToIso, STUDY_TAGS } from './caseSummary';
import type { InventoryRequest, ProgrammeInventoryResult, ProgrammeReliabilityResult, ProgrammeStage, ReliabilityRequest, SkippedCase } from './programmeWorkerProtocol';

export type ProgrammeProgress = (stage: ProgrammeStage, done: number, total: number) => void;

const STUDY_PAGE = 500;

/** Display attributes of every study, by QIDO-RS Search for Studies paged as the inventory pages it. */
async function studyAttributes(root: string, read: DicomwebReadOptions): Promise<Map<string, DicomJsonDataset>> {
  const studies = new Map<string, DicomJsonDataset>();
  const includefield = Object.values(STUDY_TAGS).filter((tag) => tag !== STUDY_TAGS.StudyInstanceUID);
  for (let offset = 0; ; offset += STUDY_PAGE) {
    const url = `${root.replace(/\/+$/, '')}/studies${qidoQueryString({ includefield, limit: STUDY_PAGE, offset })}`;
    const page = await readDicomJsonArray(await dicomwebGet(url, 'application/dicom+json', read), url);
    const before = studies.size;
    for (const dataset of page) {
      const uid = jsonString(dataset, STUDY_TAGS.StudyInstanceUID);
      if (uid !== undefined) studies.set(uid, dataset);
    }
    if (page.length < STUDY_PAGE || studies.size === before) break;
  }
  return studies;
}

export async function inventoryFromPacs(
  request: InventoryRequest | ReliabilityRequest, fetch: ReadFetchLike, progress: ProgrammeProgress,
): Promise<{ result: ProgrammeInventoryResult; inventories: CaseInventory[] }> {
  const read: DicomwebReadOptions = { fetch, headers: request.headers };
  progress('inventory', 0, 0);
  const inventory = await programmeInventory(request.dicomwebRoot, read, (done, total) => progress('inventory', done, total));
  const studies = await studyAttributes(request.dicomwebRoot, read);
  return {
    inventories: inventory.cases,
    result: {
      cases: inventory.cases.map((c) => caseSummary(c, studies.get(c.studyInstanceUid))),
      studiesWithoutSegs: inventory.studiesWithoutSegs,
      skipped: inventory.failures.map(({ studyInstanceUid, reason }) => ({ studyInstanceUid, reason: `its inventory could not be read: ${reason}` })),
    },
  };
}

/** The latest SEG of each annotator on the compared series (the inventory lists them oldest first). */
function latestPerAnnotator(segs: readonly InventorySeg[]): InventorySeg[] {
  const latest = new Map<string, InventorySeg>();
  for (const seg of segs) latest.set(annotatorOf(seg), seg);
  return [...latest.values()];
}

/**
 * One case's observations, or null when it has nothing to compare (fewer than two annotations and
 * no reference standard). The reference standard is the case's latest GOLD SEG on the compared
 * series (a calibration case), else its latest ADJUDICATED one. An unreadable SEG is left out and
 * reported; the others are still compared.
 */
export async function observeCase(root: string, inventory: CaseInventory, read: DicomwebReadOptions, skipped: SkippedCase[]): Promise<CaseObservations | null> {
  const { studyInstanceUid, sourceSeriesInstanceUid, modality } = inventory;
  if (!sourceSeriesInstanceUid || !modality) return null;
  const onSource = (seg: InventorySeg) => seg.sourceSeriesInstanceUid === sourceSeriesInstanceUid;
  const annotations = latestPerAnnotator(inventory.annotations.filter(onSource));
  const references = inventory.references.filter(onSource);
  const gold = references.filter((seg) => seg.contentLabel === 'GOLD').pop();
  const referenceSeg = gold ?? references.filter((seg) => seg.contentLabel === 'ADJUDICATED').pop() ?? null;
  if (annotations.length === 0 || (annotations.length < 2 && !referenceSeg)) return null;

  const metadata = await retrieveSeriesMetadata(root, { studyInstanceUid, seriesInstanceUid: sourceSeriesInstanceUid }, read);
  const sourceImages = metadata.map((dataset, n) => sourceImageFromDicomJson(dataset, `source series instance ${n}`));
  // Gaps stay empty slices, as the reviewer and the CLI read them: a missing slice must not shift the others.
  const { grid } = gridFromSourceImages(sourceImages, { allowGaps: true });
  const readSeg = async (seg: InventorySeg) => {
    try {
      const bytes = await retrieveInstance(root, { studyInstanceUid, seriesInstanceUid: seg.seriesInstanceUid, sopInstanceUid: seg.sopInstanceUid }, read);
      return readSegmentation(bytes, grid);
    } catch (error) {
      skipped.push({ studyInstanceUid, reason: `the SEG ${seg.sopInstanceUid} of ${annotatorOf(seg)} was left out: ${describeFailure(error)}` });
      return null;
    }
  };
  const [reference, ...segmentations] = await Promise.all([referenceSeg ? readSeg(referenceSeg) : Promise.resolve(null), ...annotations.map(readSeg)]);
  const observed: ObservedAnnotation[] = annotations.flatMap((seg, n) => {
    const segmentation = segmentations[n];
    return segmentation ? [{ annotator: annotatorOf(seg), date: dicomDateTimeToIso(seg.contentDate, seg.contentTime), segmentation }] : [];
  });
  if (observed.length === 0 || (observed.length < 2 && !reference)) return null;
  return caseObservations({
    caseId: studyInstanceUid,
    modality,
    annotations: observed,
    reference: reference && referenceSeg ? { kind: referenceSeg.contentLabel === 'GOLD' ? 'gold' : 'adjudicated', segmentation: reference } : null,
  });
}

export async function reliabilityFromPacs(request: ReliabilityRequest, fetch: ReadFetchLike, progress: ProgrammeProgress): Promise<ProgrammeReliabilityResult> {
  const { result, inventories } = await inventoryFromPacs(request, fetch, progress);
  const read: DicomwebReadOptions = { fetch, headers: request.headers };
  const skipped = [...result.skipped];
  const observed: CaseObservations[] = [];
  progress('reading', 0, inventories.length);
  for (const [n, inventory] of inventories.entries()) {
    try {
      const observations = await observeCase(request.dicomwebRoot, inventory, read, skipped);
      if (observations) observed.push(observations);
    } catch (error) {
      skipped.push({ studyInstanceUid: inventory.studyInstanceUid, reason: `its SEGs could not be compared: ${describeFailure(error)}` });
    }
    progress('reading', n + 1, inventories.length);
  }
  const calibrationCases = inventories.filter((c) => c.calibration && c.modality).map((c) => ({ caseId: c.studyInstanceUid, modality: c.modality! }));
  return {
    ...result,
    skipped,
    reliability: programmeReliability(observed, calibrationCases),
    structures: observed.map((o) => ({ studyInstanceUid: o.caseId, structures: o.structures })),
  };
}
