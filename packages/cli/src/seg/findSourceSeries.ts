/**
 * The source series of a label volume among the image series under a folder: the one whose voxel
 * grid the volume lies on (placeVolumeOnSource). Several series can share a grid (T1, T2 and FLAIR
 * of one MR study): then --series chooses. No match is a GeometryMismatchError saying why.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { NaturalDataset, SourceImage } from '@segqc/core';
// The modules themselves, not @segqc/core's index: loading all of core would cost every segqc
// process about 0.1 s at start (issue 16).
import { DicomValueError, joinAttributePath } from '@segqc/core/dist/dicom/DicomValueError';
import { placeVolumeOnSource } from '@segqc/core/dist/seg/labelVolumeOnSource';
import { sourceImageFromDataset } from '@segqc/core/dist/seg/read/readSourceImages';
import { GeometryMismatchError } from '@segqc/core/dist/volume/GeometryMismatchError';
import { UsageError } from '../usageError';
import type { LoadedVolume } from './loadLabelVolume';
import { readImageHeader } from './readImageHeader';

export interface SourceSeries {
  seriesInstanceUID: string;
  seriesDescription?: string;
  images: SourceImage[];
}

interface Candidate extends SourceSeries {
  /** Why the series' images do not form a source series (missing geometry), when they do not. */
  unusable?: Error;
}

// Objects that are not image stacks, even when they carry positions.
const NOT_IMAGES = new Set(['SEG', 'SR', 'RTSTRUCT', 'PR', 'KO', 'RTPLAN', 'RTDOSE', 'REG']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
    });
}

/** The image series under `dir`, by SeriesInstanceUID, in file-name order. */
function imageSeriesUnder(dir: string): Candidate[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--source ${dir} is not a folder`);
  const bySeries = new Map<string, { datasets: NaturalDataset[]; paths: string[] }>();
  for (const path of filesUnder(dir)) {
    const name = relative(dir, path);
    let dataset: NaturalDataset | undefined;
    try {
      dataset = readImageHeader(path);
      if (dataset === undefined) continue;
    } catch (error) {
      if (error instanceof DicomValueError) throw new DicomValueError(joinAttributePath(name, error.attributePath), error.reason);
      throw error;
    }
    const uid = dataset['SeriesInstanceUID'];
    if (typeof uid !== 'string' || NOT_IMAGES.has(String(dataset['Modality'])) || dataset['ImagePositionPatient'] === undefined) continue;
    if (!bySeries.has(uid)) bySeries.set(uid, { datasets: [], paths: [] });
    bySeries.get(uid)!.datasets.push(dataset);
    bySeries.get(uid)!.paths.push(name);
  }
  return [...bySeries].map(([seriesInstanceUID, { datasets, paths }]) => {
    const first = datasets[0];
    const candidate: Candidate = { seriesInstanceUID, images: [] };
    if (typeof first['SeriesDescription'] === 'string' && first['SeriesDescription'] !== '') candidate.seriesDescription = first['SeriesDescription'];
    try {
      candidate.images = datasets.map((dataset, n) => sourceImageFromDataset(dataset, paths[n]));
    } catch (error) {
      if (!(error instanceof DicomValueError)) throw error;
      candidate.unusable = error;
    }
    return candidate;
  });
}

/** `series "FLAIR axial" (1.2.3…)`, for messages. */
export function describeSeries(series: SourceSeries): string {
  const description = series.seriesDescription !== undefined ? ` ${JSON.stringify(series.seriesDescription)}` : '';
  return `series${description} (${series.seriesInstanceUID})`;
}

export function findSourceSeries(dir: string, volume: LoadedVolume, seriesInstanceUID: string | null): SourceSeries {
  const candidates = imageSeriesUnder(dir);
  if (seriesInstanceUID !== null) {
    const chosen = candidates.find((c) => c.seriesInstanceUID === seriesInstanceUID);
    if (!chosen) {
      throw new UsageError(`--series ${seriesInstanceUID}: no image series with that SeriesInstanceUID under ${dir} (there: ${candidates.map(describeSeries).join(', ') || 'none'})`);
    }
    if (chosen.unusable) throw chosen.unusable;
    return chosen;
  }
  if (candidates.length === 0) throw new UsageError(`no image series (single-frame CT, MR… with ImagePositionPatient) under ${dir}`);
  const reasons = new Map<Candidate, Error>();
  const matches = candidates.filter((candidate) => {
    if (candidate.unusable) {
      reasons.set(candidate, candidate.unusable);
      return false;
    }
    try {
      placeVolumeOnSource(volume.volume.grid, candidate.images, volume.name);
      return true;
    } catch (error) {
      if (!(error instanceof GeometryMismatchError || error instanceof DicomValueError)) throw error;
      reasons.set(candidate, error);
      return false;
    }
  });
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new UsageError(`${volume.name} lies on ${matches.length} series under ${dir}: ${matches.map(describeSeries).join(', ')}; choose one with --series SERIES_INSTANCE_UID`);
  }
  if (candidates.length === 1) throw reasons.get(candidates[0])!;
  throw new GeometryMismatchError(
    `${volume.name}.grid`,
    `lies on none of the ${candidates.length} image series under ${dir}: ${candidates.map((c) => `${describeSeries(c)}: ${reasons.get(c)!.message}`).join('; ')}`,
  );
}
