import type { SegqcServices } from '../services';
import { hostCornerstone, type HostCornerstone } from './hostCornerstone';
import { LabelmapBridgeError } from './LabelmapBridgeError';
import type { GridSlice } from './sourceImagesOfDisplaySet';
import { viewportImageIndex } from './viewportImageIndex';

/** What jumpToSlice needs of a cornerstone viewport: a stack's image list, or a volume's world jump. */
interface NavigableViewport {
  getImageIds?: () => string[];
  setImageIdIndex?: (imageIdIndex: number) => Promise<unknown>;
  jumpToWorld?: (worldPos: [number, number, number]) => boolean;
  render?: () => void;
}

/**
 * Shows grid slice `slice` in the viewport: a stack viewport goes to the image with the slice's
 * SOPInstanceUID (found in the viewport's own image list, so any sort order works); a volume
 * viewport jumps to the slice's centre.
 */
export async function jumpToSlice(
  services: SegqcServices,
  viewportId: string,
  slice: GridSlice,
  cs: HostCornerstone = hostCornerstone(),
): Promise<void> {
  const viewport = services.cornerstoneViewportService.getCornerstoneViewport(viewportId) as NavigableViewport | undefined;
  if (!viewport) throw new LabelmapBridgeError(`viewport ${viewportId} is not in the viewer`);
  if (viewport.setImageIdIndex && viewport.getImageIds) {
    const index = viewportImageIndex(viewport.getImageIds(), slice, cs.sopInstanceUIDOf);
    if (index < 0) throw new LabelmapBridgeError(`viewport ${viewportId} does not show the image of slice ${slice.k + 1} (SOP Instance ${slice.sopInstanceUID})`);
    await viewport.setImageIdIndex(index);
    return;
  }
  if (viewport.jumpToWorld?.(slice.centre)) {
    viewport.render?.();
    return;
  }
  throw new LabelmapBridgeError(`viewport ${viewportId} can neither scroll a stack nor jump to a position`);
}
