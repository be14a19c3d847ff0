/**
 * The audit records of one case, read from a DICOMweb PACS (QIDO-RS, WADO-RS; every request with the
 * caller's auth headers): the study's series are searched, every instance of its SEG and SR series
 * is retrieved as stored (its pixel-data hash is computed from those bytes), and the study's other
 * series are searched for the images still present. The bytes are then read by caseRecordsFromObjects.
 */
import { MAX_PART10_BYTES, MAX_SR_BYTES } from '../dicom/readLimits';
import { jsonString, type DicomJsonDataset } from '../dicomweb/dicomJson';
import { DicomwebReadError } from '../dicomweb/DicomwebReadError';
import type { DicomwebReadOptions } from '../dicomweb/dicomwebGet';
import { retrieveInstance } from '../dicomweb/retrieveInstance';
import { searchForInstances } from '../dicomweb/searchForInstances';
import { searchForSeries } from '../dicomweb/searchForSeries';
import { caseRecordsFromObjects, type CaseRecordsOptions, type GatheredCase, type PresentInstance, type StudyObject } from './caseRecordsFromObjects';
import { mapConcurrently } from './mapConcurrently';

export interface GatherOptions extends DicomwebReadOptions, CaseRecordsOptions {
  /** Requests in flight at once; 4 when not given. */
  concurrency?: number;
  /** After each retrieved object: how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

const TAG = { Modality: '00080060', SeriesInstanceUID: '0020000E', SOPInstanceUID: '00080018' } as const;
const AUDITED_MODALITIES = new Set(['SEG', 'SR']);

export async function gatherCaseRecords(root: string, studyInstanceUid: string, options: GatherOptions): Promise<GatheredCase> {
  const read: DicomwebReadOptions = { fetch: options.fetch, ...(options.headers !== undefined ? { headers: options.headers } : {}) };
  const concurrency = options.concurrency ?? 4;
  const series = await searchForSeries(root, { studyInstanceUid }, { includefield: [TAG.Modality] }, read);
  const audited = series.filter((item) => AUDITED_MODALITIES.has(jsonString(item, TAG.Modality) ?? ''));

  const instances = (await mapConcurrently(audited, concurrency, async (item) => {
    const seriesInstanceUid = jsonString(item, TAG.SeriesInstanceUID);
    if (seriesInstanceUid === undefined) return [];
    const found = await searchForInstances(root, { studyInstanceUid, seriesInstanceUid }, {}, read);
    const modality = jsonString(item, TAG.Modality) as StudyObject['modality'];
    return sopInstanceUids(found).map((sopInstanceUid) => ({ seriesInstanceUid, sopInstanceUid, modality }));
  })).flat();

  let done = 0;
  const objects: StudyObject[] = await mapConcurrently(instances, concurrency, async (instance): Promise<StudyObject> => {
    try {
      const bytes = await retrieveInstance(root, { studyInstanceUid, ...instance }, read, instance.modality === 'SR' ? MAX_SR_BYTES : MAX_PART10_BYTES);
      return { ...instance, bytes };
    } catch (error) {
      // A failing request fails the audit; an answer refused as unreadable (too large, not Part 10) is this object's finding.
      if (error instanceof DicomwebReadError && error.kind === 'parse') return { ...instance, refused: error };
      throw error;
    } finally {
      options.onProgress?.(++done, instances.length);
    }
  });

  // The images of every other series of the study, present or not — one search per series, not one
  // request per image: the reports' Image Libraries and the journal's records of images are checked
  // against them, whichever reports are left.
  const gathered = caseRecordsFromObjects(studyInstanceUid, objects, [], options.signatures ? { signatures: options.signatures } : {});
  const imageSeries = series.filter((item) => !AUDITED_MODALITIES.has(jsonString(item, TAG.Modality) ?? '')).map((item) => jsonString(item, TAG.SeriesInstanceUID));
  const images: PresentInstance[] = (await mapConcurrently(imageSeries.filter((uid): uid is string => uid !== undefined), concurrency, async (seriesInstanceUid) => {
    const found = await searchForInstances(root, { studyInstanceUid, seriesInstanceUid }, {}, read);
    return sopInstanceUids(found).map((sopInstanceUid) => ({ seriesInstanceUid, sopInstanceUid }));
  })).flat();
  const retrieved = new Map(gathered.retrieved);
  for (const image of images) if (!retrieved.has(image.sopInstanceUid)) retrieved.set(image.sopInstanceUid, { studyInstanceUid, ...image, kind: 'image' });
  return { records: gathered.records, retrieved };
}

function sopInstanceUids(datasets: readonly DicomJsonDataset[]): string[] {
  return datasets.map((dataset) => jsonString(dataset, TAG.SOPInstanceUID)).filter((uid): uid is string => uid !== undefined);
}
