/**
 * The programme read from the PACS, in the programme worker: the inventory of every case (QIDO-RS
 * and WADO-RS metadata, no pixel data) with each study's display attributes, for the QC overview;
 * then, for the dashboard, the programme's reliability from every compared case's SEGs (core
 * reliabilityFromPacs, which `segqc drift` and `segqc report --html` share). Every request carries
 * the user's auth headers.
 */
import {
  caseSummary, meaningfulDiceChangesOf, programmeInventory, reliabilityFromPacs, studyAttributes, STUDY_TAGS, type Sop,
  type DicomwebReadOptions, type ProgrammeInventory, type ReadFetchLike,
} from '@segqc/core';
import { fetchSopLibrary } from '../sop/fetchSopLibrary';
import type { InventoryRequest, ProgrammeInventoryResult, ProgrammeReliabilityResult, ProgrammeStage, ReliabilityRequest } from './programmeWorkerProtocol';

export type ProgrammeProgress = (stage: ProgrammeStage, done: number, total: number) => void;

const STUDY_FIELDS = Object.values(STUDY_TAGS).filter((tag) => tag !== STUDY_TAGS.StudyInstanceUID);

export async function inventoryFromPacs(
  request: InventoryRequest | ReliabilityRequest, fetch: ReadFetchLike, progress: ProgrammeProgress,
): Promise<{ result: ProgrammeInventoryResult; inventory: ProgrammeInventory }> {
  const read: DicomwebReadOptions = { fetch, headers: request.headers };
  progress('inventory', 0, 0);
  const inventory = await programmeInventory(request.dicomwebRoot, read, (done, total) => progress('inventory', done, total));
  const studies = await studyAttributes(request.dicomwebRoot, STUDY_FIELDS, read);
  return {
    inventory,
    result: {
      cases: inventory.cases.map((c) => caseSummary(c, studies.get(c.studyInstanceUid))),
      studiesWithoutSegs: inventory.studiesWithoutSegs,
      skipped: inventory.failures.map(({ studyInstanceUid, reason }) => ({ studyInstanceUid, reason: `its inventory could not be read: ${reason}` })),
    },
  };
}

/**
 * The SOP library's SOPs as the viewer serves them (SOP_LIBRARY_URL, same origin as this worker); none
 * when it cannot be had: the drift charts then floor σ with core's DEFAULT_MEANINGFUL_DICE_CHANGE, and
 * every case is measured as without a SOP.
 */
async function servedSops(): Promise<readonly Sop[]> {
  try {
    return (await fetchSopLibrary()).sops;
  } catch {
    return [];
  }
}

/**
 * The overview's cases and the programme's reliability; core's skipped list has the inventory's
 * failures first. The SOP library (`sops`: the served library by default) gives the drift charts'
 * σ floor, each structure's meaningful Dice change, and each case's SOP (core sopInForce), whose
 * minimum lesion size its lesion counts follow, as `segqc drift` takes both from its own.
 */
export async function programmeReliabilityFromPacs(
  request: ReliabilityRequest, fetch: ReadFetchLike, progress: ProgrammeProgress, sops: () => Promise<readonly Sop[]> = servedSops,
): Promise<ProgrammeReliabilityResult> {
  const [{ result, inventory }, library] = await Promise.all([inventoryFromPacs(request, fetch, progress), sops()]);
  const reliabilityOptions = { drift: { meaningfulDiceChange: meaningfulDiceChangesOf(library) } };
  const { reliability, observed, skipped } = await reliabilityFromPacs(request.dicomwebRoot, {
    fetch, headers: request.headers, inventory, sops: library, onProgress: progress, reliability: reliabilityOptions,
  });
  return {
    ...result,
    skipped,
    reliability,
    structures: observed.map((o) => ({ studyInstanceUid: o.caseId, structures: o.structures })),
  };
}
