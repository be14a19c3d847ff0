/**
 * The studies of a PACS that may hold annotations, by QIDO-RS Search for Studies (PS3.18 10.6)
 * asking for ModalitiesInStudy (0008,0061), paged with limit/offset so that a server capping its
 * answers still lists every study. A study whose ModalitiesInStudy lacks SEG is left out without
 * another request; one whose answer has no ModalitiesInStudy is kept (the server did not say).
 * A server that ignores paging answers the same page again: paging stops at the first page that
 * adds no study.
 */
import { jsonString, jsonStrings } from '../dicomweb/dicomJson';
import type { DicomwebReadOptions } from '../dicomweb/dicomwebGet';
import { searchForStudies } from '../dicomweb/searchForStudies';

const TAG = { StudyInstanceUID: '0020000D', ModalitiesInStudy: '00080061' } as const;

export interface StudiesWithSegs {
  /** Study Instance UIDs, in the order the PACS listed them. */
  studies: string[];
  /** Studies listed whose ModalitiesInStudy has no SEG. */
  withoutSegs: number;
}

export async function studiesWithSegs(root: string, options: DicomwebReadOptions & { pageSize?: number }): Promise<StudiesWithSegs> {
  const pageSize = options.pageSize ?? 500;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`pageSize must be an integer ≥ 1, got ${pageSize}`);
  const read: DicomwebReadOptions = { fetch: options.fetch, ...(options.headers !== undefined ? { headers: options.headers } : {}) };
  const seen = new Set<string>();
  const studies: string[] = [];
  let withoutSegs = 0;
  for (let offset = 0; ; offset += pageSize) {
    const page = await searchForStudies(root, { includefield: [TAG.ModalitiesInStudy], limit: pageSize, offset }, read);
    const before = seen.size;
    for (const dataset of page) {
      const uid = jsonString(dataset, TAG.StudyInstanceUID);
      if (uid === undefined || seen.has(uid)) continue;
      seen.add(uid);
      const modalities = jsonStrings(dataset, TAG.ModalitiesInStudy).map((modality) => modality.toUpperCase());
      if (modalities.length > 0 && !modalities.includes('SEG')) withoutSegs++;
      else studies.push(uid);
    }
    if (page.length < pageSize || seen.size === before) break;
  }
  return { studies, withoutSegs };
}
