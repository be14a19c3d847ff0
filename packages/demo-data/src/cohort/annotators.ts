/**
 * The fictional people of the demo cohort, as data. Each annotator's habits are what the QC
 * features must find: a small bias, boundary noise, and for some a systematic behaviour.
 */
export interface DemoPerson {
  /** Key used in file names, e.g. `ct-01/seg/rivera.dcm`. */
  key: string;
  /** DICOM PN. */
  name: string;
  login: string;
}

export interface DemoAnnotator extends DemoPerson {
  /** Constant boundary offset, in voxels (in-plane pixel widths): > 0 over-segments. */
  biasVoxels: number;
  /** Amplitude of the smooth boundary noise, in voxels. */
  noiseVoxels: number;
  /** Over-segmentation that grows linearly over the annotation period, first to last day, in voxels. */
  driftVoxels: number;
  /** Case ids where this annotator misses the smallest nodule. */
  missesSmallestNoduleIn: readonly string[];
  /** Case ids where this annotator adds one false-positive nodule. */
  addsFalseNoduleIn: readonly string[];
}

export const ANNOTATORS = {
  rivera: {
    key: 'rivera', name: 'Rivera^Ana', login: 'arivera',
    biasVoxels: 0.3, noiseVoxels: 0.5, driftVoxels: 0, missesSmallestNoduleIn: [], addsFalseNoduleIn: ['ct-04'],
  },
  chen: {
    key: 'chen', name: 'Chen^Wei', login: 'wchen',
    biasVoxels: -0.4, noiseVoxels: 0.6, driftVoxels: 0, missesSmallestNoduleIn: ['ct-02', 'ct-05', 'ct-07'], addsFalseNoduleIn: [],
  },
  okafor: {
    key: 'okafor', name: 'Okafor^Chidi', login: 'cokafor',
    biasVoxels: 0, noiseVoxels: 0.5, driftVoxels: 2.5, missesSmallestNoduleIn: [], addsFalseNoduleIn: [],
  },
} as const satisfies Record<string, DemoAnnotator>;

export type AnnotatorKey = keyof typeof ANNOTATORS;

/** The senior radiologist who made the gold reference of the calibration case. */
export const GOLD_CREATOR: DemoPerson = { key: 'gold', name: 'Lindqvist^Maria', login: 'mlindqvist' };

export const DEMO_INSTITUTION = 'SegQC Demo Hospital';
