import { sourceImageFromDataset, type SourceImage } from '@segqc/core';
import type { DisplaySetService } from '../services';
import { imageDisplaySetOfSeries } from '../sop/activeSourceDisplaySet';

/**
 * The source series as OHIF has already read it (its display set's instance metadata), for the
 * agreement worker: 300 instances' DICOM JSON need not be fetched and parsed a second time. Null when
 * OHIF has not loaded the series, or its metadata does not make source images: the worker then reads
 * the series' metadata itself, and says what is wrong with it.
 */
export function loadedSourceImages(displaySetService: DisplaySetService, seriesInstanceUid: string): SourceImage[] | null {
  const instances = imageDisplaySetOfSeries(displaySetService, seriesInstanceUid)?.instances ?? [];
  if (instances.length === 0) return null;
  try {
    return instances.map((instance, n) => sourceImageFromDataset(instance, `instances[${n}]`));
  } catch {
    return null;
  }
}
