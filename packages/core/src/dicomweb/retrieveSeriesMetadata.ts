import type { DicomJsonDataset } from './dicomJson';
import { dicomwebGet, type DicomwebReadOptions } from './dicomwebGet';
import { dicomwebResourceUrl } from './dicomwebResourceUrl';
import { readDicomJsonArray } from './readDicomJsonArray';

/**
 * WADO-RS Retrieve Series Metadata (PS3.18 10.4.1.1.2): GET
 * `{root}/studies/{study}/series/{series}/metadata` as DICOM JSON, one dataset per instance, bulk
 * data (Pixel Data) as BulkDataURIs. What sourceImageFromDicomJson reads a source series from
 * without downloading its pixels. Throws a DicomwebReadError.
 */
export async function retrieveSeriesMetadata(
  root: string,
  series: { studyInstanceUid: string; seriesInstanceUid: string },
  options: DicomwebReadOptions,
): Promise<DicomJsonDataset[]> {
  const resource = { studyInstanceUid: series.studyInstanceUid, seriesInstanceUid: series.seriesInstanceUid };
  const url = `${dicomwebResourceUrl(root, resource)}/metadata`;
  return readDicomJsonArray(await dicomwebGet(url, 'application/dicom+json', options), url);
}
