// The bridge between SegQC's voxel grid (@segqc/core: BitMask, label arrays, voxel index
// i + columns·(j + rows·k), slices sorted along the normal) and OHIF/cornerstone labelmap segmentations.
export { LabelmapBridgeError } from './LabelmapBridgeError';
export { hostCornerstone, type HostCornerstone, type HostGlobals } from './hostCornerstone';
export { sourceImagesOfDisplaySet, type SourceSeries, type GridSlice } from './sourceImagesOfDisplaySet';
export { viewportShowingDisplaySet } from './viewportShowingDisplaySet';
export { createLabelmapSegmentation, type LabelmapSegmentationInit, type LabelmapSegmentInit } from './createLabelmapSegmentation';
export { removeLabelmapSegmentation } from './removeLabelmapSegmentation';
export { writeLabelmap } from './writeLabelmap';
export { readLabelmapMasks } from './readLabelmapMasks';
export { jumpToSlice } from './jumpToSlice';
export { viewportImageIndex } from './viewportImageIndex';
