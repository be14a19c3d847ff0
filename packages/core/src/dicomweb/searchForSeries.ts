import type { DicomJsonDataset } from './dicomJson';
import { dicomwebGet, type DicomwebReadOptions } from './dicomwebGet';
import { dicomwebResourceUrl } from './dicomwebResourceUrl';
import { qidoQueryString, type QidoQuery } from './qidoQuery';
import { readDicomJsonArray } from './readDicomJsonArray';

/**
 * QIDO-RS Search for Series of one study (PS3.18 10.6): GET `{root}/studies/{study}/series?…`,
 * e.g. `{ match: { Modality: 'SEG' } }` for its segmentations. Resolves with one DICOM JSON
 * dataset per matching series ([] when none match); throws a DicomwebReadError.
 */
export async function searchForSeries(
  root: string,
  study: { studyInstanceUid: string },
  query: QidoQuery,
  options: DicomwebReadOptions,
): Promise<DicomJsonDataset[]> {
  const url = `${dicomwebResourceUrl(root, { studyInstanceUid: study.studyInstanceUid })}/series${qidoQueryString(query)}`;
  return readDicomJsonArray(await dicomwebGet(url, 'application/dicom+json', options), url);
}
