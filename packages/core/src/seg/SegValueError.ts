/**
 * A Segmentation value that cannot be written, named by its attribute path (e.g.
 * `SegmentSequence[2].SegmentLabel`) or, for inputs that are not attributes, by the input path
 * (e.g. `frames[1].mask`). Thrown before anything is built.
 */
import { DicomValueError } from '../dicom/DicomValueError';

export class SegValueError extends DicomValueError {
  constructor(attributePath: string, reason: string) {
    super(attributePath, reason);
    this.name = 'SegValueError';
  }
}

/** Runs `build`, re-throwing a generic DicomValueError from a shared check as a SegValueError. */
export function asSegValueErrors<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof DicomValueError && !(error instanceof SegValueError)) {
      throw new SegValueError(error.attributePath, error.reason);
    }
    throw error;
  }
}
