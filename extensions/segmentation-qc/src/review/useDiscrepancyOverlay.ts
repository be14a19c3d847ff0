import { useCallback, useEffect, useRef, useState } from 'react';
import { DISCREPANCY_CLASSES } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import { createLabelmapSegmentation, jumpToSlice, removeLabelmapSegmentation, sourceImagesOfDisplaySet, viewportShowingDisplaySet, writeLabelmap, type GridSlice } from '../labelmap';
import type { SegqcServices } from '../services';
import type { AgreementWorkerClient } from './AgreementWorkerClient';
import type { CaseReviewSummary, DiscrepancySummary } from './reviewSummary';

export interface DiscrepancyChoice {
  structureKey: string;
  a: string;
  b: string;
}

export type OverlayState =
  | { status: 'off' }
  | { status: 'loading'; choice: DiscrepancyChoice }
  | { status: 'shown'; choice: DiscrepancyChoice; discrepancy: DiscrepancySummary; region: number }
  | { status: 'failed'; choice: DiscrepancyChoice; error: string };

const OVERLAY_SEGMENTATION_ID = 'segqc-discrepancy';

/** The source series of the review as the viewer has it, checked to be the worker's grid slice for slice. */
function sourceSlices(services: SegqcServices, sourceSeriesInstanceUid: string, review: CaseReviewSummary): { displaySetInstanceUID: string; slices: GridSlice[] } {
  const displaySet = services.displaySetService.getActiveDisplaySets().find((d) => d.SeriesInstanceUID === sourceSeriesInstanceUid && d.Modality !== 'SEG');
  if (!displaySet) throw new Error(`the annotated series ${sourceSeriesInstanceUid} is not in this study's display sets`);
  const { slices } = sourceImagesOfDisplaySet(displaySet);
  const same = slices.length === review.sliceSopInstanceUids.length && slices.every((slice, k) => slice.sopInstanceUID === review.sliceSopInstanceUids[k]);
  if (!same) throw new Error('the viewer and the PACS list different images for the annotated series (a slice is missing on one side); reload the study');
  return { displaySetInstanceUID: displaySet.displaySetInstanceUID, slices };
}

/**
 * The discrepancy overlay of one pair on one structure: a three-class labelmap (both, A only,
 * B only) on the source series, and a walk through the disagreement regions, largest first.
 */
export function useDiscrepancyOverlay(client: AgreementWorkerClient, services: SegqcServices, review: CaseReviewSummary | null, sourceSeriesInstanceUid: string | null) {
  const [state, setState] = useState<OverlayState>({ status: 'off' });
  const placed = useRef<{ viewportId: string; slices: GridSlice[] } | null>(null);

  const remove = useCallback(() => {
    if (placed.current) removeLabelmapSegmentation(services, OVERLAY_SEGMENTATION_ID);
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
        placed.current = { viewportId, slices: source.slices };
        writeLabelmap(OVERLAY_SEGMENTATION_ID, discrepancy.labels, source.slices);
        if (discrepancy.regions.length > 0) await jumpToSlice(services, viewportId, source.slices[discrepancy.regions[0].slice]);
        setState({ status: 'shown', choice, discrepancy, region: 0 });
      } catch (error) {
        setState({ status: 'failed', choice, error: describeFailure(error) });
      }
    },
    [client, services, review, sourceSeriesInstanceUid, remove],
  );

  /** Steps through the regions (±1, wrapping) and scrolls the viewport to the region's main slice. */
  const step = useCallback(
    async (delta: 1 | -1) => {
      if (state.status !== 'shown' || !placed.current || state.discrepancy.regions.length === 0) return;
      const count = state.discrepancy.regions.length;
      const region = (state.region + delta + count) % count;
      setState({ ...state, region });
      try {
        await jumpToSlice(services, placed.current.viewportId, placed.current.slices[state.discrepancy.regions[region].slice]);
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
