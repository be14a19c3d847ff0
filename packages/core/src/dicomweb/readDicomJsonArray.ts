import type { DicomJsonDataset } from './dicomJson';
import { DicomwebReadError } from './DicomwebReadError';
import { responseText } from './dicomwebGet';
import type { ReadFetchLikeResponse } from './ReadFetchLike';

/**
 * The datasets of a QIDO-RS or WADO-RS metadata answer (PS3.18 F.2: a JSON array of DICOM JSON
 * datasets). 204 No Content — a search that matched nothing — and an empty body are `[]`; anything
 * but an array of objects is a `parse` DicomwebReadError.
 */
export async function readDicomJsonArray(response: ReadFetchLikeResponse, url: string): Promise<DicomJsonDataset[]> {
  if (response.status === 204) return [];
  const text = await responseText(response, url);
  if (text.trim() === '') return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DicomwebReadError({ kind: 'parse', url, status: response.status, reason: `it is not JSON (${error instanceof Error ? error.message : String(error)})`, cause: error });
  }
  if (!Array.isArray(json)) throw new DicomwebReadError({ kind: 'parse', url, status: response.status, reason: 'it is not a JSON array of DICOM datasets' });
  const bad = json.findIndex((item) => item === null || typeof item !== 'object' || Array.isArray(item));
  if (bad >= 0) throw new DicomwebReadError({ kind: 'parse', url, status: response.status, reason: `item ${bad} of the array is not a DICOM JSON dataset` });
  return json as DicomJsonDataset[];
}
