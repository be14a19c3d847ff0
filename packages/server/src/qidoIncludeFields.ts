/**
 * QIDO-RS allows `includefield` as a comma-separated list or as repeated parameters (PS3.18
 * 8.3.4.3); the viewer sends the list form, which some PACS (Orthanc's DICOMweb plugin in Debian 12)
 * ignore, dropping e.g. StudyDescription from the study list. The repeated form means the same to
 * every server, so the proxy rewrites to it.
 */
export function repeatIncludeFields(search: string): string {
  if (!/includefield=[^&]*(,|%2C)/i.test(search)) return search;
  const params = new URLSearchParams(search);
  const fields = params.getAll('includefield').flatMap((value) => value.split(',').map((field) => field.trim()).filter(Boolean));
  params.delete('includefield');
  for (const field of fields) params.append('includefield', field);
  return `?${params.toString()}`;
}
