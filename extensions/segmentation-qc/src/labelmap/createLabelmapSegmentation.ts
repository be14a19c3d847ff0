import type { LabelmapSegmentConfig, SegqcServices } from '../services';
import { LabelmapBridgeError } from './LabelmapBridgeError';
import { viewportShowingDisplaySet } from './viewportShowingDisplaySet';

export interface LabelmapSegmentInit {
  /** 1, 2, …: the label value the brush paints and the SEG's SegmentNumber. */
  segmentIndex: number;
  label: string;
  /** 8-bit sRGB. */
  color: readonly [number, number, number];
}

export interface LabelmapSegmentationInit {
  /** The CT/MR display set to segment. */
  sourceDisplaySetInstanceUID: string;
  /** The segmentation's name in OHIF's segmentation panel. */
  label: string;
  /** The first one is made the active segment (the one the brush paints). */
  segments: readonly LabelmapSegmentInit[];
  /** Defaults to an id OHIF makes up. */
  segmentationId?: string;
}

function checkSegments(segments: readonly LabelmapSegmentInit[]): void {
  if (segments.length === 0) throw new LabelmapBridgeError('a labelmap needs at least one segment');
  const seen = new Set<number>();
  segments.forEach(({ segmentIndex, label, color }, n) => {
    if (!Number.isInteger(segmentIndex) || segmentIndex < 1 || segmentIndex > 255) {
      throw new LabelmapBridgeError(`segments[${n}].segmentIndex is ${segmentIndex}; a labelmap segment index is an integer from 1 to 255 (0 is background)`);
    }
    if (seen.has(segmentIndex)) throw new LabelmapBridgeError(`segments[${n}].segmentIndex ${segmentIndex} is used by an earlier segment`);
    seen.add(segmentIndex);
    if (typeof label !== 'string' || label.trim() === '') throw new LabelmapBridgeError(`segments[${n}].label is empty`);
    if (color.length !== 3 || !color.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)) {
      throw new LabelmapBridgeError(`segments[${n}].color must be three integers from 0 to 255, got ${color.join(',')}`);
    }
  });
}

/**
 * A new, empty labelmap segmentation on the source series, made by OHIF's own segmentation
 * service so that OHIF's brush, eraser and segmentation panel work on it: shown on the viewport
 * that shows the series (which is loaded in the active viewport first when none does), with the
 * given segments, their colours, and the first segment active. Resolves to the segmentation id.
 */
export async function createLabelmapSegmentation(services: SegqcServices, init: LabelmapSegmentationInit): Promise<string> {
  checkSegments(init.segments);
  const { displaySetService, segmentationService } = services;
  const displaySet = displaySetService.getDisplaySetByUID(init.sourceDisplaySetInstanceUID);
  if (!displaySet) throw new LabelmapBridgeError(`the series to segment (display set ${init.sourceDisplaySetInstanceUID}) is not in the viewer`);
  const viewportId = await viewportShowingDisplaySet(services, displaySet.displaySetInstanceUID);
  // OHIF derives the labelmap images from the display set's imageIds, set when a viewport loads it.
  if (!displaySet.imageIds?.length) throw new LabelmapBridgeError('the series has no images loaded in the viewport yet');

  const [first] = init.segments;
  const segments: Record<number, LabelmapSegmentConfig> = {};
  for (const { segmentIndex, label } of init.segments) {
    segments[segmentIndex] = { segmentIndex, label, active: segmentIndex === first.segmentIndex, locked: false, cachedStats: {} };
  }
  const segmentationId = await segmentationService.createLabelmapForDisplaySet(displaySet, {
    label: init.label,
    segments,
    ...(init.segmentationId ? { segmentationId: init.segmentationId } : {}),
  });
  await segmentationService.addSegmentationRepresentation(viewportId, { segmentationId, type: 'Labelmap' });
  for (const { segmentIndex, color } of init.segments) {
    segmentationService.setSegmentColor(viewportId, segmentationId, segmentIndex, [color[0], color[1], color[2], 255]);
  }
  segmentationService.setActiveSegmentation(viewportId, segmentationId);
  segmentationService.setActiveSegment(segmentationId, first.segmentIndex);
  return segmentationId;
}
