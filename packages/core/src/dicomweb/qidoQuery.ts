/**
 * The query of a QIDO-RS search (PS3.18 8.3.4): attribute matching, the attributes to return,
 * paging. Attributes are named by keyword (`Modality`) or by tag (`00080060`).
 */
export interface QidoQuery {
  /** Attribute matching, e.g. `{ Modality: 'SEG' }`; `*` and `?` are wildcards, a UID list is comma-separated. */
  match?: Readonly<Record<string, string>>;
  /** Attributes to return besides the default ones, or `['all']`. */
  includefield?: readonly string[];
  limit?: number;
  offset?: number;
  fuzzymatching?: boolean;
}

/**
 * The query string, `?` included ('' for an empty query). Each includefield is its own parameter:
 * PS3.18 allows a comma-separated list too, but Orthanc's DICOMweb plugin (1.7) reads only the
 * first attribute of one.
 */
export function qidoQueryString(query: QidoQuery): string {
  const pairs: [string, string][] = [];
  for (const [attribute, value] of Object.entries(query.match ?? {})) {
    if (attribute === '') throw new RangeError('query.match: an attribute name is empty');
    pairs.push([attribute, value]);
  }
  for (const attribute of query.includefield ?? []) {
    if (attribute === '') throw new RangeError('query.includefield: an attribute name is empty');
    pairs.push(['includefield', attribute]);
  }
  for (const name of ['limit', 'offset'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`query.${name} must be an integer ≥ 0, got ${value}`);
    pairs.push([name, String(value)]);
  }
  if (query.fuzzymatching !== undefined) pairs.push(['fuzzymatching', String(query.fuzzymatching)]);
  return pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&')}`;
}
