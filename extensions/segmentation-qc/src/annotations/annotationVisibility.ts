import type { DisplaySet, SegqcServices } from '../services';

/** The SEG display set's series could not be shown on a viewport. */
export class AnnotationDisplayError extends Error {
  override readonly name = 'AnnotationDisplayError';
}

const VIEWPORT_READY_TIMEOUT_MS = 30_000;

function viewportShows(services: SegqcServices, viewportId: string, displaySetInstanceUID: string): boolean {
  return services.viewportGridService.getDisplaySetsUIDsForViewport(viewportId)?.includes(displaySetInstanceUID) ?? false;
}

/** Puts the annotated series in the viewport when another series is there (a FLAIR SEG needs the FLAIR). */
async function showSourceSeries(services: SegqcServices, viewportId: string, sourceUID: string): Promise<void> {
  if (viewportShows(services, viewportId, sourceUID)) return;
  const { cornerstoneViewportService, viewportGridService } = services;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new AnnotationDisplayError(`the source series did not load in the viewport within ${VIEWPORT_READY_TIMEOUT_MS / 1000} s`));
    }, VIEWPORT_READY_TIMEOUT_MS);
    const subscription = cornerstoneViewportService.subscribe(cornerstoneViewportService.EVENTS.VIEWPORT_DATA_CHANGED, () => {
      if (!viewportShows(services, viewportId, sourceUID)) return;
      clearTimeout(timer);
      subscription.unsubscribe();
      resolve();
    });
    viewportGridService.setDisplaySetsForViewport({ viewportId, displaySetInstanceUIDs: [sourceUID] });
  });
}

/**
 * Loads the SEG (OHIF's own SEG support), overlays it as a labelmap on the active viewport and
 * brings `focusSegment` into view.
 */
export async function showAnnotation(services: SegqcServices, displaySet: DisplaySet, focusSegment: number): Promise<void> {
  const viewportId = services.viewportGridService.getActiveViewportId();
  if (!displaySet.isLoaded) {
    if (!displaySet.load) throw new AnnotationDisplayError('this viewer cannot load SEG series (is the cornerstone-dicom-seg extension missing?)');
    await displaySet.load({ headers: services.userAuthenticationService.getAuthorizationHeader() ?? {} });
  }
  const sourceUID = displaySet.referencedDisplaySetInstanceUID;
  if (!sourceUID || !services.displaySetService.getDisplaySetByUID(sourceUID)) {
    throw new AnnotationDisplayError('the series this SEG was drawn on is not in the study');
  }
  await showSourceSeries(services, viewportId, sourceUID);
  const segmentationId = displaySet.displaySetInstanceUID;
  await services.segmentationService.addSegmentationRepresentation(viewportId, { segmentationId });
  services.segmentationService.jumpToSegmentCenter(segmentationId, focusSegment, viewportId, 0.9, false);
}

export function hideAnnotation(services: SegqcServices, displaySetInstanceUID: string): void {
  const viewportId = services.viewportGridService.getActiveViewportId();
  services.segmentationService.removeRepresentationsFromViewport(viewportId, { segmentationId: displaySetInstanceUID });
}

export function isAnnotationShown(services: SegqcServices, displaySetInstanceUID: string): boolean {
  const viewportId = services.viewportGridService.getActiveViewportId();
  return services.segmentationService.getSegmentationRepresentations(viewportId, { segmentationId: displaySetInstanceUID }).length > 0;
}
