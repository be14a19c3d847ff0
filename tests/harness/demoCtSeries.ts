import { generateDemoFiles, type DemoFile } from '@segqc/demo-data';
import { gridFromSourceImages, readPart10, readSourceImages, type SourceGrid, type SourceImage } from '@segqc/core';

export interface DemoCtSeries extends SourceGrid {
  /** Every file the generator writes for the case (its CT, SEGs, reference standard, SR). */
  files: DemoFile[];
  sourceImages: SourceImage[];
  /** InstanceNumber of a CT image (what OHIF's "I:" overlay shows), by SOP Instance UID. */
  instanceNumberOf(sopInstanceUid: string): number;
  /** The CT image with this InstanceNumber. */
  imageNumbered(instanceNumber: number): SourceImage;
}

/** A demo case's CT series from the generator's own (deterministic) files: the grid SEGs are read onto. */
export function demoCtSeries(caseId: string): DemoCtSeries {
  const files = [...generateDemoFiles({ cases: [caseId] })];
  const ctFiles = files.filter((file) => file.path.startsWith(`${caseId}/ct/`));
  const sourceImages = readSourceImages(ctFiles.map((file) => file.bytes));
  const instanceNumbers = new Map(ctFiles.map((file) => {
    const { dataset } = readPart10(file.bytes, { untilPixelData: true });
    return [dataset.SOPInstanceUID as string, Number(dataset.InstanceNumber)] as const;
  }));
  const instanceNumberOf = (sopInstanceUid: string): number => {
    const number = instanceNumbers.get(sopInstanceUid);
    if (number === undefined) throw new Error(`${sopInstanceUid} is not an image of ${caseId}'s CT series`);
    return number;
  };
  const imageNumbered = (instanceNumber: number): SourceImage => {
    const image = sourceImages.find((candidate) => instanceNumbers.get(candidate.SOPInstanceUID) === instanceNumber);
    if (!image) throw new Error(`${caseId}'s CT series has no image ${instanceNumber}`);
    return image;
  };
  return { ...gridFromSourceImages(sourceImages), files, sourceImages, instanceNumberOf, imageNumbered };
}
