import { sourceImageFromDataset } from '../seg/read/readSourceImages';
import type { SourceImage } from '../seg/SourceImage';
import type { DicomJsonDataset } from './dicomJson';
import { naturalizeDicomJson } from './naturalizeDicomJson';

/**
 * The SourceImage of one instance from its DICOM JSON (WADO-RS series metadata or a QIDO-RS
 * instance search with the attributes included): what readSourceImages gives for its Part 10
 * file, read by the same checks, so a grid built from metadata equals the one built from files.
 * `path` prefixes attribute paths in errors, e.g. `metadata[3]`. Throws a DicomValueError naming
 * what is missing or invalid (e.g. `metadata[3].ImagePositionPatient: is required (3 numbers)`).
 */
export function sourceImageFromDicomJson(dataset: DicomJsonDataset, path = ''): SourceImage {
  return sourceImageFromDataset(naturalizeDicomJson(dataset), path);
}
