/**
 * A SOP that crossed a thread by structured clone (worker_threads' workerData, postMessage) with its
 * reference a SopReference again: the clone keeps every field but not the reference's class, whose
 * shortHash and toProtocolName selectSop and the SOP's users call.
 */
import { SopReference } from '../seg/SopReference';
import type { Sop } from './Sop';

export function revivedSop(cloned: Sop): Sop {
  return { ...cloned, reference: SopReference.from(cloned.reference, 'id') };
}
