import { UsageError } from './usageError';

/** The value of --pacs or --stow: an http(s) URL, the DICOMweb root of a PACS, given back without trailing slashes. */
export function dicomwebRootOption(url: string, flag: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(parsed.protocol);
  } catch {
    throw new UsageError(`${flag} takes the DICOMweb root of a PACS, e.g. https://pacs.example/dicom-web; got '${url}'`);
  }
  return url.replace(/\/+$/, '');
}
