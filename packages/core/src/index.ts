// @segqc/core public API. Pure TypeScript: runs in Node, browsers and Web Workers.

// hashing and text
export { sha256, sha256Hex } from './hash/sha256';
export { encodeUtf8 } from './text/utf8';

// DICOM foundations
export type { NaturalDataset } from './dicom/NaturalDataset';
export { DicomValueError, joinAttributePath } from './dicom/DicomValueError';
export { uidFromName, randomUid } from './dicom/uid';
export { writePart10, EXPLICIT_VR_LITTLE_ENDIAN, IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './dicom/part10';
export { readPart10, type Part10Contents } from './dicom/readPart10';
export { CodedConcept, type CodeInit } from './dicom/CodedConcept';
export { personIdentificationItem, displayName, type IdentifiedPerson } from './dicom/personIdentification';
export { specificCharacterSetFor } from './dicom/specificCharacterSet';
export { SOP_CLASS } from './dicom/sopClasses';
export {
  checkCodeString, checkRequiredCodeString, checkLongString, checkShortString, checkUnlimitedCharacters, checkPersonName,
  checkDate, checkTime, checkUid, checkIntegerString, checkUnsignedShort, checkDecimal,
} from './dicom/vrChecks';

// coded terminology, as data
export { SCT } from './codes/sct';
export { DCM } from './codes/dcm';
export { SEGQC_SCHEME_DESIGNATOR, segqcCodingSchemeIdentification } from './codes/segqcScheme';

// Segmentation (BINARY SEG) writing
export {
  buildBinarySeg, SEGQC_MANUFACTURER,
  type BinarySegInput, type SegmentMask, type SegCreator, type SegEquipment, type ImageLaterality,
} from './seg/buildBinarySeg';
export { SegmentDescription, SEGMENT_ALGORITHM_TYPES, type SegmentDescriptionInit, type SegmentAlgorithmType } from './seg/SegmentDescription';
export { SegValueError } from './seg/SegValueError';
export type { SourceImage } from './seg/SourceImage';
export { describeSourceGeometry, type SourceGeometry } from './seg/sourceGeometry';
export { srgbToCielab, srgbToDicomLab, dicomLabToSrgb, type Srgb, type DicomLab } from './seg/cielab';
export { packBinaryFrames } from './seg/packBinaryFrames';
export { unpackBinaryFrames } from './seg/unpackBinaryFrames';

// Volumes on the source grid
export { voxelCount, voxelVolumeMl, voxelToPatient, type VoxelGrid } from './volume/VoxelGrid';
export { BitMask, popcount32 } from './volume/BitMask';
export type { Segmentation, SegmentVolume } from './volume/Segmentation';

// Multi-rater statistics (kappa, alpha, ICC, Bland–Altman) and consensus (majority vote, STAPLE)
export { StatsInputError } from './stats/StatsInputError';
export type { Interval } from './stats/Interval';
export { cohensKappa, type CohensKappa } from './stats/cohensKappa';
export { cohensKappaFromRatings } from './stats/cohensKappaFromRatings';
export type { Category } from './stats/categoricalRatings';
export { fleissKappa, type FleissKappa, type FleissKappaOptions, type CategoryKappa } from './stats/fleissKappa';
export { fleissKappaFromRatings } from './stats/fleissKappaFromRatings';
export { krippendorffAlpha, type KrippendorffAlpha, type KrippendorffAlphaOptions, type KrippendorffLevel } from './stats/krippendorffAlpha';
export { icc, type IntraclassCorrelation, type IccEstimate } from './stats/icc';
export { blandAltman, type BlandAltman } from './stats/blandAltman';
export { pairwiseMatrix, type PairwiseMatrix } from './stats/pairwiseMatrix';
export { percentileBootstrap, type BootstrapOptions, type BootstrapInterval } from './stats/percentileBootstrap';
export { SeededRandom } from './stats/SeededRandom';
export { normalQuantile } from './stats/normalQuantile';
export { fCdf, fSurvival, fQuantile } from './stats/fDistribution';
export { tCriticalValue } from './stats/studentT';
export { regularizedIncompleteBeta, inverseRegularizedIncompleteBeta } from './stats/incompleteBeta';
export { ConsensusInputError } from './consensus/ConsensusInputError';
export { majorityVote, type MajorityVote } from './consensus/majorityVote';
export { staple, type StapleOptions, type StapleResult } from './consensus/staple';
