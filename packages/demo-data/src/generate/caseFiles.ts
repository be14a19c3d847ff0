/**
 * The files of one case, one at a time: the image series, then one SEG per planned annotation
 * (written by @segqc/core's BINARY SEG writer on the very source datasets written before).
 */
import { buildBinarySeg, writePart10, type SourceImage } from '@segqc/core';
import type { DemoCasePlan, DemoSegPlan } from '../cohort/cohort';
import { DEMO_INSTITUTION } from '../cohort/annotators';
import { SEG_EQUIPMENT } from '../cohort/demoEquipment';
import { sourceImageOf } from '../cohort/sourceImageOf';
import { caseModel, type CaseModel, type SegAnnotation } from './caseModel';
import type { DemoCase, DemoFile, DemoSeg } from './manifestTypes';

/** Yields the case's files; `onCase` receives its manifest entry after the last file. */
export function* caseFiles(plan: DemoCasePlan, onCase?: (demoCase: DemoCase) => void): Generator<DemoFile> {
  const model = caseModel(plan, { withImages: true });
  const sources = new Map<string, SourceImage[]>();
  for (const { folder, slice, dataset } of model.imageDatasets()) {
    const series = plan.series.find((s) => s.folder === folder)!;
    if (!sources.has(series.SeriesInstanceUID)) sources.set(series.SeriesInstanceUID, []);
    sources.get(series.SeriesInstanceUID)!.push(sourceImageOf(dataset));
    yield { path: `${plan.caseId}/${folder}/${String(slice + 1).padStart(4, '0')}.dcm`, bytes: writePart10(dataset) };
  }
  const segs: DemoSeg[] = [];
  for (const seg of plan.segs) {
    const annotation = model.annotate(seg);
    const sourceImages = sources.get(seg.sourceSeriesInstanceUID);
    if (!sourceImages) throw new Error(`${seg.path}: source series ${seg.sourceSeriesInstanceUID} was not generated`);
    yield { path: seg.path, bytes: writePart10(segDataset(model, seg, sourceImages, annotation)) };
    segs.push(segEntry(model, seg, annotation));
  }
  onCase?.(caseEntry(model, segs));
}

/** The case's manifest entry, computed from its masks without rendering or encoding anything. */
export function caseManifest(plan: DemoCasePlan): DemoCase {
  const model = caseModel(plan, { withImages: false });
  return caseEntry(model, plan.segs.map((seg) => segEntry(model, seg, model.annotate(seg))));
}

function segDataset(model: CaseModel, seg: DemoSegPlan, sourceImages: SourceImage[], annotation: SegAnnotation) {
  return buildBinarySeg({
    sourceImages,
    segments: model.segments,
    frames: model.segments.map((s) => ({ segmentNumber: s.segmentNumber, mask: annotation.labels, label: s.segmentNumber })),
    creator: { name: seg.annotator.name, login: seg.annotator.login, institutionName: DEMO_INSTITUTION },
    contentLabel: seg.ContentLabel,
    contentDescription: seg.ContentLabel === 'GOLD' ? 'Reference standard for annotator calibration' : `Annotation by ${seg.annotator.login}`,
    contentDate: seg.ContentDate,
    contentTime: seg.ContentTime,
    seriesInstanceUID: seg.SeriesInstanceUID,
    sopInstanceUID: seg.SOPInstanceUID,
    seriesNumber: seg.SeriesNumber,
    seriesDescription: seg.SeriesDescription,
    equipment: SEG_EQUIPMENT,
  });
}

function segEntry(model: CaseModel, seg: DemoSegPlan, annotation: SegAnnotation): DemoSeg {
  return {
    ...seg,
    segments: seg.segments.map((s) => ({ ...s, voxelCount: annotation.counts[s.number - 1] })),
    lesionSegmentNumber: model.lesionSegmentNumber,
    detection: annotation.detection,
  };
}

function caseEntry(model: CaseModel, segs: DemoSeg[]): DemoCase {
  const { segs: _planned, ...plan } = model.plan;
  const truth = model.truth();
  const truthSegments = model.segments.map((s) => ({ number: s.segmentNumber, label: s.label, voxelCount: truth.counts[s.segmentNumber - 1] }));
  return { ...plan, segs, lesions: model.lesions, truthSegments };
}
