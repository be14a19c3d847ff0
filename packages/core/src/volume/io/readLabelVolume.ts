/**
 * A label volume file of either kind, told apart by its first bytes, not its name: `NRRD000X`
 * is NRRD; gzip (1f 8b) or sizeof_hdr 348 / 540 (either byte order) is NIfTI. (A gzipped file
 * is taken for `.nii.gz`: NRRD compresses its data after a plain-text header, never the whole file.)
 */
import type { LabelVolume } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';
import { isGzip } from './gunzip';
import { niftiHeaderKind } from './niftiHeader';
import type { ReadLabelVolumeOptions } from './readLabelVolumeOptions';
import { readNifti } from './readNifti';
import { readNrrd } from './readNrrd';

export type LabelVolumeFormat = 'nrrd' | 'nifti';

/** The format of `bytes`, or undefined when they are neither NRRD nor NIfTI. */
export function labelVolumeFormat(bytes: Uint8Array): LabelVolumeFormat | undefined {
  if (bytes.length >= 4 && String.fromCharCode(...bytes.subarray(0, 4)) === 'NRRD') return 'nrrd';
  if (isGzip(bytes) || niftiHeaderKind(bytes) !== undefined) return 'nifti';
  return undefined;
}

export function readLabelVolume(bytes: Uint8Array, options: ReadLabelVolumeOptions = {}): LabelVolume {
  const format = labelVolumeFormat(bytes);
  if (format === 'nrrd') return readNrrd(bytes, options);
  if (format === 'nifti') return readNifti(bytes, options);
  throw new LabelVolumeError('format', 'neither NRRD (starts with "NRRD000X") nor NIfTI (.nii: sizeof_hdr 348 or 540; .nii.gz: gzip)');
}
