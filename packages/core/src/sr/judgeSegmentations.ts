/**
 * The structures of a QC report from the annotations of one case: every pair of annotations
 * compared (compareSegmentations), segments joined into structures through the pairs' matches,
 * each structure with one annotation per annotator who segmented it (letters A, B, … in the
 * order given), its agreements, volumes, pixel-data hashes and display regions; and the metric
 * conventions the numbers were computed by. A SEG whose ContentLabel is ADJUDICATED or GOLD is
 * judged as one more annotation and marked as that reference standard.
 */
import { compareSegmentations, type ComparisonOptions, type SegmentationComparison } from '../agreement/compareSegmentations';
import { DicomValueError } from '../dicom/DicomValueError';
import { maskVolumeMl } from '../metrics/volume';
import type { Segmentation, SegmentVolume } from '../volume/Segmentation';
import { CONVENTIONS_OF_MEASUREMENT, type MeasurementKind } from './AlgorithmIdentification';
import type { JudgedSegInfo } from './describeJudgedSeg';
import { displayRegionOfMasks, type SliceImages } from './displayRegionOfMasks';
import type { QcAgreementInit } from './QcAgreement';
import type { QcAnnotationInit } from './QcAnnotation';
import { ANNOTATION_LETTERS, QC_REFERENCE_STANDARDS, type QcReferenceStandard, type QcReviewerChoice } from './qcCodes';
import { plainCode, type QcStructureInit } from './QcStructure';

export interface JudgedSegmentation {
  info: JudgedSegInfo;
  /** The SEG read onto its source grid (readSegmentation); all on one grid. */
  segmentation: Segmentation;
}

export interface JudgeOptions extends ComparisonOptions {
  /** The source image of each grid slice: with it every annotation gets a display region (for OHIF). */
  sliceImages?: SliceImages;
}

export interface Judgement {
  structures: QcStructureInit[];
  /** The conventions the measurements follow, by key (AlgorithmInit.conventions). */
  conventions: Record<string, string>;
}

export function judgeSegmentations(judged: readonly JudgedSegmentation[], options: JudgeOptions = {}): Judgement {
  if (judged.length === 0) throw new DicomValueError('annotations', 'give at least one annotation');
  if (judged.length > ANNOTATION_LETTERS.length) throw new DicomValueError('annotations', `at most ${ANNOTATION_LETTERS.length} annotations (A to Z), got ${judged.length}`);
  judged.forEach(({ info }, n) => {
    const earlier = judged.findIndex((other) => other.info.sopInstanceUid === info.sopInstanceUid);
    if (earlier !== n) throw new DicomValueError(`annotations[${n}]`, `the SEG ${info.sopInstanceUid} is annotation ${ANNOTATION_LETTERS[earlier]} already`);
  });

  // Nodes are (annotation, segment index); pairs' matches join them into structures.
  const nodes: Array<{ annotation: number; segment: SegmentVolume }> = [];
  const nodeOf = new Map<string, number>();
  judged.forEach(({ segmentation }, a) => segmentation.segments.forEach((segment) => {
    nodeOf.set(`${a}#${segment.number}`, nodes.length);
    nodes.push({ annotation: a, segment });
  }));
  const parent = nodes.map((_, n) => n);
  const root = (n: number): number => (parent[n] === n ? n : (parent[n] = root(parent[n])));

  const comparisons: Array<{ a: number; b: number; comparison: SegmentationComparison }> = [];
  for (let a = 0; a < judged.length; a++) {
    for (let b = a + 1; b < judged.length; b++) {
      const comparison = compareSegmentations(judged[a].segmentation, judged[b].segmentation, options);
      comparisons.push({ a, b, comparison });
      for (const pair of comparison.structures) {
        const [x, y] = [root(nodeOf.get(`${a}#${pair.a.number}`)!), root(nodeOf.get(`${b}#${pair.b.number}`)!)];
        if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
      }
    }
  }

  const members = new Map<number, number[]>();
  nodes.forEach((_, n) => members.set(root(n), [...(members.get(root(n)) ?? []), n]));
  const structures: QcStructureInit[] = [];
  const labels = new Set<string>();
  for (const group of members.values()) {
    const annotationsOf = group.map((n) => nodes[n].annotation);
    if (new Set(annotationsOf).size !== annotationsOf.length) {
      const labels = group.map((n) => `${ANNOTATION_LETTERS[nodes[n].annotation]}:${nodes[n].segment.label}`).join(', ');
      throw new DicomValueError('structures', `the segments ${labels} match one another pairwise but include two segments of one annotation: no one structure holds them`);
    }
    const first = nodes[group[0]].segment;
    const masks = group.map((n) => nodes[n].segment.mask);
    const annotations: QcAnnotationInit[] = group.map((n) => {
      const { annotation, segment } = nodes[n];
      const { info } = judged[annotation];
      const displayRegion = options.sliceImages ? displayRegionOfMasks(segment.mask, masks, options.sliceImages) : undefined;
      return {
        annotation: ANNOTATION_LETTERS[annotation],
        ...(info.annotatorName !== undefined ? { annotatorName: info.annotatorName } : {}),
        ...(info.annotatorLogin !== undefined ? { annotatorLogin: info.annotatorLogin } : {}),
        segment: { sopClassUid: info.sopClassUid, sopInstanceUid: info.sopInstanceUid, seriesInstanceUid: info.seriesInstanceUid, segmentNumber: segment.number },
        sourceSeriesInstanceUid: info.sourceSeriesInstanceUid,
        pixelDataSha256: info.pixelDataSha256,
        volumeMl: maskVolumeMl(segment.mask),
        ...(displayRegion ? { displayRegion } : {}),
        ...(isReferenceStandard(info.contentLabel) ? { referenceStandard: info.contentLabel } : {}),
        ...reviewerChoicesOf(info, segment.number),
      };
    });
    const agreements: QcAgreementInit[] = [];
    for (const { a, b, comparison } of comparisons) {
      for (const pair of comparison.structures) {
        if (!group.includes(nodeOf.get(`${a}#${pair.a.number}`)!)) continue;
        const { dice, jaccard, hdMm, hd95Mm, assdMm, nsd } = pair.agreement;
        agreements.push({ between: [ANNOTATION_LETTERS[a], ANNOTATION_LETTERS[b]], dice, jaccard, hdMm, hd95Mm, assdMm, nsd: { ...nsd } });
      }
    }
    structures.push({
      label: uniqueLabel(labelOf(first), `${ANNOTATION_LETTERS[nodes[group[0]].annotation]}${first.number}`, labels),
      ...(first.category ? { category: plainCode(first.category) } : {}),
      ...(first.type ? { type: plainCode(first.type) } : {}),
      ...(first.typeModifier ? { typeModifier: plainCode(first.typeModifier) } : {}),
      annotations,
      ...(agreements.length > 0 ? { agreements } : {}),
    });
  }
  // Structures in the order of the first annotation's segments, then the others'.
  const measured: MeasurementKind[] = structures.some((structure) => structure.agreements) ? (Object.keys(CONVENTIONS_OF_MEASUREMENT) as MeasurementKind[]) : ['volumeMl'];
  return { structures, conventions: conventionsOf(comparisons[0]?.comparison, options, measured) };
}

/** What the reviewer set by hand for this segment (review/reviewerChoices.ts), as the report records it. */
function reviewerChoicesOf(info: JudgedSegInfo, segmentNumber: number): Pick<QcAnnotationInit, 'setByReviewer'> {
  const choices: QcReviewerChoice[] = [];
  if (info.attributedByReviewer) choices.push('annotator');
  if (info.segmentsMappedByReviewer?.includes(segmentNumber)) choices.push('structure');
  return choices.length > 0 ? { setByReviewer: choices } : {};
}

/** An adjudicated or gold SEG is judged like an annotation, and the report says which it is. */
function isReferenceStandard(contentLabel: string | undefined): contentLabel is QcReferenceStandard {
  return contentLabel !== undefined && Object.prototype.hasOwnProperty.call(QC_REFERENCE_STANDARDS, contentLabel);
}

/** The structure's label: the first annotation's segment label, else its type, else its number. */
function labelOf(segment: SegmentVolume): string {
  return segment.label.trim() || segment.type?.meaning.trim() || `Segment ${segment.number}`;
}

/** Labels name structures in the report: a second "Lesion" becomes "Lesion (A3)", after its first segment. */
function uniqueLabel(label: string, segment: string, used: Set<string>): string {
  const unique = used.has(label) ? `${label.slice(0, 64 - segment.length - 3)} (${segment})` : label.slice(0, 64);
  used.add(unique);
  return unique;
}

/** The conventions of the measurements the report holds (and only those: each is written with its measurements). */
function conventionsOf(comparison: SegmentationComparison | undefined, options: ComparisonOptions, measured: readonly MeasurementKind[]): Record<string, string> {
  const source: Record<string, unknown> = comparison?.conventions ?? compareSegmentations(emptyOf(), emptyOf(), options).conventions;
  const conventions: Record<string, string> = {};
  for (const key of new Set(measured.flatMap((kind) => CONVENTIONS_OF_MEASUREMENT[kind]))) {
    if (typeof source[key] === 'string') conventions[key] = source[key] as string;
  }
  return conventions;
}

/** An empty segmentation on a 1-voxel grid: compareSegmentations's conventions without data. */
function emptyOf(): Segmentation {
  const grid = { columns: 1, rows: 1, slices: 1, spacing: [1, 1, 1] as const, origin: [0, 0, 0] as const, rowDirection: [1, 0, 0] as const, columnDirection: [0, 1, 0] as const, sliceDirection: [0, 0, 1] as const };
  return { grid, segments: [], source: {} };
}
