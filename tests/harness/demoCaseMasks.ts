import { generateDemoFiles } from '@segqc/demo-data';
import { gridFromSourceImages, readSegmentation, readSourceImages, type BitMask, type Segmentation, type SourceImage } from '@segqc/core';

export interface DemoCaseMasks {
  sourceImages: SourceImage[];
  /** SOP Instance UID of the image at each grid slice. */
  sliceSopInstanceUids: string[];
  /** Each annotator's SEG (by file name without .dcm, e.g. `okafor`) read onto the CT grid. */
  segmentations: Record<string, Segmentation>;
  /** The case's adjudicated reference-standard SEG (`reference/adjudicated.dcm`) read onto the CT grid; null for a case without one. */
  adjudicated: Segmentation | null;
  maskOf(annotator: string, segmentLabel: string): BitMask;
}

/** A demo case's annotations (and its adjudicated reference) as masks on its CT grid, read from the generator's own files: the tests' ground truth. */
export function demoCaseMasks(caseId: string): DemoCaseMasks {
  const files = [...generateDemoFiles({ cases: [caseId] })];
  const sourceImages = readSourceImages(files.filter((file) => file.path.startsWith(`${caseId}/ct/`)).map((file) => file.bytes));
  const { sliceOrder } = gridFromSourceImages(sourceImages);
  const segmentations: Record<string, Segmentation> = {};
  for (const file of files.filter((f) => f.path.startsWith(`${caseId}/seg/`))) {
    segmentations[file.path.slice(`${caseId}/seg/`.length, -'.dcm'.length)] = readSegmentation(file.bytes, sourceImages);
  }
  const adjudicated = files.find((f) => f.path === `${caseId}/reference/adjudicated.dcm`);
  return {
    adjudicated: adjudicated ? readSegmentation(adjudicated.bytes, sourceImages) : null,
    sourceImages,
    sliceSopInstanceUids: sliceOrder.map((index) => sourceImages[index].SOPInstanceUID),
    segmentations,
    maskOf(annotator, segmentLabel) {
      const segment = segmentations[annotator]?.segments.find((s) => s.label === segmentLabel);
      if (!segment) throw new Error(`${caseId}: ${annotator} has no segment "${segmentLabel}"`);
      return segment.mask;
    },
  };
}
