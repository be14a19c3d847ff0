/** A region as the viewport draws it now: its box and the canvas, in CSS pixels. */
export interface Framing {
  regionWidthPx: number;
  regionHeightPx: number;
  canvasWidthPx: number;
  canvasHeightPx: number;
  /** The camera's parallelScale now (half the canvas height, in mm). */
  parallelScale: number;
  /** The parallelScale at which the whole image fits: never zoom out further. */
  wholeImageParallelScale: number;
}

/** The region fills at most this share of the canvas width or height, so its surroundings stay in view. */
export const REGION_SHARE = 0.4;
/** Never closer than 60 mm of anatomy across the canvas height: a small region keeps its surroundings. */
export const MIN_PARALLEL_SCALE_MM = 30;

/**
 * The camera parallelScale that frames a region: it takes REGION_SHARE of the canvas on its
 * larger side (a scale is world mm per half canvas height, so the region's share of the canvas
 * scales with it), between MIN_PARALLEL_SCALE_MM and the whole image.
 */
export function framingParallelScale(framing: Framing): number {
  const share = Math.max(framing.regionWidthPx / framing.canvasWidthPx, framing.regionHeightPx / framing.canvasHeightPx);
  const scale = (framing.parallelScale * share) / REGION_SHARE;
  return Math.min(Math.max(scale, MIN_PARALLEL_SCALE_MM), Math.max(framing.wholeImageParallelScale, MIN_PARALLEL_SCALE_MM));
}
