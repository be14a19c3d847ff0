/**
 * The inventory of the whole annotation programme: every study of the PACS that holds a SEG
 * (studiesWithSegs), each read by caseInventory, a few at a time. A case whose reading fails is
 * listed with the reason and the others are still read; a study whose series turn out to hold no
 * SEG (its server did not list ModalitiesInStudy) is counted with those without.
 */
import type { DicomwebReadOptions } from '../dicomweb/dicomwebGet';
import type { CaseInventory } from './InventoryModel';
import { caseInventory } from './caseInventory';
import { studiesWithSegs } from './studiesWithSegs';

export interface ProgrammeInventoryOptions extends DicomwebReadOptions {
  /** Cases read at once; 4 when not given. */
  concurrency?: number;
  /** Studies per QIDO-RS page; 500 when not given. */
  pageSize?: number;
}

export interface ProgrammeInventory {
  /** The cases with at least one SEG, in the order the PACS listed their studies. */
  cases: CaseInventory[];
  /** Studies without any SEG. */
  studiesWithoutSegs: number;
  /** Cases that could not be read, with the reason. */
  failures: Array<{ studyInstanceUid: string; reason: string }>;
}

/** After each case read (or failed): how many of how many, and which study. */
export type InventoryProgress = (done: number, total: number, studyInstanceUid: string) => void;

export async function programmeInventory(root: string, options: ProgrammeInventoryOptions, onProgress?: InventoryProgress): Promise<ProgrammeInventory> {
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError(`concurrency must be an integer ≥ 1, got ${concurrency}`);
  const read: DicomwebReadOptions = { fetch: options.fetch, ...(options.headers !== undefined ? { headers: options.headers } : {}) };
  const listed = await studiesWithSegs(root, { ...read, ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}) });

  const outcomes = new Array<CaseInventory | { studyInstanceUid: string; reason: string }>(listed.studies.length);
  let next = 0;
  let done = 0;
  const readCases = async (): Promise<void> => {
    while (next < listed.studies.length) {
      const index = next++;
      const study = listed.studies[index];
      outcomes[index] = await caseInventory(root, study, read).catch((error: unknown) => ({ studyInstanceUid: study, reason: error instanceof Error ? error.message : String(error) }));
      onProgress?.(++done, listed.studies.length, study);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, listed.studies.length) }, readCases));

  const cases = outcomes.filter((outcome): outcome is CaseInventory => 'state' in outcome);
  const withSegs = cases.filter((c) => c.annotations.length + c.references.length > 0 || c.unreadable.some((object) => object.modality === 'SEG'));
  return {
    cases: withSegs,
    studiesWithoutSegs: listed.withoutSegs + cases.length - withSegs.length,
    failures: outcomes.filter((outcome): outcome is { studyInstanceUid: string; reason: string } => !('state' in outcome)),
  };
}
