/**
 * A case ready to be written: its phantom, the per-person label volumes of its SEGs, and its
 * image series (rendered only when the files are wanted). Both the files and the manifest are
 * made from one CaseModel, so the manifest describes exactly the masks that were written.
 */
import type { NaturalDataset, SegmentDescriptionInit } from '@segqc/core';
import { annotateBrain } from '../annotation/annotateBrain';
import { annotateChest, type LesionDetection } from '../annotation/annotateChest';
import type { DemoCasePlan, DemoSegPlan } from '../cohort/cohort';
import { CT_NODULE_SEGMENT, CT_SEGMENTS, MR_LESION_SEGMENT, MR_SEGMENTS } from '../cohort/segmentDefinitions';
import { buildChestPhantom } from '../ct/chestPhantom';
import { CHEST_GRID } from '../ct/chestGrid';
import { ctSliceDataset } from '../ct/ctSliceDataset';
import { forEachVoxelNear } from '../ct/nodules';
import { renderChestCt } from '../ct/renderChestCt';
import { BRAIN_GRID } from '../mr/brainGrid';
import { buildBrainPhantom } from '../mr/brainPhantom';
import { forEachVoxelNearLesion } from '../mr/lesions';
import { mrSliceDataset } from '../mr/mrSliceDataset';
import { renderBrainMr } from '../mr/renderBrainMr';
import { annotatorBehaviour } from './annotatorBehaviour';
import type { DemoLesion } from './manifestTypes';

export interface SegAnnotation {
  labels: Uint8Array;
  /** Voxel count per segment, in segment-number order. */
  counts: number[];
  detection: LesionDetection;
}

export interface CaseModel {
  plan: DemoCasePlan;
  segments: readonly SegmentDescriptionInit[];
  lesionSegmentNumber: number;
  lesions: DemoLesion[];
  annotate(seg: DemoSegPlan): SegAnnotation;
  /** The true structures, as a SEG of them would label them. */
  truth(): SegAnnotation;
  /** The image datasets of each series, in series then slice order (needs `withImages`). */
  imageDatasets(): Generator<{ folder: string; slice: number; dataset: NaturalDataset }>;
}

export function caseModel(plan: DemoCasePlan, { withImages }: { withImages: boolean }): CaseModel {
  return plan.kind === 'mr' ? brainCaseModel(plan, withImages) : chestCaseModel(plan, withImages);
}

function chestCaseModel(plan: DemoCasePlan, withImages: boolean): CaseModel {
  const phantom = buildChestPhantom(plan.caseId, plan.lesionCount, { withImage: withImages });
  const lesions = phantom.nodules.map((nodule): DemoLesion => {
    let voxelCount = 0;
    forEachVoxelNear(nodule, 0, (_v, _x, _y, _z, d) => {
      if (d <= 0) voxelCount++;
    });
    return { id: nodule.id, kind: 'nodule', centerMm: roundPoint(nodule.center), diameterMm: round(nodule.diameterMm, 2), voxelCount };
  });
  let truth: SegAnnotation | undefined;
  return {
    plan,
    segments: CT_SEGMENTS,
    lesionSegmentNumber: CT_NODULE_SEGMENT,
    lesions,
    annotate: (seg) => annotateChest(phantom, annotatorBehaviour(seg)),
    // Read twice for an adjudicated case (its reference SEG, its manifest entry): computed once.
    truth: () => (truth ??= annotateChest(phantom, 'truth')),
    *imageDatasets() {
      const volume = renderChestCt(phantom);
      const perSlice = CHEST_GRID.rows * CHEST_GRID.columns;
      for (let slice = 0; slice < CHEST_GRID.slices; slice++) {
        yield { folder: plan.series[0].folder, slice, dataset: ctSliceDataset(plan, slice, volume.subarray(slice * perSlice, (slice + 1) * perSlice)) };
      }
    },
  };
}

function brainCaseModel(plan: DemoCasePlan, withImages: boolean): CaseModel {
  const phantom = buildBrainPhantom(plan.caseId, plan.lesionCount);
  const lesions = phantom.lesions.map((lesion): DemoLesion => {
    let voxelCount = 0;
    forEachVoxelNearLesion(lesion, 0, (_v, _x, _y, _z, d) => {
      if (d <= 0) voxelCount++;
    });
    return { id: lesion.id, kind: lesion.kind, centerMm: roundPoint(lesion.center), diameterMm: round(lesion.diameterMm, 2), voxelCount };
  });
  return {
    plan,
    segments: MR_SEGMENTS,
    lesionSegmentNumber: MR_LESION_SEGMENT,
    lesions,
    annotate: (seg) => annotateBrain(phantom, annotatorBehaviour(seg)),
    truth: () => annotateBrain(phantom, 'truth'),
    *imageDatasets() {
      if (!withImages) throw new Error('this case model was built without images');
      const volumes = renderBrainMr(plan.caseId, phantom.anatomy, phantom.lesions);
      const perSlice = BRAIN_GRID.rows * BRAIN_GRID.columns;
      for (const series of plan.series) {
        const volume = series.sequence === 'T1' ? volumes.t1 : series.sequence === 'T2' ? volumes.t2 : volumes.flair;
        for (let slice = 0; slice < BRAIN_GRID.slices; slice++) {
          yield { folder: series.folder, slice, dataset: mrSliceDataset(plan, series, slice, volume.subarray(slice * perSlice, (slice + 1) * perSlice)) };
        }
      }
    },
  };
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
const roundPoint = (p: readonly number[]): [number, number, number] => [round(p[0], 2), round(p[1], 2), round(p[2], 2)];
