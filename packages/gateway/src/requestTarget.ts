/**
 * Checks a request's raw target before routing. A proxy that resolves `../` itself still forwards
 * `..%2F`, which the PACS decodes and resolves (Orthanc answers `/dicom-web/..%2Fsystem` with its
 * REST API), so encoded separators and dots are refused outright rather than decoded and judged.
 */
export type RequestTargetProblem = 'not-origin-form' | 'encoded-separator' | 'dot-segment' | 'control-character' | 'dicomweb-encoding';

/** `%2F` `/`, `%5C` `\`, `%2E` `.`, `%00` NUL, and `%25` (which decodes to the others at a second pass). */
const ENCODED_SEPARATOR = /%(2f|5c|2e|00|25)/i;
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f\\]/;

export function requestTargetProblem(rawUrl: string, dicomwebPrefix: string): RequestTargetProblem | null {
  if (!rawUrl.startsWith('/')) return 'not-origin-form';
  const query = rawUrl.indexOf('?');
  const path = query === -1 ? rawUrl : rawUrl.slice(0, query);
  if (CONTROL_OR_BACKSLASH.test(rawUrl)) return 'control-character';
  if (ENCODED_SEPARATOR.test(path)) return 'encoded-separator';
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return 'dot-segment';
  // DICOMweb paths are UIDs, digits and fixed words: nothing in them needs percent-encoding.
  if ((path === dicomwebPrefix || path.startsWith(`${dicomwebPrefix}/`)) && path.includes('%')) return 'dicomweb-encoding';
  return null;
}
