interface HttpRequestLike {
  status: number;
  statusText?: string;
  readyState: number;
}

function isHttpRequest(reason: unknown): reason is HttpRequestLike {
  return typeof reason === 'object' && reason !== null && typeof (reason as HttpRequestLike).status === 'number' && typeof (reason as HttpRequestLike).readyState === 'number';
}

/**
 * A sentence for the user from whatever a failed operation threw or rejected with: an Error, or
 * the XMLHttpRequest itself, which the host's DICOMweb client rejects with when the PACS refuses.
 */
export function describeFailure(reason: unknown): string {
  if (reason instanceof Error) return reason.message || reason.name;
  if (isHttpRequest(reason)) {
    return reason.status === 0
      ? 'the PACS could not be reached'
      : `the PACS answered HTTP ${reason.status}${reason.statusText ? ` ${reason.statusText}` : ''}`;
  }
  if (typeof reason === 'string' && reason.trim()) return reason;
  return 'an unknown error occurred';
}
