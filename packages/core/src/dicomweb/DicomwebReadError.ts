/**
 * Why a DICOMweb read (QIDO-RS search, WADO-RS retrieve) failed:
 * - `http`: the PACS answered with a status other than 2xx (`status` says which);
 * - `network`: no answer, or the answer broke off while its body was read;
 * - `parse`: a 2xx answer whose body is not what the request asked for (not DICOM JSON, a
 *   malformed multipart/related body, a part that is not a Part 10 file), or is larger than
 *   SegQC reads (dicom/readLimits.ts).
 */
export type DicomwebReadErrorKind = 'http' | 'network' | 'parse';

export interface DicomwebReadErrorInit {
  kind: DicomwebReadErrorKind;
  /** The URL requested, query included. */
  url: string;
  /** HTTP status of the answer; absent when none came (network). */
  status?: number;
  /** What was wrong with the answer or the connection, in a few words. */
  reason?: string;
  cause?: unknown;
}

/** Plain words for the statuses a viewer meets; the others are named by their number only. */
const STATUS_MEANING: Readonly<Record<number, string>> = {
  400: 'it did not understand the request',
  401: 'you are not signed in, or the session expired',
  403: 'you are not allowed to read this',
  404: 'it has no such resource',
  406: 'it cannot send the representation asked for',
  500: 'it failed while answering',
  502: 'a proxy in front of it failed',
  503: 'it is unavailable',
  504: 'a proxy in front of it timed out',
};

/** A DICOMweb read that failed; the message is one plain sentence naming the URL. */
export class DicomwebReadError extends Error {
  readonly kind: DicomwebReadErrorKind;
  readonly url: string;
  readonly status?: number;
  readonly reason?: string;

  constructor(init: DicomwebReadErrorInit) {
    super(describe(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'DicomwebReadError';
    this.kind = init.kind;
    this.url = init.url;
    if (init.status !== undefined) this.status = init.status;
    if (init.reason !== undefined) this.reason = init.reason;
  }
}

function describe({ kind, url, status, reason }: DicomwebReadErrorInit): string {
  switch (kind) {
    case 'http': {
      const meaning = status === undefined ? undefined : STATUS_MEANING[status];
      return `The PACS answered HTTP ${status ?? '(no status)'} for ${url}${meaning ? `: ${meaning}` : ''}.`;
    }
    case 'network':
      return `The PACS could not be reached for ${url}${reason ? `: ${reason}` : ''}.`;
    case 'parse':
      return `The PACS's answer for ${url} could not be read${reason ? `: ${reason}` : ''}.`;
  }
}
