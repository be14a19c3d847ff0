import type { DicomJsonDataset } from './dicomJson';
import { dicomwebGet, type DicomwebReadOptions } from './dicomwebGet';
import { dicomwebResourceUrl } from './dicomwebResourceUrl';
import { qidoQueryString, type QidoQuery } from './qidoQuery';
import { readDicomJsonArray } from './readDicomJsonArray';

/**
 * QIDO-RS Search for Instances of one series (PS3.18 10.6): GET
 * `{root}/studies/{study}/series/{series}/instances?…`. Resolves with one DICOM JSON dataset per
 * matching instance ([] when none match); throws a DicomwebReadError.
 */
export async function searchForInstances(
  root: string,
  series: { studyInstanceUid: string; seriesInstanceUid: string },
  query: QidoQuery,
  options: DicomwebReadOptions,
): Promise<DicomJsonDataset[]> {
  const resource = { studyInstanceUid: series.studyInstanceUid, seriesInstanceUid: series.seriesInstanceUid };
  const url = `${dicomwebResourceUrl(root, resource)}/instances${qidoQueryString(query)}`;
  return readDicomJsonArray(await dicomwebGet(url, 'application/dicom+json', options), url);
}
