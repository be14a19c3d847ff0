/**
 * The Study Instance UIDs of a PACS, by QIDO-RS Search for Studies (PS3.18 10.6): GET
 * `{root}/studies`, paged with limit/offset so that a server capping its answers still lists
 * every study. A server that ignores paging answers the same page again; paging stops at the first
 * page that adds no study.
 */
import { jsonString } from '../dicomweb/dicomJson';
import { dicomwebGet, type DicomwebReadOptions } from '../dicomweb/dicomwebGet';
import { qidoQueryString } from '../dicomweb/qidoQuery';
import { readDicomJsonArray } from '../dicomweb/readDicomJsonArray';

const STUDY_INSTANCE_UID = '0020000D';

export async function listStudies(root: string, options: DicomwebReadOptions & { pageSize?: number }): Promise<string[]> {
  const pageSize = options.pageSize ?? 500;
  const studies = new Set<string>();
  for (let offset = 0; ; offset += pageSize) {
    const url = `${root.replace(/\/+$/, '')}/studies${qidoQueryString({ includefield: [STUDY_INSTANCE_UID], limit: pageSize, offset })}`;
    const page = await readDicomJsonArray(await dicomwebGet(url, 'application/dicom+json', options), url);
    const before = studies.size;
    for (const dataset of page) {
      const uid = jsonString(dataset, STUDY_INSTANCE_UID);
      if (uid !== undefined) studies.add(uid);
    }
    if (page.length < pageSize || studies.size === before) break;
  }
  return [...studies];
}
