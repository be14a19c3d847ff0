/**
 * A Segmentation (or other DICOM file) that cannot be read, named by the attribute path of what is
 * wrong (PS3.6 keywords joined by `.`, zero-based sequence items in `[ ]`), e.g.
 * `PerFrameFunctionalGroupsSequence[12].PlanePositionSequence[0].ImagePositionPatient`. Thrown for
 * malformed bytes (lengths past the end, missing delimiters), missing or invalid required
 * attributes, and inconsistent sizes, always before any allocation those sizes would ask for.
 */
import { DicomValueError } from '../../dicom/DicomValueError';

export class SegParseError extends DicomValueError {
  constructor(attributePath: string, reason: string) {
    super(attributePath, reason);
    this.name = 'SegParseError';
  }
}
