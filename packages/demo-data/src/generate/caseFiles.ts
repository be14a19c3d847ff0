/**
 * The files of one case, one at a time: the image series, then one SEG per planned annotation
 * (written by @segqc/core's BINARY SEG writer on the very source datasets written before), then,
 * for an adjudicated case, the reference-standard SEG and the verified QC report of its signed
 * adjudication (in folders of their own, `reference/` and `sr/`, so readers of `seg/` see the
 * annotations only).
 */
import { buildBinarySeg, writePart10, type AuthenticatedIdentity, type SourceImage } from '@segqc/core';
import type { DemoCasePlan, DemoSegPlan } from '../cohort/cohort';
import { DEMO_INSTITUTION } from '../cohort/annotators';
import { SEG_EQUIPMENT } from '../cohort/demoEquipment';
import { sourceImageOf } from '../cohort/sourceImageOf';
import { caseModel, type CaseModel, type SegAnnotation } from './caseModel';
import { adjudicationFiles } from './adjudicationFiles';
import type { DemoCase, DemoFile, DemoReference, DemoSeg } from './manifestTypes';

export interface CaseFilesOptions {
  /** Receives the case's manifest entry after the last file. */
  onCase?: (demoCase: DemoCase) => void;
  /** The adjudicator's sign-in, recorded in the adjudication's objects; absent: self-declared. */
  adjudicatorAuthentication?: AuthenticatedIdentity;
}

/** Yields the case's files. */
export function* caseFiles(plan: DemoCasePlan, options: CaseFilesOptions = {}): Generator<DemoFile> {
  const model = caseModel(plan, { withImages: true });
  const sources = new Map<string, SourceImage[]>();
  for (const { folder, slice, dataset } of model.imageDatasets()) {
    const series = plan.series.find((s) => s.folder === folder)!;
    if (!sources.has(series.SeriesInstanceUID)) sources.set(series.SeriesInstanceUID, []);
    sources.get(series.SeriesInstanceUID)!.push(sourceImageOf(dataset));
    yield { path: `${plan.caseId}/${folder}/${String(slice + 1).padStart(4, '0')}.dcm`, bytes: writePart10(dataset) };
  }
  const segs: DemoSeg[] = [];
  const written = new Map<DemoSegPlan, Uint8Array>();
  for (const seg of plan.segs) {
    const annotation = model.annotate(seg);
    const bytes = writePart10(segDataset(model, seg, sourceImagesOf(sources, seg.sourceSeriesInstanceUID, seg.path), annotation));
    written.set(seg, bytes);
    yield { path: seg.path, bytes };
    segs.push(segEntry(model, seg, annotation));
  }
  const { reference } = plan;
  if (reference) {
    const annotations = plan.segs.filter((seg) => seg.ContentLabel === 'ANNOTATION' && seg.sourceSeriesInstanceUID === reference.sourceSeriesInstanceUID);
    const files = adjudicationFiles({
      plan: reference,
      annotations: annotations.map((seg) => ({ bytes: written.get(seg)!, login: seg.annotator.login, detection: segs[plan.segs.indexOf(seg)].detection })),
      sourceImages: sourceImagesOf(sources, reference.sourceSeriesInstanceUID, reference.path),
      truth: model.truth().labels,
      segments: model.segments,
      lesionSegmentNumber: model.lesionSegmentNumber,
      ...(options.adjudicatorAuthentication ? { adjudicatorAuthentication: options.adjudicatorAuthentication } : {}),
    });
    yield { path: reference.path, bytes: files.referenceSeg };
    yield { path: reference.report.path, bytes: files.report };
  }
  options.onCase?.(caseEntry(model, segs));
}

function sourceImagesOf(sources: Map<string, SourceImage[]>, seriesInstanceUid: string, path: string): SourceImage[] {
  const sourceImages = sources.get(seriesInstanceUid);
  if (!sourceImages) throw new Error(`${path}: source series ${seriesInstanceUid} was not generated`);
  return sourceImages;
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
    // buildBinarySeg appends "; creator self-declared": the demo signs no one in.
    contentDescription: seg.ContentLabel === 'GOLD' ? 'Calibration gold standard' : `Annotation by ${seg.annotator.login}`,
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
  const { segs: _planned, reference: plannedReference, ...plan } = model.plan;
  const truth = model.truth();
  const truthSegments = model.segments.map((s) => ({ number: s.segmentNumber, label: s.label, voxelCount: truth.counts[s.segmentNumber - 1] }));
  // The adjudicator's reference is the truth, segment by segment.
  const reference: DemoReference | null = plannedReference
    ? { ...plannedReference, segments: plannedReference.segments.map((s) => ({ ...s, voxelCount: truth.counts[s.number - 1] })) }
    : null;
  return { ...plan, segs, reference, lesions: model.lesions, truthSegments };
}
