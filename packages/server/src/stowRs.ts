/** A STOW-RS request the PACS refused in whole or in part (PS3.18 10.5). */
export class StowError extends Error {
  override readonly name = 'StowError';
  constructor(
    message: string,
    readonly status: number,
    /** SOP Instance UIDs listed in the response's FailedSOPSequence (0008,1198). */
    readonly failedSops: string[],
  ) {
    super(message);
  }
}

const FAILED_SOP_SEQUENCE = '00081198';
const REFERENCED_SOP_INSTANCE_UID = '00081155';

type DicomJson = Record<string, { Value?: Array<Record<string, { Value?: unknown[] }>> }>;

/** Stores Part 10 instances with one multipart/related POST to {dicomwebUrl}/studies. */
export async function stowInstances(dicomwebUrl: string, instances: Uint8Array[], headers: Record<string, string> = {}): Promise<void> {
  const boundary = `segqc-${crypto.randomUUID()}`;
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (const instance of instances) {
    parts.push(encoder.encode(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), instance, encoder.encode('\r\n'));
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.length;
  }
  const response = await fetch(`${dicomwebUrl}/studies`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`, Accept: 'application/dicom+json' },
    body,
  });
  const answer = (await response.json().catch(() => null)) as DicomJson | null;
  const failedSops = (answer?.[FAILED_SOP_SEQUENCE]?.Value ?? []).map((item) => String(item[REFERENCED_SOP_INSTANCE_UID]?.Value?.[0] ?? '?'));
  if (!response.ok || failedSops.length > 0) {
    throw new StowError(`STOW-RS to ${dicomwebUrl} answered ${response.status}; ${failedSops.length} of ${instances.length} instances failed`, response.status, failedSops);
  }
}
