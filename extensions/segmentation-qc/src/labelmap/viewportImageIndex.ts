import type { GridSlice } from './sourceImagesOfDisplaySet';

/**
 * Where grid slice `slice` is in a stack viewport's own image list: by its imageId, else by its
 * SOPInstanceUID (the viewport may name the same image differently, and sort its stack in any
 * order); −1 when the viewport does not show it.
 */
export function viewportImageIndex(imageIds: readonly string[], slice: GridSlice, sopInstanceUIDOf: (imageId: string) => string | undefined): number {
  const index = imageIds.indexOf(slice.imageId);
  return index >= 0 ? index : imageIds.findIndex((imageId) => sopInstanceUIDOf(imageId) === slice.sopInstanceUID);
}
