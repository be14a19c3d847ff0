/**
 * The header of a Segmentation (PS3.3 A.51, C.8.20): what kind it is, its pixel matrix and frames,
 * its segments with their codes, who made it and what it references — validated, with every size
 * checked against the Pixel Data actually present, before anything is decoded or allocated.
 */
import type { CodeInit } from '../../dicom/CodedConcept';
import type { NaturalDataset } from '../../dicom/NaturalDataset';
import { SOP_CLASS } from '../../dicom/sopClasses';
import { PIXEL_DATA_TAG } from './dataDictionary';
import {
  optionalNumber, optionalPersonName, optionalString, requireInteger, requireString, sequenceItems,
} from './datasetValues';
import { naturalizeDataset } from './naturalize';
import { parseDicomFile, type DicomElement, type DicomFile } from './parseDicomFile';
import { SegParseError } from './SegParseError';
import { READABLE_TRANSFER_SYNTAXES, RLE_LOSSLESS } from './transferSyntaxes';

export type SegmentationType = 'BINARY' | 'FRACTIONAL' | 'LABELMAP';

export interface SegSegmentInfo {
  number: number;
  label: string;
  /** SegmentedPropertyCategoryCodeSequence. */
  category?: CodeInit;
  /** SegmentedPropertyTypeCodeSequence. */
  type?: CodeInit;
  /** SegmentedPropertyTypeModifierCodeSequence (e.g. Right, Left). */
  typeModifier?: CodeInit;
}

export interface SegHeader {
  sopClassUID: string;
  sopInstanceUID: string;
  seriesInstanceUID: string;
  studyInstanceUID?: string;
  transferSyntaxUID: string;
  segmentationType: SegmentationType;
  /** PROBABILITY or OCCUPANCY (FRACTIONAL only). */
  fractionalType?: string;
  maximumFractionalValue?: number;
  rows: number;
  columns: number;
  numberOfFrames: number;
  bitsAllocated: number;
  /** LABELMAP: the pixel value that means background (PS3.3 C.8.20.2, Sup 243). */
  pixelPaddingValue?: number;
  frameOfReferenceUID?: string;
  /** SeriesInstanceUID of each item of ReferencedSeriesSequence: the source series. */
  referencedSeriesInstanceUIDs: string[];
  segments: SegSegmentInfo[];
  segmentsOverlap?: string;
  contentLabel?: string;
  contentDescription?: string;
  contentCreatorName?: string;
  contentDate?: string;
  contentTime?: string;
  seriesDescription?: string;
}

/** The header and what decoding needs next: the naturalized dataset and the Pixel Data element. */
export interface ParsedSeg {
  header: SegHeader;
  file: DicomFile;
  dataset: NaturalDataset;
  pixelData: DicomElement;
}

/** Native pixel data may hold at most this many bits (2^34: a 2 GiB value; its length field is 32-bit). */
const MAX_PIXEL_BITS = 2 ** 34;
/** At most 2^30 pixels per frame (32768²), so per-frame bit offsets stay exact in 32-bit arithmetic. */
const MAX_FRAME_PIXELS = 2 ** 30;
const MAX_FRAMES = 2 ** 31 - 1;

export function readSegHeader(segBytes: Uint8Array): SegHeader {
  return parseSeg(segBytes).header;
}

export function parseSeg(segBytes: Uint8Array): ParsedSeg {
  const file = parseDicomFile(segBytes);
  const dataset = naturalizeDataset(file);

  const sopClassUID = requireString(dataset, 'SOPClassUID', '');
  if (sopClassUID !== SOP_CLASS.SegmentationStorage && sopClassUID !== SOP_CLASS.LabelMapSegmentationStorage) {
    throw new SegParseError('SOPClassUID', `${sopClassUID} is not a Segmentation (${SOP_CLASS.SegmentationStorage}) or Label Map Segmentation (${SOP_CLASS.LabelMapSegmentationStorage}) SOP class`);
  }
  // Own properties only: the UID is the file's text, and "constructor" is no transfer syntax.
  const transferSyntax = Object.hasOwn(READABLE_TRANSFER_SYNTAXES, file.transferSyntaxUID) ? READABLE_TRANSFER_SYNTAXES[file.transferSyntaxUID] : undefined;
  if (!transferSyntax) {
    throw new SegParseError('TransferSyntaxUID', `${file.transferSyntaxUID} is not supported; SegQC reads ${Object.entries(READABLE_TRANSFER_SYNTAXES).map(([uid, ts]) => `${ts.name} (${uid})`).join(', ')}`);
  }

  const segmentationType = requireString(dataset, 'SegmentationType', '') as SegmentationType;
  const labelMap = sopClassUID === SOP_CLASS.LabelMapSegmentationStorage;
  if (labelMap ? segmentationType !== 'LABELMAP' : segmentationType !== 'BINARY' && segmentationType !== 'FRACTIONAL') {
    throw new SegParseError('SegmentationType', `"${segmentationType}" is not allowed for SOP class ${sopClassUID} (${labelMap ? 'LABELMAP' : 'BINARY or FRACTIONAL'}, PS3.3 C.8.20.2)`);
  }

  const rows = requireInteger(dataset, 'Rows', '', 1, 0xffff);
  const columns = requireInteger(dataset, 'Columns', '', 1, 0xffff);
  const numberOfFrames = requireInteger(dataset, 'NumberOfFrames', '', 1, MAX_FRAMES);
  if (rows * columns > MAX_FRAME_PIXELS) throw new SegParseError('Rows', `${rows}×${columns} pixels per frame is more than SegQC reads (${MAX_FRAME_PIXELS})`);
  const samplesPerPixel = optionalNumber(dataset, 'SamplesPerPixel', '');
  if (samplesPerPixel !== undefined && samplesPerPixel !== 1) throw new SegParseError('SamplesPerPixel', `must be 1 for a Segmentation, got ${samplesPerPixel}`);
  const bitsAllocated = requireInteger(dataset, 'BitsAllocated', '', 1, 64);
  const allowedBits = segmentationType === 'BINARY' ? [1] : segmentationType === 'FRACTIONAL' ? [8] : [8, 16];
  if (!allowedBits.includes(bitsAllocated)) {
    throw new SegParseError('BitsAllocated', `is ${bitsAllocated}; a ${segmentationType} Segmentation has ${allowedBits.join(' or ')} (PS3.3 C.8.20.2)`);
  }
  const maximumFractionalValue = segmentationType === 'FRACTIONAL' ? requireInteger(dataset, 'MaximumFractionalValue', '', 1, 255) : undefined;
  const pixelPaddingValue = labelMap ? optionalNumber(dataset, 'PixelPaddingValue', '') : undefined;

  const pixelData = file.dataset.get(PIXEL_DATA_TAG);
  if (!pixelData) throw new SegParseError('PixelData', 'is missing');
  if (transferSyntax.encapsulated !== (pixelData.encapsulated !== undefined)) {
    throw new SegParseError('PixelData', transferSyntax.encapsulated ? `must be encapsulated in ${transferSyntax.name}` : `is encapsulated, but ${transferSyntax.name} pixel data is native`);
  }
  if (file.transferSyntaxUID === RLE_LOSSLESS && bitsAllocated === 1) {
    throw new SegParseError('TransferSyntaxUID', 'RLE Lossless cannot hold 1-bit BINARY pixel data (PS3.5 G.2)');
  }
  const totalBits = rows * columns * numberOfFrames * bitsAllocated;
  if (totalBits > MAX_PIXEL_BITS) {
    throw new SegParseError('NumberOfFrames', `${numberOfFrames} frames of ${rows}×${columns} ${bitsAllocated}-bit pixels (${totalBits} bits) exceed what SegQC reads (${MAX_PIXEL_BITS} bits)`);
  }
  const perFrame = sequenceItems(dataset, 'PerFrameFunctionalGroupsSequence', '', true);
  if (perFrame.length !== numberOfFrames) {
    throw new SegParseError('PerFrameFunctionalGroupsSequence', `has ${perFrame.length} items, but NumberOfFrames is ${numberOfFrames} (one item per frame, PS3.3 C.7.6.16)`);
  }
  if (!pixelData.encapsulated && pixelData.length < Math.ceil(totalBits / 8)) {
    throw new SegParseError('PixelData', `has ${pixelData.length} bytes; ${numberOfFrames} frames of ${rows}×${columns} ${bitsAllocated}-bit pixels need ${Math.ceil(totalBits / 8)}`);
  }
  if (pixelData.encapsulated && pixelData.encapsulated.fragments.length === 0) throw new SegParseError('PixelData', 'has no fragments');

  // Type 1C, required when the instance references others of its study (PS3.3 C.12.2): a SEG
  // always references its source series.
  const referencedSeries = sequenceItems(dataset, 'ReferencedSeriesSequence', '', true);
  const referencedSeriesInstanceUIDs = referencedSeries.map((item, n) => requireString(item, 'SeriesInstanceUID', `ReferencedSeriesSequence[${n}]`));

  const header: SegHeader = {
    sopClassUID,
    sopInstanceUID: requireString(dataset, 'SOPInstanceUID', ''),
    seriesInstanceUID: requireString(dataset, 'SeriesInstanceUID', ''),
    transferSyntaxUID: file.transferSyntaxUID,
    segmentationType,
    rows,
    columns,
    numberOfFrames,
    bitsAllocated,
    referencedSeriesInstanceUIDs,
    segments: readSegments(dataset, segmentationType, bitsAllocated),
  };
  const optional: Partial<SegHeader> = {
    studyInstanceUID: optionalString(dataset, 'StudyInstanceUID'),
    fractionalType: segmentationType === 'FRACTIONAL' ? optionalString(dataset, 'SegmentationFractionalType') : undefined,
    maximumFractionalValue,
    pixelPaddingValue,
    frameOfReferenceUID: optionalString(dataset, 'FrameOfReferenceUID'),
    segmentsOverlap: optionalString(dataset, 'SegmentsOverlap'),
    contentLabel: optionalString(dataset, 'ContentLabel'),
    contentDescription: optionalString(dataset, 'ContentDescription'),
    contentCreatorName: optionalPersonName(dataset, 'ContentCreatorName'),
    contentDate: optionalString(dataset, 'ContentDate'),
    contentTime: optionalString(dataset, 'ContentTime'),
    seriesDescription: optionalString(dataset, 'SeriesDescription'),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (header as unknown as Record<string, unknown>)[key] = value;
  return { header, file, dataset, pixelData };
}

/** SegmentSequence (PS3.3 C.8.20.4): unique numbers; 0 only in a LABELMAP, where it is the background. */
function readSegments(dataset: NaturalDataset, segmentationType: SegmentationType, bitsAllocated: number): SegSegmentInfo[] {
  const items = sequenceItems(dataset, 'SegmentSequence', '', true);
  const maxNumber = segmentationType === 'LABELMAP' ? 2 ** bitsAllocated - 1 : 0xffff;
  const minNumber = segmentationType === 'LABELMAP' ? 0 : 1;
  const seen = new Set<number>();
  return items.map((item, n) => {
    const path = `SegmentSequence[${n}]`;
    const number = requireInteger(item, 'SegmentNumber', path, minNumber, maxNumber);
    if (seen.has(number)) throw new SegParseError(`${path}.SegmentNumber`, `${number} is used by an earlier segment; segment numbers are unique`);
    seen.add(number);
    const segment: SegSegmentInfo = { number, label: optionalString(item, 'SegmentLabel') ?? '' };
    const category = codeOf(item, 'SegmentedPropertyCategoryCodeSequence', path);
    const type = codeOf(item, 'SegmentedPropertyTypeCodeSequence', path);
    if (category) segment.category = category;
    if (type) segment.type = type;
    // Nested in the type's code item (PS3.3 C.8.20.2, Table C.8.20-4); some writers put it beside it.
    const typeItem = sequenceItems(item, 'SegmentedPropertyTypeCodeSequence', path, false)[0];
    const typeModifier = (typeItem && codeOf(typeItem, 'SegmentedPropertyTypeModifierCodeSequence', `${path}.SegmentedPropertyTypeCodeSequence[0]`))
      ?? codeOf(item, 'SegmentedPropertyTypeModifierCodeSequence', path);
    if (typeModifier) segment.typeModifier = typeModifier;
    return segment;
  });
}

/** The first item of a Code Sequence Macro (PS3.3 Table 8.8-1), or undefined when the sequence is absent. */
function codeOf(item: NaturalDataset, keyword: string, path: string): CodeInit | undefined {
  const codes = sequenceItems(item, keyword, path, false);
  if (codes.length === 0) return undefined;
  const code = codes[0];
  const at = `${path}.${keyword}[0]`;
  const value = optionalString(code, 'CodeValue') ?? optionalString(code, 'LongCodeValue') ?? optionalString(code, 'URNCodeValue');
  if (value === undefined) throw new SegParseError(`${at}.CodeValue`, 'a code needs a CodeValue, LongCodeValue or URNCodeValue');
  const scheme = requireString(code, 'CodingSchemeDesignator', at);
  const schemeVersion = optionalString(code, 'CodingSchemeVersion');
  return { value, scheme, meaning: optionalString(code, 'CodeMeaning') ?? '', ...(schemeVersion !== undefined ? { schemeVersion } : {}) };
}
