/**
 * An adjudication that cannot be signed, named by the input field at fault: `decisions[2].reasons`
 * (an escalated structure without a coded reason), `decisions[0].method.annotation` (an accepted
 * annotation the structure lacks), `checklist` (a required adjudicator item left unchecked),
 * `predecessor` (not a QC report of this study)… Thrown on construction, before anything is
 * written. A DicomValueError, so callers that show those show these alike.
 */
import { DicomValueError } from '../dicom/DicomValueError';
import { GeometryMismatchError } from '../volume/GeometryMismatchError';

export class AdjudicationInputError extends DicomValueError {
  constructor(input: string, reason: string) {
    super(input, reason);
    this.name = 'AdjudicationInputError';
  }
}

/**
 * Runs `check`, re-throwing a DicomValueError or GeometryMismatchError from a shared check as an
 * AdjudicationInputError at `input`, or at the path it named when that lies within `input`.
 */
export function asAdjudicationInputError<T>(input: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if ((error instanceof DicomValueError || error instanceof GeometryMismatchError) && !(error instanceof AdjudicationInputError)) {
      const named = error.attributePath;
      if (named === input || named.startsWith(`${input}.`) || named.startsWith(`${input}[`)) throw new AdjudicationInputError(named, error.reason);
      throw new AdjudicationInputError(input, named ? `${named}: ${error.reason}` : error.reason);
    }
    throw error;
  }
}
