import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { LabelVolume } from '@segqc/core';
// The modules themselves, not @segqc/core's index: loading all of core would cost every segqc
// process about 0.1 s at start (issue 16).
import { LabelVolumeError } from '@segqc/core/dist/volume/io/LabelVolumeError';
import { labelVolumeFormat, readLabelVolume } from '@segqc/core/dist/volume/io/readLabelVolume';
import { UsageError } from '../usageError';

export interface LoadedVolume {
  /** The file name, as messages name the volume. */
  name: string;
  volume: LabelVolume;
}

const isPart10 = (bytes: Uint8Array): boolean => bytes.length >= 132 && String.fromCharCode(...bytes.subarray(128, 132)) === 'DICM';

/** An NRRD or NIfTI label volume; a LabelVolumeError names the file and the header field at fault. */
export function loadLabelVolume(path: string): LoadedVolume {
  const name = basename(path);
  const bytes = new Uint8Array(readFileSync(path));
  if (!labelVolumeFormat(bytes)) {
    throw new UsageError(`${path} is ${isPart10(bytes) ? 'a DICOM file' : 'neither NRRD nor NIfTI'}: segqc seg takes NRRD or NIfTI (.nii, .nii.gz) label volumes`);
  }
  try {
    return { name, volume: readLabelVolume(bytes) };
  } catch (error) {
    if (error instanceof LabelVolumeError) throw new LabelVolumeError(`${name}: ${error.field}`, error.reason, { cause: error });
    throw error;
  }
}
