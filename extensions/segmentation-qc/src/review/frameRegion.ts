import { framingParallelScale } from './framingParallelScale';
import type { Point3 } from './regionOnSlice';
import { canvasBox, type RegionViewport } from './regionViewport';

/**
 * Centres the viewport on a region of the slice it shows and zooms so the region takes a good
 * share of the canvas (framingParallelScale). The view direction, rotation and flips stay: only
 * the focal point moves in plane and the parallel scale changes.
 */
export function frameRegion(viewport: RegionViewport, region: { centre: Point3; corners: Point3[] }, wholeImageCorners: Point3[]): void {
  const { focalPoint, position, parallelScale } = viewport.getCamera();
  if (!focalPoint || !position || parallelScale === undefined) throw new Error('the viewport has no camera yet');
  const offset = position.map((p, a) => p - focalPoint[a]);
  viewport.setCamera({ focalPoint: region.centre, position: region.centre.map((c, a) => c + offset[a]) as Point3 });
  const regionBox = canvasBox(viewport, region.corners);
  const imageBox = canvasBox(viewport, wholeImageCorners);
  const { clientWidth: canvasWidthPx, clientHeight: canvasHeightPx } = viewport.canvas;
  const imageShare = Math.max((imageBox.right - imageBox.left) / canvasWidthPx, (imageBox.bottom - imageBox.top) / canvasHeightPx);
  viewport.setCamera({
    parallelScale: framingParallelScale({
      regionWidthPx: regionBox.right - regionBox.left,
      regionHeightPx: regionBox.bottom - regionBox.top,
      canvasWidthPx,
      canvasHeightPx,
      parallelScale,
      // The scale at which the whole slice just fits the canvas.
      wholeImageParallelScale: parallelScale * imageShare,
    }),
  });
  viewport.render();
}
