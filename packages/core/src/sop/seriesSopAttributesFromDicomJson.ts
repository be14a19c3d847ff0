import { jsonNumber, jsonString, jsonStrings, type DicomJsonDataset } from '../dicomweb/dicomJson';
import type { SopSeriesAttributes } from './classifyMrSequence';

/** DICOM tags selectSop reads (PS3.6). */
const TAG = {
  Modality: '00080060',
  SeriesDescription: '0008103E',
  ContrastBolusAgent: '00180010',
  ScanningSequence: '00180020',
  SequenceVariant: '00180021',
  RepetitionTime: '00180080',
  EchoTime: '00180081',
  InversionTime: '00180082',
  DiffusionBValue: '00189087',
  ImageType: '00080008',
} as const;

/**
 * What selectSop reads of the source series, from the first instance of its WADO-RS metadata: the
 * attributes are series-level in practice (as the viewer reads them,
 * extensions/segmentation-qc/src/sop/seriesSopAttributes.ts). Used by `segqc qc` and by the
 * programme's observations (sopInForce), so that both choose a case's SOP alike. Classic images
 * only: an Enhanced MR image keeps its timing in functional groups, and its sequence class then
 * comes from the description alone. The diffusion b-value and Image Type (DIFFUSION, ADC, TRACEW)
 * tell a diffusion series by its header.
 */
export function seriesSopAttributesFromDicomJson(instance: DicomJsonDataset): SopSeriesAttributes {
  const attributes: SopSeriesAttributes = { Modality: (jsonString(instance, TAG.Modality) ?? '').toUpperCase() };
  const description = jsonString(instance, TAG.SeriesDescription);
  const scanning = jsonStrings(instance, TAG.ScanningSequence).filter((value) => value !== '');
  const variant = jsonStrings(instance, TAG.SequenceVariant).filter((value) => value !== '');
  const agent = jsonString(instance, TAG.ContrastBolusAgent);
  const imageType = jsonStrings(instance, TAG.ImageType).filter((value) => value !== '');
  if (description !== undefined) attributes.SeriesDescription = description;
  if (scanning.length > 0) attributes.ScanningSequence = scanning;
  if (variant.length > 0) attributes.SequenceVariant = variant;
  if (agent !== undefined) attributes.ContrastBolusAgent = agent;
  if (imageType.length > 0) attributes.ImageType = imageType;
  for (const key of ['RepetitionTime', 'EchoTime', 'InversionTime', 'DiffusionBValue'] as const) {
    const value = jsonNumber(instance, TAG[key]);
    if (value !== undefined && Number.isFinite(value)) attributes[key] = value;
  }
  return attributes;
}
