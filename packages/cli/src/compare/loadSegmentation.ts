import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Segmentation } from '@segqc/core';
// The modules themselves, not @segqc/core's index: loading all of core would cost every segqc
// process about 0.1 s at start (issue 16).
import { readHeader } from '@segqc/core/dist/dicom/readHeader';
import { readSegHeader } from '@segqc/core/dist/seg/read/readSegHeader';
import { readSegmentation } from '@segqc/core/dist/seg/read/readSegmentation';
import { readSourceImages } from '@segqc/core/dist/seg/read/readSourceImages';
import { segmentationFromLabelMasks } from '@segqc/core/dist/volume/io/labelVolumeToSegmentation';
import { readLabelMasks } from '@segqc/core/dist/volume/io/readLabelMasks';
import { labelVolumeFormat } from '@segqc/core/dist/volume/io/readLabelVolume';
import { UsageError } from '../usageError';

const isPart10 = (bytes: Uint8Array) => bytes.length >= 132 && String.fromCharCode(...bytes.subarray(128, 132)) === 'DICM';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** The Part 10 files under `dir` that belong to `seriesInstanceUID`. */
function sourceSeriesFiles(dir: string, seriesInstanceUID: string): Uint8Array[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--source ${dir} is not a folder`);
  return filesUnder(dir)
    .map((path) => new Uint8Array(readFileSync(path)))
    .filter((bytes) => isPart10(bytes) && readHeader(bytes).SeriesInstanceUID === seriesInstanceUID);
}

export interface LoadedSegmentation {
  segmentation: Segmentation;
  /** False for a plain label volume: its segments are label values with no names or codes. */
  describesSegments: boolean;
  /** An NRRD or NIfTI label volume (not a DICOM SEG): a label with no voxel is simply absent from it. */
  labelVolume: boolean;
}

/** Reads a SEG (onto its source series found under `sourceDir`) or an NRRD/NIfTI label volume. */
export function loadSegmentation(path: string, sourceDir: string | null): LoadedSegmentation {
  const bytes = new Uint8Array(readFileSync(path));
  if (!isPart10(bytes)) {
    if (!labelVolumeFormat(bytes)) throw new UsageError(`${path} is neither a DICOM SEG, an NRRD nor a NIfTI (.nii, .nii.gz) file`);
    const volume = readLabelMasks(bytes);
    const segmentation = segmentationFromLabelMasks(volume);
    return { segmentation: { ...segmentation, source: { ...segmentation.source, file: basename(path) } }, describesSegments: (volume.segments?.length ?? 0) > 0, labelVolume: true };
  }
  const header = readSegHeader(bytes);
  if (sourceDir === null) throw new UsageError(`${path} is a DICOM SEG: give the folder of its source series with --source DIR`);
  const [seriesInstanceUID] = header.referencedSeriesInstanceUIDs;
  const files = sourceSeriesFiles(sourceDir, seriesInstanceUID);
  if (files.length === 0) throw new UsageError(`no image of the source series ${seriesInstanceUID} of ${path} under ${sourceDir}`);
  // Real series miss slices now and then: the grid keeps its regular spacing and the frames must
  // still fall on it.
  const segmentation = readSegmentation(bytes, readSourceImages(files), { allowGaps: true });
  return { segmentation: { ...segmentation, source: { ...segmentation.source, file: basename(path) } }, describesSegments: true, labelVolume: false };
}
