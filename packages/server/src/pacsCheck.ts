import { StartupError } from './startupError';

const TIMEOUT_MS = 10_000;

/** Asks the PACS for one study (QIDO-RS) so that a wrong URL fails at start, not in the viewer. */
export async function assertPacsReachable(dicomwebUrl: URL): Promise<void> {
  let status: number;
  try {
    const response = await fetch(new URL(`${dicomwebUrl.pathname.replace(/\/$/, '')}/studies?limit=1`, dicomwebUrl), {
      headers: { Accept: 'application/dicom+json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = response.status;
  } catch (error) {
    const reason = (error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new StartupError(`the PACS at ${dicomwebUrl.href} is unreachable (${reason}): check SEGQC_DICOMWEB_URL and the network`);
  }
  if (status === 401 || status === 403) {
    throw new StartupError(`the PACS at ${dicomwebUrl.href} refused the query (HTTP ${status}): it needs credentials, which the viewer sends per user; check its access rules`);
  }
  if (status >= 400) throw new StartupError(`the PACS at ${dicomwebUrl.href} answered HTTP ${status} to QIDO-RS /studies: is this its DICOMweb root?`);
}

export function parseDicomwebUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupError(`SEGQC_DICOMWEB_URL=${value} is not a URL; expected e.g. https://pacs.example/dicom-web`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new StartupError(`SEGQC_DICOMWEB_URL must be http(s), not ${url.protocol}`);
  return url;
}
