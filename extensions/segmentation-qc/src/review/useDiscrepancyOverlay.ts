import { useCallback, useEffect, useRef, useState } from 'react';
import { DISCREPANCY_CLASSES, type VoxelGrid } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import { createLabelmapSegmentation, hostCornerstone, jumpToSlice, removeLabelmapSegmentation, sourceImagesOfDisplaySet, viewportShowingDisplaySet, writeLabelmap, type GridSlice } from '../labelmap';
import type { SegqcServices } from '../services';
import type { AgreementWorkerClient } from './AgreementWorkerClient';
import { frameRegion } from './frameRegion';
import { RegionMarker } from './RegionMarker';
import { regionOnSlice } from './regionOnSlice';
import type { RegionViewport } from './regionViewport';
import type { CaseReviewSummary, DiscrepancyRegion, DiscrepancySummary } from './reviewSummary';
import { viewportSliceLabels } from './viewportSliceLabel';

export interface DiscrepancyChoice {
  structureKey: string;
  a: string;
  b: string;
}

export type OverlayState =
  | { status: 'off' }
  | { status: 'loading'; choice: DiscrepancyChoice }
  /** sliceLabels[k]: grid slice k as the viewport's overlay names it ("I:19 (82/100)"). */
  | { status: 'shown'; choice: DiscrepancyChoice; discrepancy: DiscrepancySummary; region: number; sliceLabels: string[] }
  | { status: 'failed'; choice: DiscrepancyChoice; error: string };

const OVERLAY_SEGMENTATION_ID = 'segqc-discrepancy';

/** The source series of the review as the viewer has it, checked to be the worker's grid slice for slice. */
function sourceSlices(services: SegqcServices, sourceSeriesInstanceUid: string, review: CaseReviewSummary): { displaySetInstanceUID: string; slices: GridSlice[]; grid: VoxelGrid } {
  const displaySet = services.displaySetService.getActiveDisplaySets().find((d) => d.SeriesInstanceUID === sourceSeriesInstanceUid && d.Modality !== 'SEG');
  if (!displaySet) throw new Error(`the annotated series ${sourceSeriesInstanceUid} is not in this study's display sets`);
  const { slices, sourceGrid } = sourceImagesOfDisplaySet(displaySet);
  const same = slices.length === review.sliceSopInstanceUids.length && slices.every((slice, k) => slice.sopInstanceUID === review.sliceSopInstanceUids[k]);
  if (!same) throw new Error('the viewer and the PACS list different images for the annotated series (a slice is missing on one side); reload the study');
  return { displaySetInstanceUID: displaySet.displaySetInstanceUID, slices, grid: sourceGrid.grid };
}

interface PlacedOverlay {
  viewportId: string;
  slices: GridSlice[];
  grid: VoxelGrid;
  marker: RegionMarker | null;
}

/**
 * Takes the viewport to a region: its main slice, centred and zoomed on it, with a marker around
 * it. A viewport that cannot be framed (no camera API) is only scrolled to the slice.
 */
async function goToRegion(services: SegqcServices, placed: PlacedOverlay, region: DiscrepancyRegion): Promise<void> {
  placed.marker?.remove();
  placed.marker = null;
  await jumpToSlice(services, placed.viewportId, placed.slices[region.slice]);
  const viewport = services.cornerstoneViewportService.getCornerstoneViewport(placed.viewportId) as Partial<RegionViewport> | undefined;
  if (!viewport?.setCamera || !viewport.worldToCanvas || !viewport.element || !viewport.canvas) return;
  const framed = viewport as RegionViewport;
  const { grid } = placed;
  const onSlice = regionOnSlice(grid, region.box, region.slice);
  const wholeSlice = regionOnSlice(grid, { iMin: 0, iMax: grid.columns - 1, jMin: 0, jMax: grid.rows - 1, kMin: region.slice, kMax: region.slice }, region.slice);
  frameRegion(framed, onSlice, wholeSlice.corners);
  const spanned = new Set(placed.slices.slice(region.box.kMin, region.box.kMax + 1).map((slice) => slice.sopInstanceUID));
  const { sopInstanceUIDOf } = hostCornerstone();
  placed.marker = new RegionMarker(framed, onSlice.corners, (imageId) => spanned.has(sopInstanceUIDOf(imageId) ?? ''));
}

/**
 * The discrepancy overlay of one pair on one structure: a three-class labelmap (both, A only,
 * B only) on the source series, and a walk through the disagreement regions, largest first.
 */
export function useDiscrepancyOverlay(client: AgreementWorkerClient, services: SegqcServices, review: CaseReviewSummary | null, sourceSeriesInstanceUid: string | null) {
  const [state, setState] = useState<OverlayState>({ status: 'off' });
  const placed = useRef<PlacedOverlay | null>(null);

  const remove = useCallback(() => {
    if (placed.current) {
      placed.current.marker?.remove();
      removeLabelmapSegmentation(services, OVERLAY_SEGMENTATION_ID);
    }
    placed.current = null;
  }, [services]);

  // A new review (other annotations, other SOP) invalidates the overlay.
  useEffect(() => {
    setState({ status: 'off' });
    return remove;
  }, [review, remove]);

  const show = useCallback(
    async (choice: DiscrepancyChoice) => {
      if (!review || !sourceSeriesInstanceUid) return;
      setState({ status: 'loading', choice });
      try {
        const source = sourceSlices(services, sourceSeriesInstanceUid, review);
        const discrepancy = await client.discrepancy(choice);
        remove();
        const viewportId = await viewportShowingDisplaySet(services, source.displaySetInstanceUID);
        await createLabelmapSegmentation(services, {
          sourceDisplaySetInstanceUID: source.displaySetInstanceUID,
          segmentationId: OVERLAY_SEGMENTATION_ID,
          label: 'SegQC discrepancy',
          segments: DISCREPANCY_CLASSES.map((cls) => ({ segmentIndex: cls.value, label: cls.label, color: cls.color })),
        });
        placed.current = { viewportId, slices: source.slices, grid: source.grid, marker: null };
        writeLabelmap(OVERLAY_SEGMENTATION_ID, discrepancy.labels, source.slices);
        const viewport = services.cornerstoneViewportService.getCornerstoneViewport(viewportId) as { getImageIds?: () => string[] } | undefined;
        const sliceLabels = viewportSliceLabels(viewport?.getImageIds?.(), source.slices, hostCornerstone().sopInstanceUIDOf);
        if (discrepancy.regions.length > 0) await goToRegion(services, placed.current, discrepancy.regions[0]);
        setState({ status: 'shown', choice, discrepancy, region: 0, sliceLabels });
      } catch (error) {
        setState({ status: 'failed', choice, error: describeFailure(error) });
      }
    },
    [client, services, review, sourceSeriesInstanceUid, remove],
  );

  /** Steps through the regions (±1, wrapping) and takes the viewport to each. */
  const step = useCallback(
    async (delta: 1 | -1) => {
      if (state.status !== 'shown' || !placed.current || state.discrepancy.regions.length === 0) return;
      const count = state.discrepancy.regions.length;
      const region = (state.region + delta + count) % count;
      setState({ ...state, region });
      try {
        await goToRegion(services, placed.current, state.discrepancy.regions[region]);
      } catch (error) {
        services.uiNotificationService.show({ title: 'SegQC', message: describeFailure(error), type: 'error' });
      }
    },
    [state, services],
  );

  const hide = useCallback(() => {
    remove();
    setState({ status: 'off' });
  }, [remove]);

  return { state, show, step, hide };
}
