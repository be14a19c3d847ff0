// Voxel counts of a labelmap segmentation as cornerstone holds it in the page (window.cornerstone,
// window.cornerstoneTools). Each function runs in the page (`page.evaluate(labelmapVoxelCounts, id)`),
// so it is self-contained: it may use nothing from outside its own body.

/** Foreground voxels per segment of a segmentation in cornerstone's state, over every labelmap layer; null while it has no labelmap. */
export function labelmapVoxelCounts(segmentationId: string): Record<number, number> | null {
  const { cornerstone, cornerstoneTools } = window as any;
  const segmentation = cornerstoneTools.segmentation.state.getSegmentation(segmentationId);
  const labelmap = segmentation?.representationData?.Labelmap;
  if (!labelmap) return null;
  const counts: Record<number, number> = {};
  for (const segmentIndex of Object.keys(segmentation.segments)) {
    const binding = labelmap.segmentBindings?.[segmentIndex] ?? { labelValue: Number(segmentIndex) };
    const layer = labelmap.labelmaps?.[binding.labelmapId] ?? labelmap;
    let n = 0;
    for (const imageId of layer.imageIds) {
      const pixels = cornerstone.cache.getImage(imageId).voxelManager.getScalarData();
      for (let i = 0; i < pixels.length; i++) if (pixels[i] === binding.labelValue) n++;
    }
    counts[Number(segmentIndex)] = n;
  }
  return counts;
}

/** Voxels of one segment on the slice the (first) viewport shows. */
export function voxelsOnCurrentSlice([segmentationId, segmentIndex]: [string, number]): number {
  const { cornerstone, cornerstoneTools } = window as any;
  const imageId = cornerstone.getRenderingEngines()[0].getViewports()[0].getCurrentImageId();
  const labelmap = cornerstoneTools.segmentation.state.getSegmentation(segmentationId).representationData.Labelmap;
  const binding = labelmap.segmentBindings?.[segmentIndex] ?? { labelValue: segmentIndex };
  const layer = labelmap.labelmaps?.[binding.labelmapId] ?? labelmap;
  const slice = layer.referencedImageIds.indexOf(imageId);
  const pixels = cornerstone.cache.getImage(layer.imageIds[slice]).voxelManager.getScalarData();
  let n = 0;
  for (let i = 0; i < pixels.length; i++) if (pixels[i] === binding.labelValue) n++;
  return n;
}
