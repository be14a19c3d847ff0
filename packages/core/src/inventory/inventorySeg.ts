/**
 * One SEG of the inventory from its WADO-RS series metadata (DICOM JSON, no pixel data): its role
 * (ContentLabel, PS3.3 Table 10-12), its creator (ContentCreatorName and the Person Identification
 * Macro's login, PS3.3 Table 10-1, as the SEG writer records them), when it was made, the SOP in
 * its ProtocolName (SopReference) and the source series it was drawn on (ReferencedSeriesSequence,
 * PS3.3 C.12.2). Returns null for a dataset without a SOP Instance UID: nothing can name it.
 */
import { jsonPersonName, jsonSequence, jsonString, type DicomJsonDataset } from '../dicomweb/dicomJson';
import { parseSopReference } from '../seg/SopReference';
import type { InventorySeg } from './InventoryModel';

/** DICOM tags read here (PS3.6). */
const TAG = {
  SOPInstanceUID: '00080018',
  SeriesInstanceUID: '0020000E',
  ContentDate: '00080023',
  ContentTime: '00080033',
  ContentLabel: '00700080',
  ContentCreatorName: '00700084',
  ContentCreatorIdentificationCodeSequence: '00700086',
  PersonIdentificationCodeSequence: '00401101',
  CodeValue: '00080100',
  ProtocolName: '00181030',
  ReferencedSeriesSequence: '00081115',
  SegmentSequence: '00620002',
  SegmentNumber: '00620004',
  SegmentLabel: '00620005',
} as const;

export function inventorySeg(instance: DicomJsonDataset, seriesInstanceUid: string): InventorySeg | null {
  const sopInstanceUid = jsonString(instance, TAG.SOPInstanceUID);
  if (sopInstanceUid === undefined) return null;
  return {
    sopInstanceUid,
    seriesInstanceUid: jsonString(instance, TAG.SeriesInstanceUID) ?? seriesInstanceUid,
    contentLabel: jsonString(instance, TAG.ContentLabel) ?? null,
    creator: { name: jsonPersonName(instance, TAG.ContentCreatorName) ?? null, login: creatorLogin(instance) },
    contentDate: jsonString(instance, TAG.ContentDate) ?? null,
    contentTime: jsonString(instance, TAG.ContentTime) ?? null,
    sop: parseSopReference(jsonString(instance, TAG.ProtocolName)) ?? null,
    sourceSeriesInstanceUid: jsonString(jsonSequence(instance, TAG.ReferencedSeriesSequence)[0] ?? {}, TAG.SeriesInstanceUID) ?? null,
    segmentLabels: jsonSequence(instance, TAG.SegmentSequence).map((segment, n) => jsonString(segment, TAG.SegmentLabel) ?? `Segment ${jsonString(segment, TAG.SegmentNumber) ?? n + 1}`),
  };
}

/** The code value of the first creator's Person Identification Code Sequence that has one. */
function creatorLogin(instance: DicomJsonDataset): string | null {
  for (const creator of jsonSequence(instance, TAG.ContentCreatorIdentificationCodeSequence)) {
    for (const code of jsonSequence(creator, TAG.PersonIdentificationCodeSequence)) {
      const login = jsonString(code, TAG.CodeValue);
      if (login !== undefined) return login;
    }
  }
  return null;
}
