/**
 * The image series the user is working on: the first display set of the active viewport that is
 * an image series, or the series a derived display set there (a SEG, an SR…) refers to.
 */
import type { DisplaySet, DisplaySetService, ViewportGridService } from '../services';

/** Modalities of display sets that annotate another series rather than being images (PS3.3 C.7.3.1.1.1). */
const DERIVED_MODALITIES = new Set(['SEG', 'SR', 'RTSTRUCT', 'RTPLAN', 'RTDOSE', 'RTRECORD', 'PR', 'KO', 'DOC', 'RWV', 'REG', 'PLAN']);

export function isImageDisplaySet(displaySet: DisplaySet): boolean {
  return !DERIVED_MODALITIES.has((displaySet.Modality ?? '').toUpperCase());
}

export function activeSourceDisplaySet(services: { displaySetService: DisplaySetService; viewportGridService: ViewportGridService }): DisplaySet | null {
  const { displaySetService, viewportGridService } = services;
  const viewportId = viewportGridService.getActiveViewportId();
  const uids = viewportId ? viewportGridService.getDisplaySetsUIDsForViewport(viewportId) ?? [] : [];
  for (const uid of uids) {
    const displaySet = displaySetService.getDisplaySetByUID(uid);
    if (!displaySet) continue;
    if (isImageDisplaySet(displaySet)) return displaySet;
    const referenced = displaySet.referencedDisplaySetInstanceUID ? displaySetService.getDisplaySetByUID(displaySet.referencedDisplaySetInstanceUID) : undefined;
    if (referenced && isImageDisplaySet(referenced)) return referenced;
  }
  return null;
}

/** The image display set of a series (the one annotations were drawn on), if the viewer holds it. */
export function imageDisplaySetOfSeries(displaySetService: DisplaySetService, seriesInstanceUid: string): DisplaySet | null {
  return displaySetService.getActiveDisplaySets().find((displaySet) => displaySet.SeriesInstanceUID === seriesInstanceUid && isImageDisplaySet(displaySet)) ?? null;
}
