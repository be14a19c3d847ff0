import { naturalizeDataset } from '../seg/read/naturalize';
import { parseDicomFile, type DicomFile } from '../seg/read/parseDicomFile';
import { SegParseError } from '../seg/read/SegParseError';
import type { NaturalDataset } from './NaturalDataset';

/**
 * The attributes of a Part 10 file up to its Pixel Data, through the bounds-checked parser: cheap
 * enough to sort a folder of images by series, and a typed DicomValueError on a malformed file.
 */
export function readHeader(bytes: Uint8Array): NaturalDataset {
  return naturalizeDataset(parseDicomFile(bytes, { stopAtPixelData: true }));
}

/**
 * The header from the first bytes of a file, when they hold all of it (parsing reaches Pixel
 * Data); undefined when they may not (parsing ran off their end, or no Pixel Data is there yet):
 * then read the whole file. Spares reading the pixels of a series to sort it.
 */
export function readHeaderFromPrefix(prefix: Uint8Array): NaturalDataset | undefined {
  let file: DicomFile;
  try {
    file = parseDicomFile(prefix, { stopAtPixelData: true });
  } catch (error) {
    if (error instanceof SegParseError) return undefined;
    throw error;
  }
  return file.pixelDataOffset === undefined ? undefined : naturalizeDataset(file);
}
