// Test fixture: a PACS in memory behind a fetch, answering the QIDO-RS searches and WADO-RS
// retrieves gatherCaseRecords and listStudies make, in Orthanc's shapes (dicomwebRead.fixture), and
// recording each request with its headers.
import { orthancJson, orthancMultipart, type RecordedAnswer } from '../dicomweb/dicomwebRead.fixture';
import type { ReadFetchLike, ReadFetchLikeInit } from '../dicomweb/ReadFetchLike';

export interface StoredInstance {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  modality: string;
  /** Part 10 bytes; an image listed only by its UIDs has none. */
  bytes?: Uint8Array;
}

export const PACS_ROOT = 'https://pacs.test/dicom-web';

const uiJson = (tag: string, value: string) => ({ [tag]: { vr: 'UI', Value: [value] } });

export function inMemoryPacs(instances: readonly StoredInstance[]): { fetch: ReadFetchLike; requests: Array<{ url: string; init: ReadFetchLikeInit }> } {
  const requests: Array<{ url: string; init: ReadFetchLikeInit }> = [];
  const answer = (url: URL): RecordedAnswer => {
    const path = url.pathname.replace(/^\/dicom-web/, '');
    const parts = path.split('/').filter(Boolean);
    const unique = <T>(values: T[]) => [...new Set(values)];
    if (parts.length === 1 && parts[0] === 'studies') {
      const studies = unique(instances.map((i) => i.studyInstanceUid));
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? studies.length);
      return orthancJson(studies.slice(offset, offset + limit).map((uid) => uiJson('0020000D', uid)));
    }
    const [, study, , series, , instance] = parts;
    const ofStudy = instances.filter((i) => i.studyInstanceUid === study);
    if (parts.length === 3 && parts[2] === 'series') {
      return orthancJson(unique(ofStudy.map((i) => i.seriesInstanceUid)).map((uid) => ({
        ...uiJson('0020000D', study), ...uiJson('0020000E', uid), '00080060': { vr: 'CS', Value: [ofStudy.find((i) => i.seriesInstanceUid === uid)!.modality] },
      })));
    }
    const ofSeries = ofStudy.filter((i) => i.seriesInstanceUid === series);
    if (parts.length === 5 && parts[4] === 'instances') return orthancJson(ofSeries.map((i) => ({ ...uiJson('0020000E', i.seriesInstanceUid), ...uiJson('00080018', i.sopInstanceUid) })));
    const found = ofSeries.find((i) => i.sopInstanceUid === instance);
    if (parts.length === 6 && found?.bytes) return orthancMultipart([found.bytes]);
    return { status: 404, body: '{}' };
  };
  const fetch: ReadFetchLike = async (url, init) => {
    requests.push({ url, init });
    const recorded = answer(new URL(url)) as { status: number; headers?: Record<string, string>; body?: string | Uint8Array };
    const headers = new Map(Object.entries(recorded.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    const bytes = typeof recorded.body === 'string' ? new TextEncoder().encode(recorded.body) : recorded.body ?? new Uint8Array(0);
    return {
      status: recorded.status,
      headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
      text: async () => new TextDecoder().decode(bytes),
      arrayBuffer: async () => bytes.slice().buffer,
    };
  };
  return { fetch, requests };
}
