import type { StowErrorInit } from './StowError';
import type { StowInstanceFailure } from './StowResult';

/**
 * One sentence in plain words for the viewer's notification, e.g. "The PACS refused 2 of 5
 * objects: the data set does not match its SOP class (1.2.3.4, 1.2.3.5)." Names objects by SOP
 * Instance UID only: no patient data, no URL, no header.
 */
export function describeStowError(error: StowErrorInit): string {
  const { total, status, attempts } = error;
  const unconfirmed = `${count(total - error.stored.length, 'object')} ${total - error.stored.length === 1 ? 'is' : 'are'} not confirmed as stored`;
  switch (error.kind) {
    case 'refused':
      return `The PACS refused ${error.failed.length} of ${count(total, 'object')}: ${describeFailures(error.failed)}.`;
    case 'bad-request':
      return `The PACS rejected the upload as malformed (HTTP 400)${error.stored.length > 0 ? `; it stored ${error.stored.length} of ${count(total, 'object')}` : ''}.`;
    case 'unauthorized':
      return 'The PACS did not accept your credentials (HTTP 401): sign in again, then retry.';
    case 'reauthentication-required':
      return `Signing needs a fresh sign-in${error.maxAuthAgeSeconds !== undefined ? ` (within the last ${Math.max(1, Math.round(error.maxAuthAgeSeconds / 60))} min)` : ''}: sign in again with your password, then retry. Nothing was stored.`;
    case 'forbidden':
      return 'You are not allowed to store objects on this PACS (HTTP 403).';
    case 'not-found':
      return 'The PACS has no STOW-RS service at the configured DICOMweb address (HTTP 404).';
    case 'payload-too-large':
      return `The upload of ${count(total, 'object')} is larger than the PACS accepts (HTTP 413): send fewer objects at a time.`;
    case 'unsupported-media-type':
      return 'The PACS does not accept DICOM files sent as multipart/related application/dicom (HTTP 415).';
    case 'network':
      return `The PACS could not be reached (${count(attempts, 'attempt')}); ${unconfirmed}.`;
    case 'server':
      if (error.retryAfterMs !== undefined) {
        return `The PACS is busy (HTTP ${status}) and asks to wait ${Math.ceil(error.retryAfterMs / 1000)} s before trying again; ${unconfirmed}.`;
      }
      return `The PACS answered HTTP ${status} to ${count(attempts, 'attempt')}; ${unconfirmed}.`;
    case 'unexpected':
      return `The PACS answered HTTP ${status}, which is not a STOW-RS answer; ${unconfirmed}.`;
  }
}

/** "the data set does not match its SOP class (1.2.3, 1.2.4 and 3 more); the PACS cannot understand it (1.2.5)" */
export function describeFailures(failed: readonly StowInstanceFailure[]): string {
  const groups = new Map<string, string[]>();
  for (const { sopInstanceUID, failureReason } of failed) {
    const uids = groups.get(failureReason.explanation) ?? [];
    uids.push(sopInstanceUID);
    groups.set(failureReason.explanation, uids);
  }
  return [...groups].map(([explanation, uids]) => `${explanation} (${listUids(uids)})`).join('; ');
}

function listUids(uids: readonly string[]): string {
  const shown = uids.slice(0, 2).join(', ');
  return uids.length > 2 ? `${shown} and ${uids.length - 2} more` : shown;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
