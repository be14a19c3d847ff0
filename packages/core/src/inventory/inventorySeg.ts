/**
 * One SEG of the inventory from its WADO-RS series metadata (DICOM JSON, no pixel data): its role
 * (ContentLabel, PS3.3 Table 10-12), its creator (ContentCreatorName, the Person Identification
 * Macro's login, PS3.3 Table 10-1, and the sign-in when the SEG records one, none meaning
 * self-declared: identity/segCreatorIdentity.ts), when it was made, the SOP in
 * its ProtocolName (SopReference) and the source series it was drawn on (ReferencedSeriesSequence,
 * PS3.3 C.12.2). Returns null for a dataset without a SOP Instance UID: nothing can name it.
 */
import { jsonNumber, jsonPersonName, jsonSequence, jsonString, type DicomJsonDataset } from '../dicomweb/dicomJson';
import { segAttribution } from '../identity/segAttribution';
import { segCreatorIdentityOfJson } from '../identity/segCreatorIdentityOfJson';
import { parseSopReference } from '../seg/SopReference';
import type { InventorySeg } from './InventoryModel';

/** DICOM tags read here (PS3.6). */
const TAG = {
  SOPInstanceUID: '00080018',
  SeriesInstanceUID: '0020000E',
  ContentDate: '00080023',
  ContentTime: '00080033',
  ContentLabel: '00700080',
  ProtocolName: '00181030',
  ReferencedSeriesSequence: '00081115',
  SegmentSequence: '00620002',
  SegmentNumber: '00620004',
  SegmentLabel: '00620005',
  SeriesDescription: '0008103E',
  SeriesNumber: '00200011',
  OperatorsName: '00081070',
  SharedFunctionalGroupsSequence: '52009229',
  PixelMeasuresSequence: '00289110',
  SliceThickness: '00180050',
} as const;

export function inventorySeg(instance: DicomJsonDataset, seriesInstanceUid: string): InventorySeg | null {
  const sopInstanceUid = jsonString(instance, TAG.SOPInstanceUID);
  if (sopInstanceUid === undefined) return null;
  const creator = creatorOf(instance);
  const seriesNumber = jsonNumber(instance, TAG.SeriesNumber);
  return {
    sopInstanceUid,
    seriesInstanceUid: jsonString(instance, TAG.SeriesInstanceUID) ?? seriesInstanceUid,
    contentLabel: jsonString(instance, TAG.ContentLabel) ?? null,
    creator,
    attribution: segAttribution({
      creatorName: creator.name,
      login: creator.login,
      seriesDescription: jsonString(instance, TAG.SeriesDescription) ?? null,
      operatorsName: jsonPersonName(instance, TAG.OperatorsName) ?? null,
      seriesNumber: seriesNumber !== undefined && Number.isInteger(seriesNumber) ? seriesNumber : null,
    }),
    contentDate: jsonString(instance, TAG.ContentDate) ?? null,
    contentTime: jsonString(instance, TAG.ContentTime) ?? null,
    sop: parseSopReference(jsonString(instance, TAG.ProtocolName)) ?? null,
    sourceSeriesInstanceUid: jsonString(jsonSequence(instance, TAG.ReferencedSeriesSequence)[0] ?? {}, TAG.SeriesInstanceUID) ?? null,
    sliceThicknessMm: sliceThicknessOf(instance),
    segmentLabels: jsonSequence(instance, TAG.SegmentSequence).map((segment, n) => jsonString(segment, TAG.SegmentLabel) ?? `Segment ${jsonString(segment, TAG.SegmentNumber) ?? n + 1}`),
  };
}

/** The Pixel Measures' SliceThickness of the shared functional groups (PS3.3 C.7.6.16.2.1), when a positive number. */
function sliceThicknessOf(instance: DicomJsonDataset): number | null {
  const measures = jsonSequence(jsonSequence(instance, TAG.SharedFunctionalGroupsSequence)[0] ?? {}, TAG.PixelMeasuresSequence)[0];
  const thickness = measures ? jsonNumber(measures, TAG.SliceThickness) : undefined;
  return thickness !== undefined && Number.isFinite(thickness) && thickness > 0 ? thickness : null;
}

function creatorOf(instance: DicomJsonDataset): InventorySeg['creator'] {
  const identity = segCreatorIdentityOfJson(instance);
  return { name: identity.name ?? null, login: identity.login ?? null, ...(identity.authentication ? { authentication: identity.authentication } : {}) };
}
