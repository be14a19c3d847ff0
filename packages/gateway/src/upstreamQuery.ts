/**
 * The query string sent to the PACS, rebuilt from the client's parameters: each key must be a
 * QIDO/WADO parameter (a keyword or tag path such as `PatientName`, `0020000D`,
 * `00081199.00081150`, or `includefield`, `limit`, `offset`, `fuzzymatching`, `quality`…), each
 * value is re-encoded. `includefield` lists are sent as repeated parameters (PS3.18 8.3.4.3 allows
 * both): Orthanc's DICOMweb plugin in Debian 12 ignores the comma-separated form the viewer sends,
 * dropping e.g. StudyDescription from the study list.
 */
const PARAMETER_NAME = /^[A-Za-z0-9]{1,64}(\.[A-Za-z0-9]{1,64}){0,8}$/;
const MAX_PARAMETERS = 128;

export class QueryParameterError extends Error {
  constructor(readonly parameter: string) {
    super(`query parameter is not a DICOMweb parameter: ${parameter.slice(0, 64)}`);
    this.name = 'QueryParameterError';
  }
}

/** `?…` for the PACS, or '' when there is no parameter; throws QueryParameterError for a bad key. */
export function upstreamQuery(rawUrl: string): string {
  const query = rawUrl.indexOf('?');
  if (query === -1) return '';
  const incoming = new URLSearchParams(rawUrl.slice(query + 1));
  const outgoing = new URLSearchParams();
  let count = 0;
  for (const [name, value] of incoming) {
    if (!PARAMETER_NAME.test(name) || ++count > MAX_PARAMETERS) throw new QueryParameterError(name);
    const values = name.toLowerCase() === 'includefield' ? value.split(',').map((field) => field.trim()).filter(Boolean) : [value];
    for (const each of values) outgoing.append(name, each);
  }
  const text = outgoing.toString();
  return text ? `?${text}` : '';
}
