// @segqc/demo-data public API: a deterministic demo cohort of CT chest and MR brain studies with
// multi-annotator DICOM SEGs and signed adjudications, and its manifest (the ground truth tests rely on).
export { demoCohort, DEMO_CASE_IDS, PROGRAMME_START, PROGRAMME_DAYS } from './cohort/cohort';
export type { DemoOptions, DemoCaseKind, DemoCasePlan, DemoSeriesPlan, DemoSegPlan, DemoSegmentPlan, MrSequence } from './cohort/cohort';
export type { DemoReferencePlan } from './cohort/adjudicationPlan';
export { ANNOTATORS, GOLD_CREATOR, DEMO_INSTITUTION, type DemoAnnotator, type DemoPerson, type AnnotatorKey } from './cohort/annotators';
export { CT_SEGMENTS, MR_SEGMENTS, CT_NODULE_SEGMENT, MR_LESION_SEGMENT } from './cohort/segmentDefinitions';
export { CHEST_GRID } from './ct/chestGrid';
export { realSizeChestCase, type RealSizeCase, type RealSizeCaseOptions, type RealSizeSeg } from './realSize/realSizeChestCase';
export { BRAIN_GRID } from './mr/brainGrid';
export { demoManifest, DEMO_DATA_VERSION } from './generate/demoManifest';
export { generateDemoFiles, type DemoFilesOptions } from './generate/generateDemoFiles';
export { writeDemoCohort, type WriteSummary } from './generate/writeDemoCohort';
export type { DemoManifest, DemoCase, DemoSeg, DemoSegment, DemoLesion, DemoFile, DemoReference } from './generate/manifestTypes';
export type { LesionDetection } from './annotation/annotateChest';
