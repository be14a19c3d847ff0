import type { HostGlobals } from '../labelmap';
import type { Point3 } from './regionOnSlice';
import { canvasBox, type RegionViewport } from './regionViewport';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Room between the region's voxels and the marker, CSS pixels, so the outline does not hide the edge. */
const PADDING_PX = 6;

/**
 * A dashed box around the region the reviewer was taken to, drawn over the viewport on the
 * slices the region spans and redrawn whenever the viewport renders (scroll, zoom, pan), so it
 * stays on the region. Not a cornerstone annotation: it is no measurement, and OHIF would offer to
 * track it.
 */
export class RegionMarker {
  private readonly svg: SVGSVGElement;
  private readonly outline: SVGRectElement[];
  private readonly redraw = () => this.draw();
  private readonly renderedEvent: string;

  constructor(
    private readonly viewport: RegionViewport,
    private readonly corners: Point3[],
    /** Whether an image is one of the slices the region spans: elsewhere the marker hides. */
    private readonly spans: (imageId: string) => boolean,
    scope: HostGlobals = globalThis as unknown as HostGlobals,
  ) {
    this.renderedEvent = scope.cornerstone!.Enums.Events.IMAGE_RENDERED;
    this.svg = document.createElementNS(SVG_NS, 'svg');
    this.svg.setAttribute('data-testid', 'segqc-discrepancy-marker');
    this.svg.setAttribute('aria-hidden', 'true');
    Object.assign(this.svg.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%', pointerEvents: 'none', zIndex: '5' });
    // A dark line under a white dashed one: visible on bright bone and dark lung alike.
    this.outline = [['#000000', '4', ''], ['#ffffff', '2', '6 4']].map(([stroke, width, dashes]) => {
      const rect = document.createElementNS(SVG_NS, 'rect');
      rect.setAttribute('fill', 'none');
      rect.setAttribute('stroke', stroke);
      rect.setAttribute('stroke-width', width);
      if (dashes) rect.setAttribute('stroke-dasharray', dashes);
      this.svg.appendChild(rect);
      return rect;
    });
    viewport.element.appendChild(this.svg);
    viewport.element.addEventListener(this.renderedEvent, this.redraw);
    this.draw();
  }

  private draw(): void {
    const imageId = this.viewport.getCurrentImageId?.();
    const shown = imageId !== undefined && this.spans(imageId);
    this.svg.style.display = shown ? 'block' : 'none';
    if (!shown) return;
    const box = canvasBox(this.viewport, this.corners);
    for (const rect of this.outline) {
      rect.setAttribute('x', String(box.left - PADDING_PX));
      rect.setAttribute('y', String(box.top - PADDING_PX));
      rect.setAttribute('width', String(box.right - box.left + 2 * PADDING_PX));
      rect.setAttribute('height', String(box.bottom - box.top + 2 * PADDING_PX));
    }
  }

  remove(): void {
    this.viewport.element.removeEventListener(this.renderedEvent, this.redraw);
    this.svg.remove();
  }
}
