import { LabelmapBridgeError } from './LabelmapBridgeError';
import type { HostGlobals } from './hostCornerstone';

/** The OHIF services that hold the brush tools and the toolbar showing their radius. */
export interface BrushServices {
  toolGroupService: { getToolGroupIds(): string[] | undefined };
  toolbarService: { refreshToolbarState(props: { toolGroupId: string }): void };
}

/**
 * Sets the radius of OHIF's brush tools (Brush, Eraser, threshold brushes: every brush-based tool of
 * every tool group), as OHIF's own "Radius (mm)" slider does, and has the toolbar show it.
 */
export function setBrushRadiusMm(services: BrushServices, radiusMm: number, scope: HostGlobals = globalThis as unknown as HostGlobals): void {
  const setBrushSize = scope.cornerstoneTools?.utilities?.segmentation?.setBrushSizeForToolGroup;
  if (!setBrushSize) throw new LabelmapBridgeError('the viewer does not expose cornerstone tools (window.cornerstoneTools): SegQC cannot set the brush size');
  for (const toolGroupId of services.toolGroupService.getToolGroupIds() ?? []) {
    setBrushSize(toolGroupId, radiusMm);
    // As OHIF's own brush-size hotkeys do, so that its slider is re-read from the tool group. (A
    // refresh for the active viewport was seen to select segment 1 again, undoing the choice.)
    services.toolbarService.refreshToolbarState({ toolGroupId });
  }
}
