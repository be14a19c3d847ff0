import type { DicomJsonDataset } from './dicomJson';
import { dicomwebGet, type DicomwebReadOptions } from './dicomwebGet';
import { qidoQueryString, type QidoQuery } from './qidoQuery';
import { readDicomJsonArray } from './readDicomJsonArray';

/**
 * QIDO-RS Search for Studies (PS3.18 10.6): GET `{root}/studies?…`, e.g.
 * `{ includefield: ['00080061'], limit: 500, offset: 0 }` for one page of studies with their
 * ModalitiesInStudy. One request: paging is the caller's (a server may cap its answers below
 * `limit`). Resolves with one DICOM JSON dataset per matching study ([] when none match); throws a
 * DicomwebReadError.
 */
export async function searchForStudies(root: string, query: QidoQuery, options: DicomwebReadOptions): Promise<DicomJsonDataset[]> {
  const url = `${root.replace(/\/+$/, '')}/studies${qidoQueryString(query)}`;
  return readDicomJsonArray(await dicomwebGet(url, 'application/dicom+json', options), url);
}
