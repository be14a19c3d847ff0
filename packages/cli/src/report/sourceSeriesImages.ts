import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readHeader, sourceImageFromDataset, type SourceImage } from '@segqc/core';
import { UsageError } from '../usageError';

const isPart10 = (bytes: Uint8Array) => bytes.length >= 132 && String.fromCharCode(...bytes.subarray(128, 132)) === 'DICM';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/**
 * The images of series `seriesInstanceUID` under `dir`, headers only: the report's Image Library
 * and the image of each slice (for the display regions). Errors name the file.
 */
export function sourceSeriesImages(dir: string, seriesInstanceUID: string): SourceImage[] {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--source ${dir} is not a folder`);
  const images: SourceImage[] = [];
  for (const path of filesUnder(dir)) {
    const bytes = new Uint8Array(readFileSync(path));
    if (!isPart10(bytes)) continue;
    const header = readHeader(bytes);
    if (header['SeriesInstanceUID'] === seriesInstanceUID) images.push(sourceImageFromDataset(header, path));
  }
  if (images.length === 0) throw new UsageError(`no image of the source series ${seriesInstanceUID} under ${dir}`);
  return images;
}
