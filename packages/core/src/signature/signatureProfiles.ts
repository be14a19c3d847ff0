/**
 * Which attributes a signature covers, after the Digital Signature Profiles of PS3.15 Annex C.
 * All use the Base RSA Digital Signature Profile's mechanism (C.1: an RSA key, an X.509
 * certificate, a SHA-2 MAC; SegQC uses SHA256); they differ in the Data Elements Signed. Each list
 * names the attributes of the modules a profile requires "if present" that SegQC's SEG and SR
 * objects can carry (PS3.3 module tables), plus the SOP Common identity both need.
 *
 * - `sr-verification` — C.4 Structured Report RSA Digital Signature Profile, for an SR whose
 *   Verification Flag is VERIFIED: its minimum list (SOP Class, Study and Series UIDs, General
 *   Equipment, the evidence and predecessor sequences, Observation DateTime, the SR Document
 *   Content Module) and, because the document is VERIFIED, SOP Instance UID, Verification Flag,
 *   Verifying Observer Sequence and Verification DateTime; the signature's purpose must be
 *   (5, ASTM-sigpurpose, "Verification Signature"). SegQC adds the rest of the SR Document General
 *   Module (author, completion, content date/time, references) and the character set and coding
 *   scheme identification that fix what the signed text and codes mean.
 * - `authorization` — C.3 Authorization RSA Digital Signature Profile ("the technician or physician
 *   who approves a DICOM SOP Instance for use"): the General Image, Image Pixel, Multi-frame
 *   Functional Groups and Segmentation Image Modules (and the SR modules, for an approved SR), plus
 *   what SegQC shows the approver: frame of reference, referenced source series, dimensions,
 *   content label/description/creator, series number/description, General Equipment.
 * - `creator` — C.2 Creator RSA Digital Signature Profile: `authorization` plus the Instance
 *   Creation Date and Time (the creating application's own integrity check).
 * - `all` — every signable top-level attribute present.
 *
 * Patient and Study descriptive attributes (name, ID, birth date, accession number …) are left out
 * of the named profiles, as C.2–C.4 leave them out: a PACS may coerce them on storage (PS3.4
 * B.4.1.3) and that must not break the signature; the Study Instance UID binds the object to its
 * study. Add them with `extraTags` where coercion cannot happen.
 */
import dcmjs from 'dcmjs';
import { DicomValueError } from '../dicom/DicomValueError';

export type SignatureProfileName = 'sr-verification' | 'authorization' | 'creator' | 'all';

interface DictionaryEntry {
  tag: string;
  name: string;
}
const dictionary = (): { nameMap: Record<string, DictionaryEntry | undefined>; dictionary: Record<string, DictionaryEntry | undefined> } =>
  dcmjs.data.DicomMetaDictionary as unknown as { nameMap: Record<string, DictionaryEntry | undefined>; dictionary: Record<string, DictionaryEntry | undefined> };

/** The tag of a PS3.6 keyword, or of `(gggg,eeee)` / `ggggeeee`, as (group << 16 | element). */
export function tagOf(keywordOrTag: string | number): number {
  if (typeof keywordOrTag === 'number') return keywordOrTag >>> 0;
  const hex = /^\(?([0-9A-Fa-f]{4}),?([0-9A-Fa-f]{4})\)?$/.exec(keywordOrTag);
  if (hex) return parseInt(hex[1] + hex[2], 16) >>> 0;
  const entry = dictionary().nameMap[keywordOrTag];
  if (!entry) throw new DicomValueError(keywordOrTag, 'is not a DICOM keyword (PS3.6)');
  return parseInt(entry.tag.replace(/[(),]/g, ''), 16) >>> 0;
}

/** The PS3.6 keyword of a tag, or undefined (private or unknown). */
export function keywordOf(tag: number): string | undefined {
  const hex = (tag >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return dictionary().dictionary[`(${hex.slice(0, 4)},${hex.slice(4)})`]?.name;
}

const SOP_IDENTITY = ['SOPClassUID', 'SOPInstanceUID', 'StudyInstanceUID', 'SeriesInstanceUID'];
/** What the signed text and codes mean (SOP Common Module). */
const MEANING = ['SpecificCharacterSet', 'CodingSchemeIdentificationSequence', 'ContextGroupIdentificationSequence', 'MappingResourceIdentificationSequence'];
const GENERAL_EQUIPMENT = [
  'Manufacturer', 'InstitutionName', 'InstitutionAddress', 'StationName', 'InstitutionalDepartmentName', 'InstitutionalDepartmentTypeCodeSequence',
  'ManufacturerModelName', 'ManufacturerDeviceClassUID', 'DeviceSerialNumber', 'SoftwareVersions', 'GantryID', 'UDISequence', 'DeviceUID',
  'SpatialResolution', 'DateOfLastCalibration', 'TimeOfLastCalibration', 'PixelPaddingValue',
];
const SR_DOCUMENT_CONTENT = ['ValueType', 'ConceptNameCodeSequence', 'ContinuityOfContent', 'ContentTemplateSequence', 'ObservationDateTime', 'ObservationUID', 'ContentSequence'];
const SR_DOCUMENT_GENERAL = [
  'InstanceNumber', 'PreliminaryFlag', 'CompletionFlag', 'CompletionFlagDescription', 'VerificationFlag', 'ContentDate', 'ContentTime',
  'VerifyingObserverSequence', 'AuthorObserverSequence', 'ParticipantSequence', 'CustodialOrganizationSequence', 'PredecessorDocumentsSequence',
  'IdenticalDocumentsSequence', 'ReferencedRequestSequence', 'PerformedProcedureCodeSequence', 'CurrentRequestedProcedureEvidenceSequence',
  'PertinentOtherEvidenceSequence', 'ReferencedInstanceSequence',
];
const GENERAL_IMAGE = [
  'InstanceNumber', 'PatientOrientation', 'ContentDate', 'ContentTime', 'ImageType', 'AcquisitionNumber', 'AcquisitionDate', 'AcquisitionTime',
  'AcquisitionDateTime', 'ImagesInAcquisition', 'ImageComments', 'QualityControlImage', 'BurnedInAnnotation', 'RecognizableVisualFeatures',
  'LossyImageCompression', 'LossyImageCompressionRatio', 'LossyImageCompressionMethod', 'IconImageSequence', 'PresentationLUTShape',
  'IrradiationEventUID', 'RealWorldValueMappingSequence', 'ImageLaterality', 'AnatomicRegionSequence', 'PrimaryAnatomicStructureSequence',
];
const IMAGE_PIXEL = [
  'SamplesPerPixel', 'PhotometricInterpretation', 'Rows', 'Columns', 'BitsAllocated', 'BitsStored', 'HighBit', 'PixelRepresentation',
  'PlanarConfiguration', 'PixelAspectRatio', 'SmallestImagePixelValue', 'LargestImagePixelValue', 'ICCProfile', 'ColorSpace', 'PixelData',
  'PixelDataProviderURL', 'PixelPaddingRangeLimit', 'ExtendedOffsetTable', 'ExtendedOffsetTableLengths',
];
const MULTI_FRAME_FUNCTIONAL_GROUPS = [
  'SharedFunctionalGroupsSequence', 'PerFrameFunctionalGroupsSequence', 'NumberOfFrames', 'StereoPairsPresent', 'ConcatenationFrameOffsetNumber',
  'RepresentativeFrameNumber', 'ConcatenationUID', 'SOPInstanceUIDOfConcatenationSource', 'InConcatenationNumber', 'InConcatenationTotalNumber',
];
const SEGMENTATION_IMAGE = [
  'ContentLabel', 'ContentDescription', 'AlternateContentDescriptionSequence', 'ContentCreatorName', 'ContentCreatorIdentificationCodeSequence',
  'SegmentationType', 'SegmentationFractionalType', 'MaximumFractionalValue', 'SegmentsOverlap', 'SegmentSequence', 'ImageOrientationSlide',
];
/** What SegQC's viewer shows the person approving a SEG, beyond the modules above. */
const SHOWN_TO_APPROVER = [
  'FrameOfReferenceUID', 'ReferencedSeriesSequence', 'StudiesContainingOtherReferencedInstancesSequence', 'DimensionOrganizationSequence',
  'DimensionIndexSequence', 'DimensionOrganizationType', 'SeriesNumber', 'SeriesDescription', 'Modality', 'SourceImageSequence',
  'ReferencedImageSequence', 'ContentQualification',
];

const PROFILE_KEYWORDS: Record<Exclude<SignatureProfileName, 'all'>, readonly string[]> = {
  'sr-verification': [...SOP_IDENTITY, ...MEANING, ...GENERAL_EQUIPMENT, ...SR_DOCUMENT_GENERAL, ...SR_DOCUMENT_CONTENT, 'VerificationDateTime'],
  authorization: [
    ...SOP_IDENTITY, ...MEANING, ...GENERAL_EQUIPMENT, ...GENERAL_IMAGE, ...IMAGE_PIXEL, ...MULTI_FRAME_FUNCTIONAL_GROUPS, ...SEGMENTATION_IMAGE,
    ...SR_DOCUMENT_GENERAL, ...SR_DOCUMENT_CONTENT, ...SHOWN_TO_APPROVER,
  ],
  creator: [], // authorization + creation date/time, below
};
PROFILE_KEYWORDS.creator = [...PROFILE_KEYWORDS.authorization, 'InstanceCreationDate', 'InstanceCreationTime', 'InstanceCreatorUID'];

/** Attributes a profile cannot do without (signing fails when one is absent). */
const PROFILE_REQUIRED: Record<SignatureProfileName, readonly string[]> = {
  'sr-verification': ['SOPClassUID', 'SOPInstanceUID', 'StudyInstanceUID', 'SeriesInstanceUID', 'VerificationFlag', 'VerifyingObserverSequence', 'ContentSequence'],
  authorization: ['SOPClassUID', 'SOPInstanceUID', 'StudyInstanceUID', 'SeriesInstanceUID'],
  creator: ['SOPClassUID', 'SOPInstanceUID', 'StudyInstanceUID', 'SeriesInstanceUID'],
  all: ['SOPClassUID', 'SOPInstanceUID'],
};

/** The tags a named profile signs if present; undefined for `all` (every signable attribute). */
export function profileTags(profile: SignatureProfileName): ReadonlySet<number> | undefined {
  if (profile === 'all') return undefined;
  return new Set(PROFILE_KEYWORDS[profile].map(tagOf));
}

/** The tags a profile requires to be present and signed. */
export function profileRequiredTags(profile: SignatureProfileName): number[] {
  return PROFILE_REQUIRED[profile].map(tagOf);
}
