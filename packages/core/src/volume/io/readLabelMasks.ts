/**
 * A label volume file (NRRD, NIfTI, told apart as readLabelVolume does) as the masks of its label
 * values. NRRD is decoded straight into the masks (readNrrdLabelMasks); NIfTI through its label
 * array.
 */
import type { LabelMasks } from './LabelMasks';
import { labelMasksFromVolume } from './labelMasksFromVolume';
import { LabelVolumeError } from './LabelVolumeError';
import type { ReadLabelMasksOptions } from './readLabelMasksOptions';
import { labelVolumeFormat } from './readLabelVolume';
import { readNifti } from './readNifti';
import { readNrrdLabelMasks } from './readNrrdLabelMasks';

export function readLabelMasks(bytes: Uint8Array, options: ReadLabelMasksOptions = {}): LabelMasks {
  const format = labelVolumeFormat(bytes);
  if (format === 'nrrd') return readNrrdLabelMasks(bytes, options);
  if (format === 'nifti') return labelMasksFromVolume(readNifti(bytes, options), options);
  throw new LabelVolumeError('format', 'neither NRRD (starts with "NRRD000X") nor NIfTI (.nii: sizeof_hdr 348 or 540; .nii.gz: gzip)');
}
