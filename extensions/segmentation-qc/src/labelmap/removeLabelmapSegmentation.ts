import type { SegqcServices } from '../services';

/** Removes a segmentation from the viewer's state and from every viewport showing it. */
export function removeLabelmapSegmentation(services: SegqcServices, segmentationId: string): void {
  services.segmentationService.remove(segmentationId);
}
