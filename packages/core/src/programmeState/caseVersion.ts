/**
 * What decides a case's QC result, and so when a kept result is still the case's (issue 17's job
 * key): the study, the SOP Instance UIDs of its SEGs and SRs (annotations, references, QC reports:
 * a new, revised or deleted one changes the result or the QC state), the SOP library in force and
 * the engine's version. Read by QIDO-RS alone (series, then the instances of each SEG and SR series):
 * no header or pixel data is retrieved to tell that a case is unchanged.
 */
import { ENGINE } from '../agreement/engineVersion';
import { jsonString } from '../dicomweb/dicomJson';
import type { DicomwebReadOptions } from '../dicomweb/dicomwebGet';
import { searchForInstances } from '../dicomweb/searchForInstances';
import { searchForSeries } from '../dicomweb/searchForSeries';
import { sha256Hex } from '../hash/sha256';
import { encodeUtf8 } from '../text/utf8';

const TAG = { Modality: '00080060', SeriesInstanceUID: '0020000E', SOPInstanceUID: '00080018' } as const;
/** The modalities whose objects decide a case's QC result and state. */
const DECIDING_MODALITIES = new Set(['SEG', 'SR']);

/** The SOP Instance UIDs of the study's SEG and SR instances, sorted. */
export async function decidingObjectsOfStudy(root: string, studyInstanceUid: string, read: DicomwebReadOptions): Promise<string[]> {
  const series = await searchForSeries(root, { studyInstanceUid }, { includefield: [TAG.Modality] }, read);
  const deciding = series
    .filter((dataset) => DECIDING_MODALITIES.has((jsonString(dataset, TAG.Modality) ?? '').toUpperCase()))
    .map((dataset) => jsonString(dataset, TAG.SeriesInstanceUID))
    .filter((uid): uid is string => uid !== undefined);
  const instances = await Promise.all(deciding.map((seriesInstanceUid) => searchForInstances(root, { studyInstanceUid, seriesInstanceUid }, {}, read)));
  return instances.flat().map((dataset) => jsonString(dataset, TAG.SOPInstanceUID)).filter((uid): uid is string => uid !== undefined).sort();
}

/** The case version key: SHA-256 (hex) of the engine version, the SOP library's digest, the study and its deciding objects. */
export function caseVersionKey(studyInstanceUid: string, decidingObjects: readonly string[], sopLibraryDigest: string): string {
  return sha256Hex(encodeUtf8(JSON.stringify([ENGINE.name, ENGINE.version, sopLibraryDigest, studyInstanceUid, [...decidingObjects].sort()])));
}
