/**
 * Attributes of every study of a PACS, by QIDO-RS Search for Studies (PS3.18 10.6) with
 * `includefield`, paged with limit/offset as studiesWithSegs pages it (a server that ignores paging
 * answers the same page again: paging stops at the first page that adds no study). For what the
 * programme's pages and reports show of a case (StudyID, AccessionNumber, StudyDate, …), which the
 * inventory does not read.
 */
import { jsonString, type DicomJsonDataset } from '../dicomweb/dicomJson';
import type { DicomwebReadOptions } from '../dicomweb/dicomwebGet';
import { searchForStudies } from '../dicomweb/searchForStudies';

const STUDY_INSTANCE_UID = '0020000D';

/** Each study's dataset by Study Instance UID; `includefield` as tags (e.g. '00200010') or keywords. */
export async function studyAttributes(root: string, includefield: readonly string[], options: DicomwebReadOptions & { pageSize?: number }): Promise<Map<string, DicomJsonDataset>> {
  const pageSize = options.pageSize ?? 500;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be an integer ≥ 1, got ${pageSize}`);
  const read: DicomwebReadOptions = { fetch: options.fetch, ...(options.headers !== undefined ? { headers: options.headers } : {}) };
  const studies = new Map<string, DicomJsonDataset>();
  for (let offset = 0; ; offset += pageSize) {
    const page = await searchForStudies(root, { includefield: [...includefield], limit: pageSize, offset }, read);
    const before = studies.size;
    for (const dataset of page) {
      const uid = jsonString(dataset, STUDY_INSTANCE_UID);
      if (uid !== undefined && !studies.has(uid)) studies.set(uid, dataset);
    }
    if (page.length < pageSize || studies.size === before) break;
  }
  return studies;
}
