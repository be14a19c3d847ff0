import { writePart10 } from '../dicom/part10';
import { SOP_CLASS } from '../dicom/sopClasses';
import type { FetchLike, FetchLikeInit } from './FetchLike';

export const STUDY_UID = '1.2.826.0.1.3680043.8.498.10';
export const SERIES_UID = '1.2.826.0.1.3680043.8.498.11';
export const sopUid = (n: number): string => `1.2.826.0.1.3680043.8.498.12.${n}`;

/** A 2×2 CT slice: the smallest instance a PACS stores (PS3.3 A.3 type 1 attributes). */
export function tinyCt(n: number): Uint8Array {
  return writePart10({
    _vrMap: { PixelData: 'OW' },
    SOPClassUID: SOP_CLASS.CtImageStorage,
    SOPInstanceUID: sopUid(n),
    StudyInstanceUID: STUDY_UID,
    SeriesInstanceUID: SERIES_UID,
    PatientID: 'STOW-TEST',
    PatientName: 'Test^Stow',
    Modality: 'CT',
    InstanceNumber: n,
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: 2,
    Columns: 2,
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    RescaleIntercept: -1024,
    RescaleSlope: 1,
    PixelData: [new Uint16Array([0, 1024, 2048, 4095]).buffer],
  });
}

/** One scripted answer of the fake PACS: a response, or a thrown network error. */
export type ScriptedAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | { networkError: string } | { brokenBody: number };

export interface RecordedRequest {
  url: string;
  init: FetchLikeInit;
}

/** A fetch that answers from a script, one entry per request, and records what it was sent. */
export function scriptedFetch(script: ScriptedAnswer[]): { fetch: FetchLike; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, init });
    const answer = script[requests.length - 1];
    if (!answer) throw new Error(`the script has no answer for request ${requests.length}`);
    if ('networkError' in answer) throw new TypeError(answer.networkError);
    if ('brokenBody' in answer) {
      return { status: answer.brokenBody, headers: { get: () => null }, text: () => Promise.reject(new TypeError('terminated')) };
    }
    const headers = new Map(Object.entries(answer.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return { status: answer.status, headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null }, text: async () => text };
  };
  return { fetch, requests };
}

/** DICOM JSON of a Store Instances response (PS3.18 10.5.3), as Orthanc and others write it. */
export function stowResponse(parts: {
  referenced?: Array<{ uid: string; warning?: number }>;
  failed?: Array<{ uid: string; reason?: number }>;
}): Record<string, unknown> {
  const item = (uid: string, extra: Record<string, unknown>) => ({
    '00081150': { vr: 'UI', Value: [SOP_CLASS.CtImageStorage] },
    '00081155': { vr: 'UI', Value: [uid] },
    ...extra,
  });
  return {
    '00081190': { vr: 'UR', Value: [`http://pacs.test/dicom-web/studies/${STUDY_UID}`] },
    '00081198': { vr: 'SQ', ...(parts.failed?.length ? { Value: parts.failed.map(({ uid, reason }) => item(uid, reason === undefined ? {} : { '00081197': { vr: 'US', Value: [reason] } })) } : {}) },
    '00081199': {
      vr: 'SQ',
      ...(parts.referenced?.length ? { Value: parts.referenced.map(({ uid, warning }) => item(uid, warning === undefined ? {} : { '00081196': { vr: 'US', Value: [warning] } })) } : {}),
    },
  };
}
