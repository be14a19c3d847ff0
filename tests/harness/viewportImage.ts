// Which image the viewer's viewports show, read from cornerstone in the page. Each function runs in
// the page (`page.waitForFunction(currentImageId)`), so it is self-contained.

/** The imageId of the active viewport's current image, once cornerstone has rendered one. */
export function currentImageId(): string | null {
  const cornerstone = (window as any).cornerstone;
  const viewports = cornerstone?.getRenderingEngines?.().flatMap((engine: any) => engine.getViewports()) ?? [];
  for (const viewport of viewports) {
    const imageId = viewport.getCurrentImageId?.();
    if (imageId && cornerstone.cache.getImage(imageId) && viewport.getImageData?.()) return imageId;
  }
  return null;
}

/** SOP Instance UID of the image in the viewport that shows a DICOMweb image (WADO-RS frames imageId). */
export function currentSopInstanceUid(): string | null {
  const cornerstone = (window as any).cornerstone;
  for (const viewport of cornerstone.getRenderingEngines().flatMap((engine: any) => engine.getViewports())) {
    const imageId: string | undefined = viewport.getCurrentImageId?.();
    const match = imageId?.match(/\/instances\/([^/]+)\/frames\//);
    if (match) return match[1];
  }
  return null;
}
