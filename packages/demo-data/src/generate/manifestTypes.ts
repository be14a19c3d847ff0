/**
 * The demo manifest: the cohort plan plus what only the voxels can tell (segment volumes, truth
 * lesions, what each annotator detected). Tests and the browser test use it as ground truth.
 */
import type { LesionDetection } from '../annotation/annotateChest';
import type { DemoReferencePlan } from '../cohort/adjudicationPlan';
import type { DemoCasePlan, DemoSegPlan, DemoSegmentPlan } from '../cohort/cohort';

export interface DemoSegment extends DemoSegmentPlan {
  /** Foreground voxels of the segment, counted on the very mask that was written. */
  voxelCount: number;
}

export interface DemoSeg extends Omit<DemoSegPlan, 'segments'> {
  segments: DemoSegment[];
  /** Segment number of the lesion segment (nodules, white-matter lesions). */
  lesionSegmentNumber: number;
  /** Truth lesions this SEG segments or misses, and lesions it adds where there are none. */
  detection: LesionDetection;
}

export interface DemoLesion {
  id: number;
  kind: 'nodule' | 'periventricular' | 'juxtacortical';
  /** Centre in patient coordinates (mm). */
  centerMm: [number, number, number];
  /** Nominal volume-equivalent diameter (mm) of the designed shape. */
  diameterMm: number;
  /** Voxels of the truth lesion (centre inside the surface). */
  voxelCount: number;
}

/**
 * A case's signed adjudication: the reference-standard SEG (ContentLabel ADJUDICATED, one segment
 * per structure, each the truth's: the same voxels as `truthSegments`) and the verified QC report.
 */
export interface DemoReference extends Omit<DemoReferencePlan, 'segments'> {
  segments: DemoSegment[];
}

export interface DemoCase extends Omit<DemoCasePlan, 'segs' | 'reference'> {
  /** The annotators' SEGs (and the calibration case's GOLD SEG); never the adjudicated reference. */
  segs: DemoSeg[];
  /** The signed adjudication; null for a case without one (ct-08, ct-cal, the MR cases). */
  reference: DemoReference | null;
  /** The true lesions of the phantom. */
  lesions: DemoLesion[];
  /** Voxel counts of the true structures, segment by segment (what a gold SEG contains). */
  truthSegments: DemoSegment[];
}

export interface DemoManifest {
  generator: 'segqc-demo-data';
  version: string;
  cases: DemoCase[];
}

export interface DemoFile {
  /** Relative path, e.g. `ct-01/ct/0001.dcm`, `ct-01/seg/okafor.dcm`, `ct-01/reference/adjudicated.dcm`, `ct-01/sr/adjudication.dcm`. */
  path: string;
  bytes: Uint8Array;
}
