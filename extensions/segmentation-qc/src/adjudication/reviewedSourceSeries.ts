import { sourceImagesOfDisplaySet, type SourceSeries } from '../labelmap';
import type { CaseReviewSummary } from '../review/reviewSummary';
import type { SegqcServices } from '../services';

export class ReviewedSeriesError extends Error {
  override readonly name = 'ReviewedSeriesError';
}

/**
 * The reviewed case's source series as the viewer holds it: the image display set holding the
 * worker's first grid slice, checked to be the worker's grid slice for slice, so a mask the
 * worker computed lands voxel for voxel where the viewer shows it (and what the viewer paints
 * goes back to the worker on the same grid).
 */
export function reviewedSourceSeries(services: SegqcServices, review: CaseReviewSummary): SourceSeries {
  const firstSlice = review.sliceSopInstanceUids.find((uid) => uid !== '');
  const displaySet = services.displaySetService
    .getActiveDisplaySets()
    .find((candidate) => candidate.Modality !== 'SEG' && (candidate.images ?? candidate.instances ?? []).some((instance) => instance.SOPInstanceUID === firstSlice));
  if (!firstSlice || !displaySet) throw new ReviewedSeriesError('the annotated series is not among the series the viewer shows for this study');
  const series = sourceImagesOfDisplaySet(displaySet);
  const { grid } = series.sourceGrid;
  const sameSlices = series.slices.length === review.sliceSopInstanceUids.length && series.slices.every((slice, k) => slice.sopInstanceUID === review.sliceSopInstanceUids[k]);
  if (!sameSlices) throw new ReviewedSeriesError('the viewer and the PACS list different images for the annotated series (a slice is missing on one side); reload the study');
  if (grid.columns !== review.grid.columns || grid.rows !== review.grid.rows) {
    throw new ReviewedSeriesError(`the viewer has the annotated images at ${grid.columns}×${grid.rows} pixels, the review at ${review.grid.columns}×${review.grid.rows}; reload the study`);
  }
  return series;
}
