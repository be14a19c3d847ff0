/**
 * The inventory of one case, read from a DICOMweb PACS (every request with the caller's auth
 * headers): one QIDO-RS search for the study's series; WADO-RS series metadata of each SEG series
 * (who made each SEG, when, under which SOP, on which series — no pixel data); and each SR of a
 * class that can hold TID 1500, retrieved and read with readQcReport (QC reports are small).
 * Another kind of SR, and a TID 1500 report that is not SegQC's, is not a QC report and is passed
 * over; an object that cannot be read — malformed, or refused as too large or deflated — is listed
 * with its reason. A failing request rejects with the DicomwebReadError.
 */
import { MAX_SR_BYTES } from '../dicom/readLimits';
import { jsonString } from '../dicomweb/dicomJson';
import { DicomwebReadError } from '../dicomweb/DicomwebReadError';
import type { DicomwebReadOptions } from '../dicomweb/dicomwebGet';
import { retrieveInstance } from '../dicomweb/retrieveInstance';
import { retrieveSeriesMetadata } from '../dicomweb/retrieveSeriesMetadata';
import { searchForInstances } from '../dicomweb/searchForInstances';
import { searchForSeries } from '../dicomweb/searchForSeries';
import { MEASUREMENT_REPORT_SOP_CLASSES } from '../sr/readMeasurementReport';
import { readQcReport } from '../sr/readQcReport';
import { byMadeAt } from './byMadeAt';
import type { CaseInventory, InventoryQcReport, InventoryUnreadable } from './InventoryModel';
import { comparedSeries } from './comparedSeries';
import { inventorySeg } from './inventorySeg';
import { qcStateOf } from './qcState';
import { reviewerChoicesOfReports } from '../review/reviewerChoices';
import { withReviewerAttribution } from './withReviewerAttribution';

const TAG = { Modality: '00080060', SeriesInstanceUID: '0020000E', SOPInstanceUID: '00080018', SOPClassUID: '00080016' } as const;
const REFERENCE_LABELS = new Set(['ADJUDICATED', 'GOLD']);

export async function caseInventory(root: string, studyInstanceUid: string, options: DicomwebReadOptions): Promise<CaseInventory> {
  const read: DicomwebReadOptions = { fetch: options.fetch, ...(options.headers !== undefined ? { headers: options.headers } : {}) };
  const series = (await searchForSeries(root, { studyInstanceUid }, { includefield: [TAG.Modality] }, read))
    .map((dataset) => ({ seriesInstanceUid: jsonString(dataset, TAG.SeriesInstanceUID), modality: jsonString(dataset, TAG.Modality) ?? null }))
    .filter((entry): entry is { seriesInstanceUid: string; modality: string | null } => entry.seriesInstanceUid !== undefined);
  const ofModality = (modality: string) => series.filter((entry) => entry.modality === modality).map((entry) => entry.seriesInstanceUid);
  const unreadable: InventoryUnreadable[] = [];

  const segs = (await Promise.all(ofModality('SEG').map(async (seriesInstanceUid) => {
    const metadata = await retrieveSeriesMetadata(root, { studyInstanceUid, seriesInstanceUid }, read);
    return metadata.flatMap((instance) => {
      const seg = inventorySeg(instance, seriesInstanceUid);
      if (seg === null) unreadable.push({ sopInstanceUid: null, seriesInstanceUid, modality: 'SEG', reason: 'its metadata has no SOP Instance UID (0008,0018)' });
      return seg ?? [];
    });
  }))).flat().sort(byMadeAt);

  const qcReports = (await Promise.all(ofModality('SR').map((seriesInstanceUid) => qcReportsOfSeries(root, studyInstanceUid, seriesInstanceUid, read, unreadable))))
    .flat()
    .sort(byRevision);

  // Any SEG that is not a reference standard is one more reader's opinion (OHIF labels its own SEGMENTATION).
  const references = segs.filter((seg) => seg.contentLabel !== null && REFERENCE_LABELS.has(seg.contentLabel));
  const reviewerChoices = reviewerChoicesOfReports(qcReports.map(({ report }) => report));
  const annotations = segs.filter((seg) => !references.includes(seg)).map((seg) => withReviewerAttribution(seg, reviewerChoices));
  const compared = comparedSeries(annotations);
  const sourceSeriesInstanceUid = compared ?? references.find((seg) => seg.sourceSeriesInstanceUid !== null)?.sourceSeriesInstanceUid ?? null;
  const annotationsOfCompared = annotations.filter((seg) => compared !== null && seg.sourceSeriesInstanceUid === compared).length;
  return {
    studyInstanceUid,
    sourceSeriesInstanceUid,
    modality: series.find((entry) => entry.seriesInstanceUid === sourceSeriesInstanceUid)?.modality ?? null,
    annotations,
    references,
    qcReports,
    reviewerChoices,
    unreadable: unreadable.sort((a, b) => a.seriesInstanceUid.localeCompare(b.seriesInstanceUid) || (a.sopInstanceUid ?? '').localeCompare(b.sopInstanceUid ?? '')),
    state: qcStateOf(annotationsOfCompared, qcReports.map(({ report }) => report)),
    calibration: references.some((seg) => seg.contentLabel === 'GOLD'),
  };
}

async function qcReportsOfSeries(
  root: string, studyInstanceUid: string, seriesInstanceUid: string, read: DicomwebReadOptions, unreadable: InventoryUnreadable[],
): Promise<InventoryQcReport[]> {
  const instances = await searchForInstances(root, { studyInstanceUid, seriesInstanceUid }, { includefield: [TAG.SOPClassUID] }, read);
  const reports: InventoryQcReport[] = [];
  for (const instance of instances) {
    const sopInstanceUid = jsonString(instance, TAG.SOPInstanceUID);
    const sopClassUid = jsonString(instance, TAG.SOPClassUID);
    // A class that cannot hold TID 1500 (a Basic Text SR, a Key Object Selection…) is not retrieved.
    if (sopInstanceUid === undefined || (sopClassUid !== undefined && !MEASUREMENT_REPORT_SOP_CLASSES.has(sopClassUid))) continue;
    try {
      const { qc } = readQcReport(await retrieveInstance(root, { studyInstanceUid, seriesInstanceUid, sopInstanceUid }, read, MAX_SR_BYTES));
      if (qc) reports.push({ sopInstanceUid, seriesInstanceUid, report: qc });
    } catch (error) {
      // A failing request fails the case; an answer that cannot be read (too large, deflated, malformed) is this object's.
      if (error instanceof DicomwebReadError && error.kind !== 'parse') throw error;
      unreadable.push({ sopInstanceUid, seriesInstanceUid, modality: 'SR', reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return reports;
}

/** Revision order: InstanceNumber (a revision takes the next), then content date and time, then UID. */
function byRevision(a: InventoryQcReport, b: InventoryQcReport): number {
  return a.report.instanceNumber - b.report.instanceNumber
    || `${a.report.contentDate}${a.report.contentTime}`.localeCompare(`${b.report.contentDate}${b.report.contentTime}`)
    || a.sopInstanceUid.localeCompare(b.sopInstanceUid);
}
