/**
 * The body of a 2xx answer as bytes, never more than `maxBytes`: refused on its Content-Length
 * before anything is read, else while its stream arrives — a hostile PACS cannot make the reader
 * hold more than the limit. A fetch without a body stream is read whole, then checked.
 */
import { joinChunks } from '../bytes/joinChunks';
import { sizeText } from '../dicom/readLimits';
import { DicomwebReadError } from './DicomwebReadError';
import type { ReadFetchLikeResponse } from './ReadFetchLike';

export async function readBoundedBody(response: ReadFetchLikeResponse, url: string, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = (size: string) =>
    new DicomwebReadError({ kind: 'parse', url, status: response.status, reason: `it is ${size}, more than the ${sizeText(maxBytes)} SegQC reads` });
  const declared = Number(response.headers.get('Content-Length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(sizeText(declared));
  }
  try {
    if (!response.body) {
      const whole = new Uint8Array(await response.arrayBuffer());
      if (whole.length > maxBytes) throw tooLarge(sizeText(whole.length));
      return whole;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(`over ${sizeText(maxBytes)}`);
      }
      chunks.push(value);
    }
    return joinChunks(chunks, total);
  } catch (error) {
    if (error instanceof DicomwebReadError) throw error;
    throw answerBrokeOff(response, url, error);
  }
}

/** The `network` error of a 2xx answer whose body stopped coming. */
export function answerBrokeOff(response: ReadFetchLikeResponse, url: string, error: unknown): DicomwebReadError {
  return new DicomwebReadError({ kind: 'network', url, status: response.status, reason: `the answer broke off (${error instanceof Error ? error.message : String(error)})`, cause: error });
}
