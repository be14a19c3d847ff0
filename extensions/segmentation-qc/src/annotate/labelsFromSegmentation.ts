import { matchSegments, voxelCount, type Segmentation, type Sop } from '@segqc/core';

export interface SegmentationLabels {
  /** On the segmentation's grid: 0 background, n = the SOP's structure n − 1 (sopLabelmapSegments). */
  labels: Uint8Array;
  /** Labels of the SEG's segments that match no structure of the SOP: not put in the labels. */
  unmatched: string[];
  /** The first slice k with a painted voxel, or −1 when none. */
  firstPaintedSlice: number;
}

/**
 * A SEG read onto the source grid, as labelmap labels of the SOP's structures: each segment goes to
 * the SOP structure it matches (core matchSegments: type code with modifier, category, label).
 * Where segments overlap, the later structure's label is kept (a labelmap holds one per voxel).
 */
export function labelsFromSegmentation(segmentation: Segmentation, sop: Sop): SegmentationLabels {
  const structures = sop.structures.map((structure, n) => ({ ...structure, index: n + 1 }));
  const { pairs, unmatchedA } = matchSegments(segmentation.segments, structures);
  const { grid } = segmentation;
  const labels = new Uint8Array(voxelCount(grid));
  let first = labels.length;
  for (const { a, b } of [...pairs].sort((x, y) => x.b.index - y.b.index)) {
    for (const index of a.mask.indices()) {
      labels[index] = b.index;
      if (index < first) first = index;
    }
  }
  const pixelsPerSlice = grid.rows * grid.columns;
  return { labels, unmatched: unmatchedA.map((segment) => segment.label), firstPaintedSlice: first === labels.length ? -1 : Math.floor(first / pixelsPerSlice) };
}
