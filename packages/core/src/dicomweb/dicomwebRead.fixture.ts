// Test fixture: a fake PACS for the DICOMweb read client that answers in the shapes a real Orthanc
// (1.10, DICOMweb plugin 1.7) was recorded answering with — headers, multipart layout, error bodies.
import type { ReadFetchLike, ReadFetchLikeInit } from './ReadFetchLike';

export const ROOT = 'https://pacs.test/dicom-web';
export const STUDY = '2.25.40495028595284161112232075199958575366';
export const SERIES = '2.25.228638286632928508771101791786430971439';
export const INSTANCE = '2.25.89261793410008335312451254737475004013';
/** Orthanc's boundary: two UUIDs, cut at RFC 2046's 70 characters. */
export const ORTHANC_BOUNDARY = 'd8e8f951-7717-4bb5-a88e-88ee4fe22ced-3d51e336-2d34-48a2-9752-c85d7a1d3';

/** One answer of the fake PACS: a response, a thrown network error, or a body that breaks off. */
export type RecordedAnswer =
  | { status: number; headers?: Record<string, string>; body?: string | Uint8Array }
  | { networkError: string }
  | { brokenBody: number };

/** The response a fetch gives for an answer with a status: its headers (by any case), its body as text or bytes. */
export function responseOf(answer: Extract<RecordedAnswer, { status: number }>) {
  const headers = new Map(Object.entries(answer.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const bytes = typeof answer.body === 'string' ? Uint8Array.from(Buffer.from(answer.body, 'utf8')) : answer.body ?? new Uint8Array(0);
  return {
    status: answer.status,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    text: async () => Buffer.from(bytes).toString('utf8'),
    arrayBuffer: async () => bytes.slice().buffer,
  };
}

export interface RecordedRequest {
  url: string;
  init: ReadFetchLikeInit;
}

/** A fetch that gives the answers in order, one per request, and records what it was asked. */
export function recordedFetch(answers: RecordedAnswer[]): { fetch: ReadFetchLike; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const fetch: ReadFetchLike = async (url, init) => {
    requests.push({ url, init });
    const answer = answers[requests.length - 1];
    if (!answer) throw new Error(`no answer recorded for request ${requests.length}`);
    if ('networkError' in answer) throw new TypeError(answer.networkError);
    if ('brokenBody' in answer) {
      const broken = () => Promise.reject(new TypeError('terminated'));
      return { status: answer.brokenBody, headers: { get: () => null }, text: broken, arrayBuffer: broken };
    }
    return responseOf(answer);
  };
  return { fetch, requests };
}

/** Orthanc's 404 for an unknown resource: a JSON body and no Content-Type. */
export function orthancNotFound(uri: string): RecordedAnswer {
  const body = { Details: `Accessing an inexistent item with WADO-RS: ${uri}`, HttpError: 'Not Found', HttpStatus: 404, Message: 'Accessing an inexistent item', Method: 'GET', OrthancError: 'Accessing an inexistent item', OrthancStatus: 7, Uri: uri };
  return { status: 404, headers: { 'Content-Length': '400' }, body: `${JSON.stringify(body, null, '\t')}\n` };
}

/** Orthanc's DICOM JSON answer: tab-indented, `Value` before `vr`. */
export function orthancJson(datasets: readonly Record<string, unknown>[]): RecordedAnswer {
  return { status: 200, headers: { 'Content-Type': 'application/dicom+json' }, body: JSON.stringify(datasets, null, '\t') };
}

/** Orthanc's WADO-RS instance answer: one part per file, with Content-Type, Content-Length and MIME-Version. */
export function orthancMultipart(files: readonly Uint8Array[], boundary = ORTHANC_BOUNDARY): RecordedAnswer {
  const chunks: Uint8Array[] = [];
  for (const file of files) {
    chunks.push(ascii(`--${boundary}\r\nContent-Type: application/dicom\r\nContent-Length: ${file.length}\r\nMIME-Version: 1.0\r\n\r\n`), file, ascii('\r\n'));
  }
  chunks.push(ascii(`--${boundary}--\r\n`));
  return { status: 200, headers: { 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}` }, body: concat(chunks) };
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** One dataset of Orthanc's answer to `series?Modality=SEG&includefield=0008103E&includefield=00080021` (demo case ct-01). */
export const ORTHANC_SEG_SERIES: Record<string, unknown> = {
  '00080005': { Value: ['ISO_IR 100'], vr: 'CS' },
  '00080020': { Value: ['20240224'], vr: 'DA' },
  '00080021': { Value: ['20240308'], vr: 'DA' },
  '00080030': { Value: ['080000'], vr: 'TM' },
  '00080050': { Value: ['SQ241000'], vr: 'SH' },
  '00080060': { Value: ['SEG'], vr: 'CS' },
  '00080090': { vr: 'PN' },
  '0008103E': { Value: ['Lungs and nodules (arivera)'], vr: 'LO' },
  '00081190': { Value: [`${ROOT}/studies/${STUDY}/series/${SERIES}`], vr: 'UR' },
  '00100010': { Value: [{ Alphabetic: 'Demo^Chest 01' }], vr: 'PN' },
  '00100020': { Value: ['SEGQC-CT-01'], vr: 'LO' },
  '00100030': { Value: ['19480115'], vr: 'DA' },
  '00100040': { Value: ['F'], vr: 'CS' },
  '0020000D': { Value: [STUDY], vr: 'UI' },
  '0020000E': { Value: [SERIES], vr: 'UI' },
  '00200010': { Value: ['CT-01'], vr: 'SH' },
  '00200011': { Value: [301], vr: 'IS' },
  '00201209': { Value: [1], vr: 'IS' },
};

/** Orthanc's answer to `series/{SEG series}/instances` (demo case ct-01): the one SEG instance. */
export const ORTHANC_SEG_INSTANCE: Record<string, unknown> = {
  '00080005': { Value: ['ISO_IR 100'], vr: 'CS' },
  '00080016': { Value: ['1.2.840.10008.5.1.4.1.1.66.4'], vr: 'UI' },
  '00080018': { Value: [INSTANCE], vr: 'UI' },
  '00080020': { Value: ['20240224'], vr: 'DA' },
  '00080030': { Value: ['080000'], vr: 'TM' },
  '00080050': { Value: ['SQ241000'], vr: 'SH' },
  '00080060': { Value: ['SEG'], vr: 'CS' },
  '00080090': { vr: 'PN' },
  '0008103E': { Value: ['Lungs and nodules (arivera)'], vr: 'LO' },
  '00081190': { Value: [`${ROOT}/studies/${STUDY}/series/${SERIES}/instances/${INSTANCE}`], vr: 'UR' },
  '00100010': { Value: [{ Alphabetic: 'Demo^Chest 01' }], vr: 'PN' },
  '00100020': { Value: ['SEGQC-CT-01'], vr: 'LO' },
  '00100030': { Value: ['19480115'], vr: 'DA' },
  '00100040': { Value: ['F'], vr: 'CS' },
  '0020000D': { Value: [STUDY], vr: 'UI' },
  '0020000E': { Value: [SERIES], vr: 'UI' },
  '00200010': { Value: ['CT-01'], vr: 'SH' },
  '00200011': { Value: [301], vr: 'IS' },
  '00200013': { Value: [1], vr: 'IS' },
  '00280008': { Value: [196], vr: 'IS' },
  '00280010': { Value: [256], vr: 'US' },
  '00280011': { Value: [256], vr: 'US' },
  '00280100': { Value: [1], vr: 'US' },
};

export const CT_SERIES = '2.25.171699022762303580559451384026420184640';
export const CT_INSTANCE = '2.25.42221693602541495918889295979360230667';
export const CT_FRAME_OF_REFERENCE = '2.25.228197567534775564462784982845302283463';

/**
 * Orthanc's series metadata (WADO-RS) of the first CT slice of demo case ct-01, the attributes a
 * SourceImage reads plus neighbours of each shape: empty elements without Value (`{ vr: 'PN' }`),
 * a sequence, several values, bulk data by URI.
 */
export const ORTHANC_CT_METADATA: Record<string, unknown> = {
  '00080008': { Value: ['ORIGINAL', 'PRIMARY', 'AXIAL'], vr: 'CS' },
  '00080016': { Value: ['1.2.840.10008.5.1.4.1.1.2'], vr: 'UI' },
  '00080018': { Value: [CT_INSTANCE], vr: 'UI' },
  '00080020': { Value: ['20240224'], vr: 'DA' },
  '00080030': { Value: ['080000'], vr: 'TM' },
  '00080050': { Value: ['SQ241000'], vr: 'SH' },
  '00080060': { Value: ['CT'], vr: 'CS' },
  '00080070': { Value: ['SegQC Phantom Works'], vr: 'LO' },
  '00080090': { vr: 'PN' },
  '00081030': { Value: ['CT CHEST WITHOUT CONTRAST'], vr: 'LO' },
  '0008103E': { Value: ['Chest 2.5 mm'], vr: 'LO' },
  '00100010': { Value: [{ Alphabetic: 'Demo^Chest 01' }], vr: 'PN' },
  '00100020': { Value: ['SEGQC-CT-01'], vr: 'LO' },
  '00100030': { Value: ['19480115'], vr: 'DA' },
  '00100040': { Value: ['F'], vr: 'CS' },
  '00101010': { Value: ['076Y'], vr: 'AS' },
  '00180050': { Value: [2.5], vr: 'DS' },
  '00189346': {
    Value: [{ '00080100': { Value: ['113691'], vr: 'SH' }, '00080102': { Value: ['DCM'], vr: 'SH' }, '00080104': { Value: ['IEC Body Dosimetry Phantom'], vr: 'LO' } }],
    vr: 'SQ',
  },
  '0020000D': { Value: [STUDY], vr: 'UI' },
  '0020000E': { Value: [CT_SERIES], vr: 'UI' },
  '00200010': { Value: ['CT-01'], vr: 'SH' },
  '00200011': { Value: [2], vr: 'IS' },
  '00200013': { Value: [1], vr: 'IS' },
  '00200032': { Value: [-178.5, -178.5, -25], vr: 'DS' },
  '00200037': { Value: [1, 0, 0, 0, 1, 0], vr: 'DS' },
  '00200052': { Value: [CT_FRAME_OF_REFERENCE], vr: 'UI' },
  '00201040': { vr: 'LO' },
  '00280010': { Value: [256], vr: 'US' },
  '00280011': { Value: [256], vr: 'US' },
  '00280030': { Value: [1.4, 1.4], vr: 'DS' },
  '00281050': { Value: [-600, 40], vr: 'DS' },
  '00281055': { Value: ['LUNG', 'MEDIASTINUM'], vr: 'LO' },
  '7FE00010': { BulkDataURI: `${ROOT}/studies/${STUDY}/series/${CT_SERIES}/instances/${CT_INSTANCE}/bulk/7fe00010`, vr: 'OW' },
};
