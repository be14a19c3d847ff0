// @segqc/core public API. Pure TypeScript: runs in Node, browsers and Web Workers.

// hashing and text
export { sha256, sha256Hex } from './hash/sha256';
export { firstText, sequenceItems } from './dicom/naturalValues';
export {
  JOURNAL_GENESIS, JournalChainError, journalRecordHash, nextJournalRecord, readJournal, type JournalEntry, type JournalRecord, type JournalSignature,
} from './audit/journalRecords';
export { encodeUtf8 } from './text/utf8';
export { terminalText } from './text/terminalText';

// DICOM foundations
export type { NaturalDataset } from './dicom/NaturalDataset';
export { DicomValueError, joinAttributePath } from './dicom/DicomValueError';
export { uidFromName, randomUid } from './dicom/uid';
export { writePart10, EXPLICIT_VR_LITTLE_ENDIAN, IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './dicom/part10';
export { readPart10, type Part10Contents, type ReadPart10Options } from './dicom/readPart10';
export { assertReadablePart10, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, DEFLATED_REFUSAL } from './dicom/assertReadablePart10';
export { RefusedObjectError, type Refusal } from './dicom/RefusedObjectError';
export { MAX_PART10_BYTES, MAX_SR_BYTES, MAX_DICOM_JSON_BYTES, MAX_SEQUENCE_DEPTH } from './dicom/readLimits';
export { readHeader, readHeaderFromPrefix } from './dicom/readHeader';
export { CodedConcept, type CodeInit } from './dicom/CodedConcept';
export { personIdentificationItem, displayName, type IdentifiedPerson } from './dicom/personIdentification';
export type { AuthenticatedIdentity } from './identity/AuthenticatedIdentity';
// how every SEG and SR records its writer's sign-in, or that the identity was self-declared (audit/README.md "Identity")
export { checkAuthenticatedIdentity, type AuthenticatedIdentityPaths } from './identity/checkAuthenticatedIdentity';
export { segCreatorIdentity, type SegCreatorIdentity } from './identity/segCreatorIdentity';
export { segCreatorIdentityOfJson } from './identity/segCreatorIdentityOfJson';
export { stampSegCreator, segNamesCreator, type StampedCreator } from './identity/stampSegCreator';
export { attributionByReviewer, segAttribution, displayedPersonName, type AttributedPerson, type SegAttribution, type SegAttributionInput } from './identity/segAttribution';
export { OIDC_SUBJECT_SCHEME_DESIGNATOR } from './identity/oidcSubjectScheme';
export { specificCharacterSetFor } from './dicom/specificCharacterSet';
export { SOP_CLASS } from './dicom/sopClasses';
export {
  checkCodeString, checkRequiredCodeString, checkLongString, checkShortString, checkUnlimitedCharacters, checkShortText, checkPersonName,
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

// Label volumes (NRRD, NIfTI) and segment matching between annotators
export type { LabelVolume, LabelArray, LabelVolumeSegment } from './volume/io/LabelVolume';
export { LabelVolumeError } from './volume/io/LabelVolumeError';
export type { ReadLabelVolumeOptions } from './volume/io/readLabelVolumeOptions';
export { readNrrd } from './volume/io/readNrrd';
export { readNifti } from './volume/io/readNifti';
export { readLabelVolume, labelVolumeFormat, type LabelVolumeFormat } from './volume/io/readLabelVolume';
export type { LabelMasks } from './volume/io/LabelMasks';
export type { ReadLabelMasksOptions } from './volume/io/readLabelMasksOptions';
export { readLabelMasks } from './volume/io/readLabelMasks';
export { readNrrdLabelMasks } from './volume/io/readNrrdLabelMasks';
export { labelMasksFromVolume } from './volume/io/labelMasksFromVolume';
export {
  segmentationFromLabelVolume, segmentationFromLabelMasks, type SegmentationFromLabelVolumeOptions, type LabelDefinition,
} from './volume/io/labelVolumeToSegmentation';
export { CompressedDataError } from './volume/io/CompressedDataError';
export { inflateInto, type InflateResult } from './volume/io/inflate';
export { gunzipInto, gunzipPrefix, isGzip, maxInflatedSize } from './volume/io/gunzip';
export { crc32 } from './volume/io/crc32';
export { matchSegments, normalizeLabel, type SegmentMatch, type SegmentMatching, type MatchedBy } from './segments/matchSegments';
export type { SegmentIdentity } from './segments/SegmentIdentity';

// DICOM SEG reading onto the source grid (BINARY, FRACTIONAL, LABELMAP; native and RLE)
export { readSegmentation, DEFAULT_MAX_OUTPUT_BYTES, type ReadSegmentationOptions } from './seg/read/readSegmentation';
export { readSegHeader, type SegHeader, type SegSegmentInfo, type SegmentationType } from './seg/read/readSegHeader';
export { readSourceImages, sourceImageFromDataset } from './seg/read/readSourceImages';
export { SegParseError } from './seg/read/SegParseError';
export { GeometryMismatchError } from './volume/GeometryMismatchError';
export { gridFromSourceImages, GRID_TOLERANCE, type SourceGrid, type SourceGridOptions } from './volume/sourceGrid';

// Agreement of two segmentations, structure by structure
export { compareSegmentations, type ComparisonOptions, type SegmentationComparison, type StructureComparison } from './agreement/compareSegmentations';
export { ENGINE } from './agreement/engineVersion';
export type { MissingStructureComparison } from './agreement/compareSegmentations';

// Agreement metrics of two masks on one grid, by DESIGN.md "Metric conventions" (packages/core/src/metrics)
export { compareMasks, type CompareMasksOptions, type MaskAgreement, type MaskSummary } from './metrics/compareMasks';
export {
  compareLesions, type CompareLesionsOptions, type LesionAgreement, type LesionSide, type Lesion, type MatchedLesion,
} from './metrics/compareLesions';
export { metricConventions } from './metrics/conventions';
export { MISSING_STRUCTURE_CONVENTION } from './metrics/conventions';
export { equivalentDiameterMm, lesionSizeRule, lesionSizeText, minLesionVolumeMm3, minLesionVoxels, sphereVolumeMm3, type LesionSize } from './metrics/lesionSize';
export { MetricInputError } from './metrics/MetricInputError';
export { overlapCounts, type OverlapCounts } from './metrics/overlapCounts';
export { dice, diceFromCounts } from './metrics/dice';
export { jaccard, jaccardFromCounts } from './metrics/jaccard';
export { volumeMl, maskVolumeMl } from './metrics/volume';
export { surface } from './metrics/surface';
export { surfaceDistances, type SurfaceDistances, type SurfaceSearchOptions } from './metrics/surfaceDistances';
export { hausdorff } from './metrics/hausdorff';
export { hd95, HD95_VARIANTS, type Hd95Variant } from './metrics/hd95';
export { assd } from './metrics/assd';
export { nsd } from './metrics/nsd';
export { percentile } from './metrics/percentile';
export { boundingBox, type VoxelBox } from './metrics/boundingBox';
export { connectedComponents, type ConnectedComponents, type Connectivity } from './metrics/connectedComponents';
export { maskRuns, type MaskRuns } from './metrics/maskRuns';
export { lesionOverlaps, type LesionOverlap } from './metrics/lesionOverlaps';
export { matchLesions, type LesionMatching } from './metrics/lesionMatching';

// DICOMweb STOW-RS client (PS3.18 10.5): retried, idempotent by SOP Instance UID, typed answers
export { stowInstances, type StowOptions, type StowHeaders, type StowRetry } from './dicomweb/stowInstances';
export type { StowResult, StowInstanceFailure, StowInstanceWarning } from './dicomweb/StowResult';
export { StowError, type StowErrorKind, type StowErrorInit } from './dicomweb/StowError';
export { StowInputError } from './dicomweb/StowInputError';
export { describeStowError } from './dicomweb/describeStowError';
export { describeStowResult } from './dicomweb/describeStowResult';
export { stowReason, statusHex, DUPLICATE_SOP_INSTANCE, NOT_LISTED, type StowReason } from './dicomweb/stowReasons';
export { DEFAULT_RETRY, retryBackoffMs, type RetryPolicy } from './dicomweb/retryBackoff';
export { retryAfterMs } from './dicomweb/retryAfter';
export { multipartRelatedBody, randomBoundary, type MultipartRelatedBody } from './dicomweb/multipartRelated';
export { readPart10Identity, type Part10Identity } from './dicomweb/part10Identity';
export type { FetchLike, FetchLikeInit, FetchLikeResponse } from './dicomweb/FetchLike';

// SEG writer: roles, the SOP reference, label volumes placed on their source series, default colours
export { SEG_CONTENT_LABELS, isSegContentLabel, checkSegContentLabel, type SegContentLabel } from './seg/SegContentLabel';
export { SopReference, parseSopReference, SOP_SHORT_HASH_DIGITS, type SopReferenceInit, type ParsedSopReference } from './seg/SopReference';
export { labelVolumeOnSource, placeVolumeOnSource, type VolumePlacement, type AxisPlacement } from './seg/labelVolumeOnSource';
export { defaultSegmentColor } from './seg/segmentPalette';

// QC report: TID 1500 Measurement Report in a Comprehensive 3D SR (packages/core/src/sr/README.md)
export { QC_REPORT_SOP_CLASS_UID, QC_REPORT_SERIES_DESCRIPTION, SEGQC_DEVICE_OBSERVER_UID, buildQcReport, writeQcReport, qcReportSeriesUid } from './sr/buildQcReport';
export { QcReport, type QcReportInit, type PredecessorInit } from './sr/QcReport';
export { QcStructure, type QcStructureInit } from './sr/QcStructure';
export { QcAnnotation, type QcAnnotationInit, type SegmentReferenceInit } from './sr/QcAnnotation';
export { QcAgreement, type QcAgreementInit } from './sr/QcAgreement';
export { QcDecision, QC_OUTCOMES, type QcDecisionInit, type QcReasonInit, type QcOutcome } from './sr/QcDecision';
export { QcObserver, QC_ROLES, type QcObserverInit, type QcRole } from './sr/QcObserver';
export { DisplayRegion, type DisplayRegionInit } from './sr/DisplayRegion';
export { AlgorithmIdentification, CONVENTIONS_OF_MEASUREMENT, CONVENTION_KEYS, type AlgorithmInit, type MeasurementKind } from './sr/AlgorithmIdentification';
export { ImageLibrary, type ImageLibraryGroupInit, type LibraryImageInit } from './sr/ImageLibrary';
export { ReportSubject, type ReportSubjectInit } from './sr/ReportSubject';
export { ReportVerification, type ReportVerificationInit } from './sr/ReportVerification';
export { SopInForce, type SopInForceInit } from './sr/SopInForce';
export { SopChecklistResult, type SopChecklistResultInit } from './sr/SopChecklistResult';
export { canonicalJson, canonicalJsonSha256 } from './sr/canonicalJson';
export {
  QC_MEASUREMENTS, QC_CONCEPTS, QC_DECISIONS, QC_REASONS, ANNOTATION_LETTERS, nsdCode, nsdTolerance, annotationCode, acceptedCode,
  type AgreementMetric, type AnnotationLetter, type QcReasonKey,
} from './sr/qcCodes';
export { SR_CODES, PERFORMING_ROLES, PROCEDURES_BY_MODALITY, MODALITY_CODES, UCUM } from './sr/templateCodes';
export { describeJudgedSeg, type JudgedSegInfo } from './sr/describeJudgedSeg';
export { judgeSegmentations, type JudgedSegmentation, type JudgeOptions, type Judgement } from './sr/judgeSegmentations';
export { reportSourceSeries, type ReportSourceSeries } from './sr/reportSourceSeries';
export { displayRegionOfMasks, type SliceImages } from './sr/displayRegionOfMasks';
export { readQcReport, type QcReportRead } from './sr/readQcReport';
export { reportRevision, type ReportRevision } from './sr/reportRevision';
export {
  readMeasurementReport, measurementReportOf, MEASUREMENT_REPORT_SOP_CLASSES,
  type MeasurementReportContent, type ReportGroup, type ReportMeasurement, type ReportRegion, type ReportObserver,
  type ReportLibraryGroup, type ReportAlgorithm, type ReportCodeItem,
} from './sr/readMeasurementReport';
export { readSrDataset } from './sr/readSrDataset';

// --- SOP library (issue 5: platform-config/sops/*.json validated by sop.schema.json) ---
export {
  MR_SEQUENCE_CLASSES, SOP_MODALITIES, SOP_CHECKLIST_ROLES,
  type Sop, type SopDocument, type SopCode, type SopApplicability, type SopThresholds, type SopStructure,
  type SopChecklistItem, type SopLabelSet, type MrSequenceClass, type SopModality, type SopChecklistRole,
} from './sop/Sop';
export { SopValidationError } from './sop/SopValidationError';
export { InvalidSopError } from './sop/InvalidSopError';
export { validateJsonSchema, UnsupportedSchemaError } from './sop/validateJsonSchema';
export { loadSop } from './sop/loadSop';
export { classifyMrSequence, hasContrastAgent, type SopSeriesAttributes, type MrSequenceClassification } from './sop/classifyMrSequence';
export { selectSop, type SopSelection } from './sop/selectSop';
export { seriesSopAttributesFromDicomJson } from './sop/seriesSopAttributesFromDicomJson';
export { sopInForce } from './sop/sopInForce';
export { revivedSop } from './sop/revivedSop';
export {
  sopNamedByAnnotations, writtenSopReference,
  type SopNamedByAnnotations, type SopNamingError, type AnnotationSopReference, type NamedSop,
} from './sop/sopNamedByAnnotations';

// Case review: agreement verdicts against the SOP, discrepancy maps, reference masks
export {
  reviewCase,
  type CaseReview, type ReviewAnnotation, type ReviewCaseOptions, type PairStructureReview, type StructureReview, type SegmentRef, type LesionCounts,
} from './review/reviewCase';
export { caseStructures, type CaseStructure, type StructureIdentity } from './review/caseStructures';
export { paintedSlices, type PaintedSlices } from './review/paintedSlices';
export { sparsePaintingWarning } from './review/sparsePaintingWarning';
export {
  NO_REVIEWER_CHOICES, judgedInfoWithChoices, mappedStructureOf, reviewerChoicesOfReports, segmentKey, withMappedStructures,
  type MappedStructure, type ReviewerChoices,
} from './review/reviewerChoices';
export {
  judgeAgainstThresholds, judgeMissing,
  type ReviewVerdict, type FailedCriterion, type ThresholdCriterion, type ThresholdJudgement, type JudgedMetrics,
} from './review/judgeAgainstThresholds';
export { failedCriterionText } from './review/failedCriterionText';
export { annotatorInEveryFailingPair, type FailingPair } from './review/annotatorInEveryFailingPair';
export { discrepancyMap, type DiscrepancyMap, type DiscrepancyRegion, type DiscrepancyRegionKind } from './review/discrepancyMap';
export type { DiscrepancyMapOptions } from './review/discrepancyMap';
export { DISCREPANCY_CLASSES, DISCREPANCY_CLASS, DISCREPANCY_NONE, type DiscrepancyClass, type DiscrepancyClassKey } from './review/discrepancyClasses';
export { referenceMask, type ReferenceMethod } from './review/referenceMask';
export { ReviewInputError } from './review/ReviewInputError';
export { writeReviewReport, type ReviewReportInit } from './review/writeReviewReport';

// DICOMweb read client (QIDO-RS, WADO-RS)
export { DicomwebReadError, type DicomwebReadErrorKind, type DicomwebReadErrorInit } from './dicomweb/DicomwebReadError';
export type { ReadFetchLike, ReadFetchLikeInit, ReadFetchLikeResponse, ReadFetchLikeBody, ReadFetchLikeBodyReader } from './dicomweb/ReadFetchLike';
export { dicomwebGet, type DicomwebReadOptions, type DicomwebHeaders } from './dicomweb/dicomwebGet';
export { dicomwebResourceUrl, type DicomwebResource } from './dicomweb/dicomwebResourceUrl';
export { MultipartParseError } from './dicomweb/MultipartParseError';
export { parseMultipartRelated, type MultipartPart } from './dicomweb/parseMultipartRelated';
export { qidoQueryString, type QidoQuery } from './dicomweb/qidoQuery';
export { readDicomJsonArray } from './dicomweb/readDicomJsonArray';
export { retrieveInstance, RETRIEVE_INSTANCE_ACCEPT } from './dicomweb/retrieveInstance';
export { searchForSeries } from './dicomweb/searchForSeries';
export { searchForInstances } from './dicomweb/searchForInstances';
export { retrieveSeriesMetadata } from './dicomweb/retrieveSeriesMetadata';
export {
  jsonValues, jsonString, jsonStrings, jsonNumber, jsonNumbers, jsonPersonName, jsonSequence,
  type DicomJsonDataset, type DicomJsonElement, type DicomJsonPersonName,
} from './dicomweb/dicomJson';
export { naturalizeDicomJson } from './dicomweb/naturalizeDicomJson';
export { sourceImageFromDicomJson } from './dicomweb/sourceImageFromDicomJson';

// Adjudication: reference-standard SEG and verified QC report
export {
  Adjudication, DEFAULT_ADJUDICATION_EQUIPMENT,
  type AdjudicationInit, type AdjudicationUids, type AdjudicatorInit, type ReferenceMethodInit, type StructureDecisionInit, type AdjudicatedStructure, type Revision,
} from './adjudication/Adjudication';
export { AdjudicationInputError } from './adjudication/AdjudicationInputError';
export { structuresToAdjudicate, type StructureToAdjudicate } from './adjudication/structuresToAdjudicate';
export { referenceMaskOf } from './adjudication/referenceMaskOf';
export { qcDecisionOf } from './adjudication/qcDecisionOf';
export { referenceSegmentDescription } from './adjudication/referenceSegmentDescription';
export {
  writeAdjudication, referenceSegSeriesUid, REFERENCE_SEG_CONTENT_DESCRIPTION, REFERENCE_SEG_SERIES_NUMBER, REFERENCE_SEG_SERIES_DESCRIPTION, type WrittenAdjudication,
} from './adjudication/writeAdjudication';
// the QC report's marks for a judged reference standard and the observer's identity (sr/README.md "Adjudication", "Identity")
export { QC_REFERENCE_STANDARDS, QC_OBSERVER_IDENTITIES, QC_REVIEWER_CHOICES, type QcReferenceStandard, type QcReviewerChoice } from './sr/qcCodes';

// Audit trail of a case from the PACS: events, export rows, verification (packages/core/src/audit/README.md)
export type {
  AuditEvent, AnnotationEvent, ReferenceSegEvent, SegEvent, QcReportEvent, AuditPerson, AuditSop, SegCreatorRole, JudgedSegRecord,
  StructureDecisionRecord, PairMetricsRecord, CaseRecords, UnreadableObject, RetrievedObject, RetrievedObjects,
} from './audit/AuditEvent';
export { gatherCaseRecords, type GatherOptions } from './audit/gatherCaseRecords';
export { isoDateTime, isoFromDicomDateTime } from './audit/isoDateTime';
export {
  caseRecordsFromObjects, type StudyObject, type RetrievedStudyObject, type RefusedStudyObject, type PresentInstance, type GatheredCase,
} from './audit/caseRecordsFromObjects';
export { listStudies } from './audit/listStudies';
export { verifyCase } from './audit/verifyCase';
export { AUDIT_FINDING_KINDS, type AuditFinding, type AuditFindingKind } from './audit/AuditFinding';
export { journalFindings } from './audit/journalFindings';
export {
  auditRows, AUDIT_COLUMNS, PATIENT_COLUMNS,
  type AuditColumn, type AuditRow, type AuditRowEvent, type AuditDocument, type AuditDocumentCase, type AuditExport, type AuditRowsOptions,
} from './audit/auditRows';
export { auditCsv } from './audit/auditCsv';
export { predecessorChain } from './audit/predecessorChain';
export type { SignatureRecord } from './audit/AuditEvent';
export type { CaseRecordsOptions } from './audit/caseRecordsFromObjects';
export type { SignatureChecker, CertificateDescription } from './audit/SignatureChecker';
export { objectSignaturesOf, type SignedObjectType } from './audit/objectSignatures';
export { signatureFindings } from './audit/signatureFindings';
export { signatureColumns, type SignatureColumn } from './audit/signatureColumns';
export { selfDeclaredUnsigned, SELF_DECLARED_UNSIGNED_NOTE } from './audit/selfDeclaredUnsigned';
export { signatureInstant } from './audit/signatureInstant';

// Programme-level QC: control charts, drift, calibration, case-level agreement
export { ProgrammeInputError } from './programme/ProgrammeInputError';
export { isoInstant } from './programme/isoInstant';
export { c4, D2_MOVING_RANGE } from './programme/controlChartConstants';
export {
  ewmaChart, EWMA_DEFAULTS, DEFAULT_BASELINE_POINTS,
  type EwmaChart, type EwmaOptions, type EwmaPoint, type EwmaBaselinePoint, type EwmaMonitoredPoint, type EwmaAlarm, type EwmaSide, type SigmaEstimator,
} from './programme/ewmaChart';
export {
  agreementSeries, AGREEMENT_REFERENCES, UNMONITORED_REASONS, UNMONITORED_REASON_TEXT,
  type AgreementObservation, type AgreementSeries, type AgreementSeriesOptions, type AgreementReference, type UnmonitoredReason,
} from './programme/agreementSeries';
export {
  driftState, diceSigmaFloor, MINIMUM_BASELINE_POINTS, DEFAULT_MEANINGFUL_DICE_CHANGE,
  type DriftState, type DriftOptions, type DriftAlarmStart, type CalibrationCase,
} from './programme/driftState';
export {
  calibrationScores,
  type CalibrationResult, type CalibrationCaseScore, type StructureCalibration, type AnnotatorCalibration, type CalibrationScoresOptions,
} from './programme/calibrationScores';
export { caseLabelAgreement, DEFAULT_LABEL_BOOTSTRAP, type CaseLabel, type CaseLabelOptions, type CaseLabelAgreement, type PairwiseKappa } from './programme/caseLabels';
export { caseMeasureIcc, type CaseMeasure, type CaseMeasureIcc } from './programme/caseMeasureIcc';

// A case's observations for the programme (Dice against the reference, pairs, lesion counts, gold scores) and the programme's reliability from them
export {
  caseObservations,
  type CaseObservationInput, type CaseObservations, type ObservedAnnotation, type ObservedReference, type ObservedReferenceKind, type ObservedStructure, type PairDice, type LesionCount,
  type ReferenceOrigin, type LeaveOneOutDice,
} from './programmeObservations/caseObservations';
export { meaningfulDiceChangesOf } from './programmeObservations/meaningfulDiceChanges';
export {
  programmeReliability, DRIFT_REFERENCES,
  type ProgrammeReliability, type ReliabilityOptions, type DriftChart, type IrrMatrix, type LesionLabelKind, type LesionLabelAgreement,
} from './programmeObservations/programmeReliability';

// Programme inventory from the PACS: cases, annotations, references, QC reports and QC state (packages/core/src/inventory/README.md)
export { searchForStudies } from './dicomweb/searchForStudies';
export {
  QC_STATES, type QcState, type CaseInventory, type InventorySeg, type InventoryQcReport, type InventoryUnreadable,
} from './inventory/InventoryModel';
export { caseInventory } from './inventory/caseInventory';
export { programmeInventory, type ProgrammeInventory, type ProgrammeInventoryOptions, type InventoryProgress } from './inventory/programmeInventory';
export { studiesWithSegs, type StudiesWithSegs } from './inventory/studiesWithSegs';
export { inventorySeg } from './inventory/inventorySeg';
export { qcStateOf, isSignedAdjudication } from './inventory/qcState';
export { comparedSeries } from './inventory/comparedSeries';
export { caseSummary, caseLabel, dicomDateTimeToIso, STUDY_TAGS, type CaseSummary, type CaseAnnotation } from './inventory/caseSummary';
export { byMadeAt } from './inventory/byMadeAt';

// The programme's case store: each case's result kept per case version, in step with the PACS (packages/core/src/programmeState)
export { decidingObjectsOfStudy, caseVersionKey } from './programmeState/caseVersion';
export type { CaseTriage, TriageStructure } from './programmeState/CaseTriage';
export type { CaseStoreEntry, CaseStoreSync, ProgrammeCases } from './programmeState/CaseStoreEntry';

// The programme's reliability read from the PACS (the viewer's dashboard worker, segqc drift and segqc report --html), and the EWMA chart's geometry
export { annotatorOf } from './programmeObservations/annotatorOf';
export { observeCaseFromPacs, referenceOriginsOf, type CaseObservationOutcome, type SkippedCase } from './programmeObservations/observeCaseFromPacs';
export {
  reliabilityFromPacs, calibrationCasesOf,
  type ReliabilityFromPacsOptions, type ProgrammeReliabilityFromPacs, type ReliabilityStage, type ReliabilityProgress,
} from './programmeObservations/reliabilityFromPacs';
export { studyAttributes } from './inventory/studyAttributes';
export { chartLayout, chartDomain, niceTicks, CHART_FRAME, type ChartFrame, type ChartLayout, type LaidOutPoint, type UnmonitoredValue } from './programme/chartLayout';
export { leaveOneOutLayout, LEAVE_ONE_OUT_FRAME, type LeaveOneOutLayout } from './programme/leaveOneOutLayout';
export { driftChartLayout } from './programmeObservations/driftChartLayout';
export { recalibrationsDue, type Recalibration } from './programmeObservations/recalibrationsDue';

// DICOM Digital Signatures (PS3.15 Annex C) as DCMTK's dcmsign builds and verifies them; the crypto is passed in
export {
  macStream, signDataset, verifyDatasetSignatures, signatureDateTime, derLength, MAC_ALGORITHM_SHA256, CERTIFICATE_TYPE_X509,
  type SignOptions, type SignatureCheck, type StreamSigner, type StreamVerifier, type SignableDataset, type VerifyOptions,
} from './signature/dicomSignatures';
export { dataElementsStream, signatureItemStream, fullMacStream, isSignable, isSignableTag, type MacStreamVariant } from './signature/macStream';
export { dcmtkMacStream, DCMTK_MAC_BUFFER_SIZE } from './signature/dcmtkMacStream';
export { parseExplicitLittle, rawDatasetOfPart10, encodeNaturalDataset, tagString, type RawElement } from './signature/rawDataset';
export { signPart10, type SignedPart10 } from './signature/signPart10';
export { profileTags, profileRequiredTags, tagOf, keywordOf, type SignatureProfileName } from './signature/signatureProfiles';
export { SIGNATURE_PURPOSES, type SignaturePurpose } from './signature/signaturePurpose';
