import type { Point3 } from './regionOnSlice';

/** What framing and marking a region need of a cornerstone viewport (StackViewport, cornerstone 5.6). */
export interface RegionViewport {
  element: HTMLDivElement;
  canvas: HTMLCanvasElement;
  getCamera(): { focalPoint?: Point3; position?: Point3; parallelScale?: number };
  setCamera(camera: { focalPoint?: Point3; position?: Point3; parallelScale?: number }): void;
  worldToCanvas(world: Point3): [number, number];
  getCurrentImageId?(): string | undefined;
  render(): void;
}

/** The axis-aligned canvas box (CSS pixels) around world points as the viewport draws them now. */
export function canvasBox(viewport: RegionViewport, points: readonly Point3[]): { left: number; top: number; right: number; bottom: number } {
  const projected = points.map((point) => viewport.worldToCanvas(point));
  const xs = projected.map(([x]) => x);
  const ys = projected.map(([, y]) => y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}
