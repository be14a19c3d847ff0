/**
 * The attributes SegQC reads from SEG and source image files, as data: tag → keyword and VR
 * (PS3.6 Table 6-1). An implicit VR file carries no VRs, so the reader needs the VR of every
 * attribute it interprets; attributes not listed here are kept as raw bytes (or, with undefined
 * length, parsed as sequences, PS3.5 7.5.1) and never interpreted.
 */

/** [tag as gggg_eeee hex, keyword, VR]. */
const ENTRIES: readonly (readonly [number, string, string])[] = [
  [0x00020002, 'MediaStorageSOPClassUID', 'UI'],
  [0x00020003, 'MediaStorageSOPInstanceUID', 'UI'],
  [0x00020010, 'TransferSyntaxUID', 'UI'],
  [0x00080005, 'SpecificCharacterSet', 'CS'],
  [0x00080016, 'SOPClassUID', 'UI'],
  [0x00080018, 'SOPInstanceUID', 'UI'],
  [0x00080020, 'StudyDate', 'DA'],
  [0x00080023, 'ContentDate', 'DA'],
  [0x00080030, 'StudyTime', 'TM'],
  [0x00080033, 'ContentTime', 'TM'],
  [0x00080050, 'AccessionNumber', 'SH'],
  [0x00080060, 'Modality', 'CS'],
  [0x00080070, 'Manufacturer', 'LO'],
  [0x00080090, 'ReferringPhysicianName', 'PN'],
  [0x00080100, 'CodeValue', 'SH'],
  [0x00080102, 'CodingSchemeDesignator', 'SH'],
  [0x00080103, 'CodingSchemeVersion', 'SH'],
  [0x00080104, 'CodeMeaning', 'LO'],
  [0x00080110, 'CodingSchemeIdentificationSequence', 'SQ'],
  [0x00080116, 'CodingSchemeResponsibleOrganization', 'ST'],
  [0x00080119, 'LongCodeValue', 'UC'],
  [0x00080120, 'URNCodeValue', 'UR'],
  [0x00081030, 'StudyDescription', 'LO'],
  [0x0008103e, 'SeriesDescription', 'LO'],
  [0x00081115, 'ReferencedSeriesSequence', 'SQ'],
  [0x0008114a, 'ReferencedInstanceSequence', 'SQ'],
  [0x00081150, 'ReferencedSOPClassUID', 'UI'],
  [0x00081155, 'ReferencedSOPInstanceUID', 'UI'],
  [0x00100010, 'PatientName', 'PN'],
  [0x00100020, 'PatientID', 'LO'],
  [0x00100030, 'PatientBirthDate', 'DA'],
  [0x00100040, 'PatientSex', 'CS'],
  [0x00101010, 'PatientAge', 'AS'],
  [0x00180050, 'SliceThickness', 'DS'],
  [0x00180088, 'SpacingBetweenSlices', 'DS'],
  [0x0020000d, 'StudyInstanceUID', 'UI'],
  [0x0020000e, 'SeriesInstanceUID', 'UI'],
  [0x00200010, 'StudyID', 'SH'],
  [0x00200032, 'ImagePositionPatient', 'DS'],
  [0x00200037, 'ImageOrientationPatient', 'DS'],
  [0x00200052, 'FrameOfReferenceUID', 'UI'],
  [0x00201040, 'PositionReferenceIndicator', 'LO'],
  [0x00209113, 'PlanePositionSequence', 'SQ'],
  [0x00209116, 'PlaneOrientationSequence', 'SQ'],
  [0x00280002, 'SamplesPerPixel', 'US'],
  [0x00280004, 'PhotometricInterpretation', 'CS'],
  [0x00280008, 'NumberOfFrames', 'IS'],
  [0x00280010, 'Rows', 'US'],
  [0x00280011, 'Columns', 'US'],
  [0x00280030, 'PixelSpacing', 'DS'],
  [0x00280100, 'BitsAllocated', 'US'],
  [0x00280101, 'BitsStored', 'US'],
  [0x00280102, 'HighBit', 'US'],
  [0x00280103, 'PixelRepresentation', 'US'],
  // US or SS by PixelRepresentation; SEGs are unsigned (PS3.3 C.8.20.2).
  [0x00280120, 'PixelPaddingValue', 'US'],
  [0x00289110, 'PixelMeasuresSequence', 'SQ'],
  [0x00401101, 'PersonIdentificationCodeSequence', 'SQ'],
  [0x00620001, 'SegmentationType', 'CS'],
  [0x00620002, 'SegmentSequence', 'SQ'],
  [0x00620003, 'SegmentedPropertyCategoryCodeSequence', 'SQ'],
  [0x00620004, 'SegmentNumber', 'US'],
  [0x00620005, 'SegmentLabel', 'LO'],
  [0x0062000a, 'SegmentIdentificationSequence', 'SQ'],
  [0x0062000b, 'ReferencedSegmentNumber', 'US'],
  [0x0062000e, 'MaximumFractionalValue', 'US'],
  [0x0062000f, 'SegmentedPropertyTypeCodeSequence', 'SQ'],
  [0x00620010, 'SegmentationFractionalType', 'CS'],
  [0x00620011, 'SegmentedPropertyTypeModifierCodeSequence', 'SQ'],
  [0x00620013, 'SegmentsOverlap', 'CS'],
  [0x00700080, 'ContentLabel', 'CS'],
  [0x00700081, 'ContentDescription', 'LO'],
  [0x00700084, 'ContentCreatorName', 'PN'],
  [0x00700086, 'ContentCreatorIdentificationCodeSequence', 'SQ'],
  [0x52009229, 'SharedFunctionalGroupsSequence', 'SQ'],
  [0x52009230, 'PerFrameFunctionalGroupsSequence', 'SQ'],
  [0x7fe00001, 'ExtendedOffsetTable', 'OV'],
  [0x7fe00002, 'ExtendedOffsetTableLengths', 'OV'],
  [0x7fe00010, 'PixelData', 'OW'],
];

export interface DictionaryEntry {
  readonly keyword: string;
  readonly vr: string;
}

export const DICTIONARY: ReadonlyMap<number, DictionaryEntry> = new Map(ENTRIES.map(([tag, keyword, vr]) => [tag, { keyword, vr }]));

export const PIXEL_DATA_TAG = 0x7fe00010;

/** `(gggg,eeee)` for a tag not in the dictionary. */
export function tagName(tag: number): string {
  const known = DICTIONARY.get(tag);
  if (known) return known.keyword;
  const hex = tag.toString(16).toUpperCase().padStart(8, '0');
  return `(${hex.slice(0, 4)},${hex.slice(4)})`;
}
