/**
 * A label volume file (NRRD, NIfTI) that cannot be read, naming the header field at fault, e.g.
 * `nrrd.space directions` or `nifti.dim[3]`.
 */
export class LabelVolumeError extends Error {
  readonly field: string;
  readonly reason: string;

  constructor(field: string, reason: string, options?: { cause?: unknown }) {
    super(`${field}: ${reason}`, options);
    this.name = 'LabelVolumeError';
    this.field = field;
    this.reason = reason;
  }
}
