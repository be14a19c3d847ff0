import { checkUid } from '../dicom/vrChecks';

/** A study, a series of it, or an instance of that series, by UID. */
export interface DicomwebResource {
  studyInstanceUid: string;
  seriesInstanceUid?: string;
  sopInstanceUid?: string;
}

/**
 * `{root}/studies/{study}[/series/{series}[/instances/{instance}]]` (PS3.18 10.4.1, 10.6.1). The
 * UIDs are checked (PS3.5 9.1), so nothing but digits and dots reaches the path; a bad one throws a
 * DicomValueError naming it (`SeriesInstanceUID`). Trailing slashes of the root are dropped.
 */
export function dicomwebResourceUrl(root: string, resource: DicomwebResource): string {
  let url = `${root.replace(/\/+$/, '')}/studies/${checkUid(resource.studyInstanceUid, 'StudyInstanceUID')}`;
  if (resource.seriesInstanceUid !== undefined) url += `/series/${checkUid(resource.seriesInstanceUid, 'SeriesInstanceUID')}`;
  if (resource.sopInstanceUid !== undefined) {
    if (resource.seriesInstanceUid === undefined) throw new RangeError('an instance is addressed within its series: seriesInstanceUid is required with sopInstanceUid');
    url += `/instances/${checkUid(resource.sopInstanceUid, 'SOPInstanceUID')}`;
  }
  return url;
}
