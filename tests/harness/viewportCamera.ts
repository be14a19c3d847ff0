// Where world points land on the viewport showing the DICOMweb image, read from cornerstone in the
// page. Each function runs in the page (`page.evaluate(pointsOnCanvas, points)`), so it is
// self-contained: it may use nothing from outside its own body.

export interface PointsOnCanvas {
  /** The canvas in CSS pixels, and where it is on the page. */
  canvas: { width: number; height: number; left: number; top: number };
  /** Each world point on the canvas (CSS pixels from its top left corner). */
  points: Array<[number, number]>;
  /** The camera's parallelScale: half the canvas height in mm. */
  parallelScale: number;
}

/** World points (mm) projected with the camera of the viewport that shows a WADO-RS image. */
export function pointsOnCanvas(points: Array<[number, number, number]>): PointsOnCanvas | null {
  const cornerstone = (window as any).cornerstone;
  for (const viewport of cornerstone.getRenderingEngines().flatMap((engine: any) => engine.getViewports())) {
    if (!/\/instances\/[^/]+\/frames\//.test(viewport.getCurrentImageId?.() ?? '')) continue;
    const rect = viewport.canvas.getBoundingClientRect();
    return {
      canvas: { width: viewport.canvas.clientWidth, height: viewport.canvas.clientHeight, left: rect.left, top: rect.top },
      points: points.map((point) => viewport.worldToCanvas(point)),
      parallelScale: viewport.getCamera().parallelScale,
    };
  }
  return null;
}
