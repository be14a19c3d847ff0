/**
 * Where each SEG frame lies and which segment it belongs to, from the functional groups (PS3.3
 * C.7.6.16): Plane Position, Plane Orientation and Pixel Measures, and for BINARY and FRACTIONAL
 * the Segment Identification (C.8.20.3). A functional group may be in the frame's item of
 * PerFrameFunctionalGroupsSequence or in SharedFunctionalGroupsSequence; the per-frame one wins.
 */
import type { NaturalDataset } from '../../dicom/NaturalDataset';
import { requireInteger, requireNumbers, sequenceItems } from './datasetValues';
import type { SegHeader } from './readSegHeader';
import { SegParseError } from './SegParseError';

export interface FramePlane {
  /** ImagePositionPatient: centre of the frame's first pixel (mm). */
  position: readonly number[];
  positionPath: string;
  /** ImageOrientationPatient: row direction then column direction. */
  orientation: readonly number[];
  orientationPath: string;
  /** PixelSpacing: [between rows, between columns] (mm). */
  pixelSpacing: readonly number[];
  pixelSpacingPath: string;
  /** ReferencedSegmentNumber (not for LABELMAP, whose pixel values are segment numbers). */
  segmentNumber?: number;
}

const SHARED = 'SharedFunctionalGroupsSequence[0]';

export function framePlanes(dataset: NaturalDataset, header: SegHeader): FramePlane[] {
  const shared = sequenceItems(dataset, 'SharedFunctionalGroupsSequence', '', false)[0];
  const perFrame = sequenceItems(dataset, 'PerFrameFunctionalGroupsSequence', '', true);
  const segmentNumbers = new Set(header.segments.map((s) => s.number));
  // Shared values are read once, not once per frame.
  const sharedValues = new Map<string, readonly number[]>();
  const read = (frame: number, sequence: string, keyword: string, count: number): { value: readonly number[]; path: string } => {
    const framePath = `PerFrameFunctionalGroupsSequence[${frame}]`;
    const own = sequenceItems(perFrame[frame], sequence, framePath, false);
    if (own.length > 0) {
      const path = `${framePath}.${sequence}[0]`;
      return { value: requireNumbers(own[0], keyword, count, path), path: `${path}.${keyword}` };
    }
    const path = `${SHARED}.${sequence}[0]`;
    const cached = sharedValues.get(keyword);
    if (cached) return { value: cached, path: `${path}.${keyword}` };
    const common = shared ? sequenceItems(shared, sequence, SHARED, false) : [];
    if (common.length === 0) {
      throw new SegParseError(`${framePath}.${sequence}`, `is missing here and in SharedFunctionalGroupsSequence: frames are placed by their ${keyword}`);
    }
    const value = requireNumbers(common[0], keyword, count, path);
    sharedValues.set(keyword, value);
    return { value, path: `${path}.${keyword}` };
  };

  return perFrame.map((_, frame) => {
    const position = read(frame, 'PlanePositionSequence', 'ImagePositionPatient', 3);
    const orientation = read(frame, 'PlaneOrientationSequence', 'ImageOrientationPatient', 6);
    const spacing = read(frame, 'PixelMeasuresSequence', 'PixelSpacing', 2);
    const plane: FramePlane = {
      position: position.value,
      positionPath: position.path,
      orientation: orientation.value,
      orientationPath: orientation.path,
      pixelSpacing: spacing.value,
      pixelSpacingPath: spacing.path,
    };
    if (header.segmentationType !== 'LABELMAP') plane.segmentNumber = referencedSegment(perFrame[frame], shared, frame, segmentNumbers);
    return plane;
  });
}

function referencedSegment(perFrame: NaturalDataset, shared: NaturalDataset | undefined, frame: number, segmentNumbers: ReadonlySet<number>): number {
  const framePath = `PerFrameFunctionalGroupsSequence[${frame}]`;
  const own = sequenceItems(perFrame, 'SegmentIdentificationSequence', framePath, false);
  const common = own.length === 0 && shared ? sequenceItems(shared, 'SegmentIdentificationSequence', SHARED, false) : [];
  const item = own[0] ?? common[0];
  if (!item) throw new SegParseError(`${framePath}.SegmentIdentificationSequence`, 'is required: it says which segment the frame belongs to (PS3.3 C.8.20.3.1)');
  const path = own.length > 0 ? `${framePath}.SegmentIdentificationSequence[0]` : `${SHARED}.SegmentIdentificationSequence[0]`;
  const number = requireInteger(item, 'ReferencedSegmentNumber', path, 0, 0xffff);
  if (!segmentNumbers.has(number)) throw new SegParseError(`${path}.ReferencedSegmentNumber`, `${number} is not the SegmentNumber of any item of SegmentSequence`);
  return number;
}
