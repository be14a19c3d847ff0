import { MAX_PART10_BYTES } from '../dicom/readLimits';
import { DicomwebReadError } from './DicomwebReadError';
import { dicomwebGet, responseBytes, type DicomwebReadOptions } from './dicomwebGet';
import { dicomwebResourceUrl } from './dicomwebResourceUrl';
import { MultipartParseError } from './MultipartParseError';
import { parseMultipartRelated } from './parseMultipartRelated';

/** PS3.18 8.7.3.5.2: the instance as stored, in whatever transfer syntax the PACS holds it. */
export const RETRIEVE_INSTANCE_ACCEPT = 'multipart/related; type="application/dicom"; transfer-syntax=*';

const PREAMBLE_LENGTH = 128;

/**
 * WADO-RS Retrieve Instance (PS3.18 10.4.1.1.1): GET
 * `{root}/studies/{study}/series/{series}/instances/{instance}` and resolve with its Part 10 file,
 * the first part of the multipart/related answer (a single `application/dicom` body, which some
 * servers send, is taken as it is). Throws a DicomwebReadError: `http`/`network`, or `parse` when
 * the answer is over `maxBytes` (MAX_PART10_BYTES; MAX_SR_BYTES for an SR), is not multipart, is
 * truncated, has no part, or its part is not a Part 10 file.
 */
export async function retrieveInstance(
  root: string,
  instance: { studyInstanceUid: string; seriesInstanceUid: string; sopInstanceUid: string },
  options: DicomwebReadOptions,
  maxBytes: number = MAX_PART10_BYTES,
): Promise<Uint8Array> {
  const url = dicomwebResourceUrl(root, instance);
  const response = await dicomwebGet(url, RETRIEVE_INSTANCE_ACCEPT, options);
  const contentType = response.headers.get('Content-Type') ?? '';
  const body = await responseBytes(response, url, maxBytes);
  const fail = (reason: string, cause?: unknown) => new DicomwebReadError({ kind: 'parse', url, status: response.status, reason, cause });

  let file: Uint8Array;
  if (/^\s*application\/dicom\s*(;|$)/i.test(contentType)) {
    file = body;
  } else {
    try {
      const parts = parseMultipartRelated(body, contentType);
      if (parts.length === 0) throw fail('the multipart answer has no part');
      file = parts[0].body;
    } catch (error) {
      if (error instanceof MultipartParseError) throw fail(error.reason, error);
      throw error;
    }
  }
  if (file.length < PREAMBLE_LENGTH + 4 || String.fromCharCode(...file.subarray(PREAMBLE_LENGTH, PREAMBLE_LENGTH + 4)) !== 'DICM') {
    throw fail('its part is not a DICOM Part 10 file (no "DICM" after the 128-byte preamble, PS3.10 7.1)');
  }
  return file;
}
