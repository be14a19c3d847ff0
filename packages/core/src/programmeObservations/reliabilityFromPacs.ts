/**
 * The programme's reliability read from the PACS: the inventory of every case (programmeInventory,
 * unless the caller has it already), every case with something to compare observed
 * (observeCaseFromPacs, a few at a time or wherever `observe` runs them), and the statistics from
 * those observations (programmeReliability) with the programme's calibration cases. One
 * implementation for the viewer's dashboard worker and the `segqc drift` / `segqc report --html`
 * commands. A case that cannot be read is skipped with its reason; the others still count.
 */
import type { DicomwebReadOptions } from '../dicomweb/dicomwebGet';
import type { CaseInventory, InventoryUnreadable } from '../inventory/InventoryModel';
import { programmeInventory, type ProgrammeInventory } from '../inventory/programmeInventory';
import type { CalibrationCase } from '../programme/driftState';
import { ProgrammeInputError } from '../programme/ProgrammeInputError';
import type { Sop } from '../sop/Sop';
import type { CaseObservations } from './caseObservations';
import { failureText, observeCaseFromPacs, type CaseObservationOutcome, type SkippedCase } from './observeCaseFromPacs';
import { programmeReliability, type ProgrammeReliability, type ReliabilityOptions } from './programmeReliability';

/** inventory: cases listed (done of total); reading: cases whose SEGs were read and compared. */
export type ReliabilityStage = 'inventory' | 'reading';
export type ReliabilityProgress = (stage: ReliabilityStage, done: number, total: number) => void;

export interface ReliabilityFromPacsOptions extends DicomwebReadOptions {
  /** The programme's inventory when the caller has read it (e.g. for an overview too); read here otherwise. */
  inventory?: ProgrammeInventory;
  /** Cases observed at once; default 1. */
  concurrency?: number;
  /** Observes one case; default observeCaseFromPacs in this thread with `sops` (a CLI passes one that runs it in a worker thread). */
  observe?: (inventory: CaseInventory) => Promise<CaseObservationOutcome>;
  /** The SOP library each case's SOP is chosen from by the default `observe` (observeCaseFromPacs); none: every case is measured as without a SOP. */
  sops?: readonly Sop[];
  reliability?: ReliabilityOptions;
  onProgress?: ReliabilityProgress;
}

export interface ProgrammeReliabilityFromPacs {
  inventory: ProgrammeInventory;
  /** The observed cases, in inventory order. */
  observed: CaseObservations[];
  /** The cases with a GOLD reference, offered for recalibration. */
  calibrationCases: CalibrationCase[];
  reliability: ProgrammeReliability;
  /** Cases, SEGs and the objects the inventory could not read left out: inventory failures first, then in inventory order. */
  skipped: SkippedCase[];
}

/** The calibration cases of an inventory: those with a GOLD reference on a series of known modality. */
export function calibrationCasesOf(cases: readonly CaseInventory[]): CalibrationCase[] {
  return cases.filter((c) => c.calibration && c.modality).map((c) => ({ caseId: c.studyInstanceUid, modality: c.modality! }));
}

export async function reliabilityFromPacs(root: string, options: ReliabilityFromPacsOptions): Promise<ProgrammeReliabilityFromPacs> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ProgrammeInputError('options.concurrency', `must be an integer ≥ 1, got ${concurrency}`);
  const read: DicomwebReadOptions = { fetch: options.fetch, ...(options.headers !== undefined ? { headers: options.headers } : {}) };
  const progress = options.onProgress ?? (() => undefined);
  let inventory = options.inventory;
  if (!inventory) {
    progress('inventory', 0, 0);
    inventory = await programmeInventory(root, read, (done, total) => progress('inventory', done, total));
  }
  const cases = inventory.cases;
  const observe = options.observe ?? ((c: CaseInventory) => observeCaseFromPacs(root, c, read, options.sops));

  const outcomes = new Array<CaseObservationOutcome>(cases.length);
  let next = 0;
  let done = 0;
  progress('reading', 0, cases.length);
  const observeCases = async (): Promise<void> => {
    while (next < cases.length) {
      const index = next++;
      const { studyInstanceUid } = cases[index];
      outcomes[index] = await observe(cases[index]).catch((error: unknown) => ({
        observations: null,
        skipped: [{ studyInstanceUid, reason: `its SEGs could not be compared: ${failureText(error)}` }],
      }));
      progress('reading', ++done, cases.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, observeCases));

  const observed = outcomes.flatMap((outcome) => (outcome.observations ? [outcome.observations] : []));
  const calibrationCases = calibrationCasesOf(cases);
  return {
    inventory,
    observed,
    calibrationCases,
    reliability: programmeReliability(observed, calibrationCases, options.reliability),
    skipped: [
      ...inventory.failures.map(({ studyInstanceUid, reason }) => ({ studyInstanceUid, reason: `its inventory could not be read: ${reason}` })),
      ...cases.flatMap((c, n) => [...c.unreadable.map((object) => unreadableSkipped(c.studyInstanceUid, object)), ...outcomes[n].skipped]),
    ],
  };
}

/** An object of a case the inventory could not read (a hostile or damaged SR or SEG), named by its UID. */
function unreadableSkipped(studyInstanceUid: string, object: InventoryUnreadable): SkippedCase {
  return { studyInstanceUid, reason: `the ${object.modality} ${object.sopInstanceUid ?? `without a UID in series ${object.seriesInstanceUid}`} could not be read: ${object.reason}` };
}
