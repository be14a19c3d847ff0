import { naturalizeDataset } from '../seg/read/naturalize';
import { parseDicomFile } from '../seg/read/parseDicomFile';
import type { NaturalDataset } from './NaturalDataset';

/**
 * The attributes of a Part 10 file up to its Pixel Data, through the bounds-checked parser: cheap
 * enough to sort a folder of images by series, and a typed DicomValueError on a malformed file.
 */
export function readHeader(bytes: Uint8Array): NaturalDataset {
  return naturalizeDataset(parseDicomFile(bytes, { stopAtPixelData: true }));
}
