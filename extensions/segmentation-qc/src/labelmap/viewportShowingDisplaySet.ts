import type { SegqcServices } from '../services';
import { LabelmapBridgeError } from './LabelmapBridgeError';

const VIEWPORT_READY_TIMEOUT_MS = 30_000;

function viewportsShowing(services: SegqcServices, displaySetInstanceUID: string): string[] {
  return [...services.viewportGridService.getState().viewports.values()]
    .filter((viewport) => viewport.displaySetInstanceUIDs?.includes(displaySetInstanceUID))
    .map((viewport) => viewport.viewportId);
}

/**
 * The id of a viewport showing the display set, the active one first; when none does, the display
 * set is put in the active viewport and this resolves once that viewport has loaded it.
 */
export async function viewportShowingDisplaySet(services: SegqcServices, displaySetInstanceUID: string): Promise<string> {
  const activeViewportId = services.viewportGridService.getActiveViewportId();
  const showing = viewportsShowing(services, displaySetInstanceUID);
  if (showing.length > 0) return showing.includes(activeViewportId) ? activeViewportId : showing[0];
  const { cornerstoneViewportService, viewportGridService } = services;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new LabelmapBridgeError(`the series did not load in the viewport within ${VIEWPORT_READY_TIMEOUT_MS / 1000} s`));
    }, VIEWPORT_READY_TIMEOUT_MS);
    const subscription = cornerstoneViewportService.subscribe(cornerstoneViewportService.EVENTS.VIEWPORT_DATA_CHANGED, () => {
      if (!viewportsShowing(services, displaySetInstanceUID).includes(activeViewportId)) return;
      clearTimeout(timer);
      subscription.unsubscribe();
      resolve();
    });
    viewportGridService.setDisplaySetsForViewport({ viewportId: activeViewportId, displaySetInstanceUIDs: [displaySetInstanceUID] });
  });
  return activeViewportId;
}
