import { viewportImageIndex, type GridSlice } from '../labelmap';

/**
 * A slice as OHIF's viewport overlay names it (the "InstanceNumber" item, bottom right of the
 * viewport): "I:19 (82/100)" — the image's InstanceNumber, then its place in the viewport's stack —
 * or "82/100" when the image has no InstanceNumber or the stack a single image, as the overlay does.
 * `imageIndex` is 0-based in the viewport's own image list, not SegQC's grid order.
 */
export function viewportSliceLabel(instanceNumber: number | null, imageIndex: number, numberOfSlices: number): string {
  const place = `${imageIndex + 1}/${numberOfSlices}`;
  return instanceNumber !== null && numberOfSlices > 1 ? `I:${instanceNumber} (${place})` : place;
}

/**
 * Every grid slice's name as the viewport's overlay will show it, by grid index k. A viewport
 * without an image list (a volume viewport) counts in grid order; a slice missing from the
 * viewport's stack is said to be missing rather than given a place it does not have.
 */
export function viewportSliceLabels(imageIds: readonly string[] | undefined, slices: readonly GridSlice[], sopInstanceUIDOf: (imageId: string) => string | undefined): string[] {
  if (!imageIds) return slices.map((slice) => viewportSliceLabel(slice.instanceNumber, slice.k, slices.length));
  return slices.map((slice) => {
    const index = viewportImageIndex(imageIds, slice, sopInstanceUIDOf);
    return index < 0 ? 'an image this viewport does not show' : viewportSliceLabel(slice.instanceNumber, index, imageIds.length);
  });
}
