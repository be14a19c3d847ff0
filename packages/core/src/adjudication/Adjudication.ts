/**
 * The adjudication of one case, validated on construction so that nothing invalid is ever signed:
 * the annotators' SEGs (read onto the source series), the source images, the SOP in force, one
 * decision per structure — how its reference standard is made (accept one annotation, majority
 * vote, STAPLE, or the adjudicator's edited mask), whether it was escalated and why (coded reasons,
 * QC_REASONS) — the adjudicator's SOP checklist, who the adjudicator is (authenticated by an
 * OpenID Provider, or self-declared), when, and the earlier QC report this one revises. Every error is an
 * AdjudicationInputError naming the input field. writeAdjudication writes it.
 *
 * Structures are the ones the QC report lists (judgeSegmentations), named by their report label.
 */
import { ENGINE } from '../agreement/engineVersion';
import type { ComparisonOptions } from '../agreement/compareSegmentations';
import { SEGQC_SCHEME_DESIGNATOR } from '../codes/segqcScheme';
import { CodedConcept, type CodeInit } from '../dicom/CodedConcept';
import { checkLongString, checkPersonName, checkUid } from '../dicom/vrChecks';
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import { checkAuthenticatedIdentity } from '../identity/checkAuthenticatedIdentity';
import { HD95_VARIANTS } from '../metrics/hd95';
import type { SegEquipment } from '../seg/buildBinarySeg';
import type { Srgb } from '../seg/cielab';
import { defaultSegmentColor } from '../seg/segmentPalette';
import type { SourceImage } from '../seg/SourceImage';
import { matchSegments } from '../segments/matchSegments';
import type { Sop, SopStructure } from '../sop/Sop';
import type { JudgedSegmentation } from '../sr/judgeSegmentations';
import { ANNOTATION_LETTERS, QC_REASONS, nsdCode, type AnnotationLetter } from '../sr/qcCodes';
import type { QcReasonInit } from '../sr/QcDecision';
import type { SopChecklistResultInit } from '../sr/SopChecklistResult';
import { checkSingleLineText, checkText } from '../sr/srValueChecks';
import { BitMask } from '../volume/BitMask';
import { gridFromSourceImages } from '../volume/sourceGrid';
import { voxelCount, type VoxelGrid } from '../volume/VoxelGrid';
import { reportRevision, type ReportRevision } from '../sr/reportRevision';
import { AdjudicationInputError, asAdjudicationInputError } from './AdjudicationInputError';
import { structuresToAdjudicate, type StructureToAdjudicate } from './structuresToAdjudicate';

export interface AdjudicatorInit {
  /** DICOM PN, e.g. `Singh^Priya`. */
  name: string;
  /** The login in the SegQC deployment. */
  login: string;
  /** The OpenID Provider's issuer and subject of the adjudicator's sign-in; absent: self-declared. Recorded in both objects. */
  authentication?: AuthenticatedIdentity;
  organization?: string;
}

/** How the reference of one structure is made. */
export type ReferenceMethodInit =
  /** That annotation's segment, as it is. */
  | { kind: 'accept'; annotation: AnnotationLetter }
  /** Voxel-wise majority of all annotations (one without the structure votes background; a tie is foreground). */
  | { kind: 'majority' }
  /** STAPLE's estimate (posterior ≥ 0.5) from all annotations (one without the structure counts as empty). */
  | { kind: 'staple' }
  /** A mask the adjudicator edited in the viewer, on the source grid. */
  | { kind: 'edited'; mask: BitMask };

export interface StructureDecisionInit {
  /** The structure's label in the QC report (judgeSegmentations). */
  structureLabel: string;
  method: ReferenceMethodInit;
  /** Coded reasons (QC_REASONS; "other" with its words); at least one when escalated. */
  reasons: readonly QcReasonInit[];
  /** The review escalated the structure; otherwise the report records it as agreed. */
  escalated: boolean;
}

export interface AdjudicationInit {
  /** The annotators' SEGs (describeJudgedSeg + readSegmentation on `sourceImages`): A, B, … in this order. */
  annotations: readonly JudgedSegmentation[];
  /** The series the annotations were drawn on; the reference SEG is written on it. */
  sourceImages: readonly SourceImage[];
  sop?: Sop;
  /** One per structure of the case. */
  decisions: readonly StructureDecisionInit[];
  /** The adjudicator's items of the SOP's checklist; every required one must be checked. */
  checklist?: readonly SopChecklistResultInit[];
  adjudicator: AdjudicatorInit;
  /** When the adjudication is signed: content and verification date-time of both objects. */
  now: Date;
  /** The case's latest QC report (a review's or an earlier adjudication's): this one revises it. */
  predecessor?: Uint8Array;
  /** The reference SEG's equipment; DEFAULT_ADJUDICATION_EQUIPMENT when absent. */
  equipment?: SegEquipment;
  /** Agreement measurement options; NSD is also measured at every SOP structure's tolerance. */
  metrics?: ComparisonOptions;
  /**
   * The SOP Instance UIDs of the two objects, when the caller must know them beforehand (a
   * generator that writes the same bytes on every run, an outbox that names the objects before
   * STOW); new random UIDs (randomUid) when absent. Each must be a valid UID (PS3.5 9.1), the two
   * distinct; a UID used before names another object, so never reuse one.
   */
  uids?: AdjudicationUids;
}

/** The SOP Instance UIDs of the reference-standard SEG and of the QC report. */
export interface AdjudicationUids {
  referenceSeg: string;
  report: string;
}

/** A structure of the case with the adjudicator's decision, normalised, and the colour its reference segment gets. */
export interface AdjudicatedStructure extends StructureToAdjudicate {
  category: CodeInit;
  type: CodeInit;
  decision: StructureDecisionInit;
  /** The first annotation's segment colour, else the SOP structure's, else the default palette's. */
  color: Srgb;
}

/** Where a revision goes: the predecessor's series, the next instance number. */
export type Revision = ReportRevision;

export const DEFAULT_ADJUDICATION_EQUIPMENT: Readonly<SegEquipment> = Object.freeze({
  manufacturerModelName: 'SegQC adjudication',
  softwareVersions: ENGINE.version,
  deviceSerialNumber: ENGINE.name,
});

export class Adjudication {
  readonly annotations: readonly JudgedSegmentation[];
  readonly sourceImages: readonly SourceImage[];
  /** The source series' grid (whole missing slices as gaps). */
  readonly grid: VoxelGrid;
  /** sliceOrder[k]: the index in sourceImages of grid slice k, −1 for a gap. */
  readonly sliceOrder: readonly number[];
  /** In report order, each with its decision. */
  readonly structures: readonly AdjudicatedStructure[];
  readonly sop?: Sop;
  readonly checklist: readonly SopChecklistResultInit[];
  readonly adjudicator: Readonly<AdjudicatorInit>;
  /** The adjudicator's institution: organization, else the equipment's, else the annotations' InstitutionName. */
  readonly institutionName: string;
  readonly now: Date;
  readonly revision?: Revision;
  readonly equipment: Readonly<SegEquipment>;
  readonly metrics: Readonly<ComparisonOptions>;
  /** The SOP Instance UIDs given (AdjudicationInit.uids); absent: writeAdjudication draws random ones. */
  readonly uids?: Readonly<AdjudicationUids>;

  constructor(init: AdjudicationInit) {
    if (init === null || typeof init !== 'object') throw new AdjudicationInputError('(adjudication)', 'an adjudication needs annotations, source images, decisions, the adjudicator and the time');
    const adjudicator = checkAdjudicator(init.adjudicator);
    if (!(init.now instanceof Date) || Number.isNaN(init.now.getTime())) throw new AdjudicationInputError('now', `must be a valid Date, got ${String(init.now)}`);
    const equipment = checkEquipment(init.equipment ?? DEFAULT_ADJUDICATION_EQUIPMENT);
    const uids = init.uids === undefined ? undefined : checkUids(init.uids);

    if (!Array.isArray(init.sourceImages) || init.sourceImages.length === 0) throw new AdjudicationInputError('sourceImages', 'give the images of the series the annotations were drawn on');
    const { grid, sliceOrder } = asAdjudicationInputError('sourceImages', () => gridFromSourceImages(init.sourceImages, { allowGaps: true }));
    checkAnnotations(init.annotations, init.sourceImages, grid);
    const institutionName = adjudicator.organization ?? equipment.institutionName ?? init.annotations.find((a) => a.info.institutionName !== undefined)?.info.institutionName;
    if (institutionName === undefined) {
      throw new AdjudicationInputError('adjudicator.organization', 'is needed: the reference SEG names the adjudicator\'s institution (ContentCreatorIdentificationCodeSequence InstitutionName, type 1C) and neither the equipment nor any annotation names one');
    }

    const sop = init.sop;
    if (sop !== undefined && (sop === null || typeof sop !== 'object' || !Array.isArray(sop.checklist) || !Array.isArray(sop.structures) || typeof sop.reference?.sha256 !== 'string')) {
      throw new AdjudicationInputError('sop', 'must be a SOP as loadSop returns it (with its reference and hash)');
    }
    const checklist = checkChecklist(init.checklist ?? [], sop);
    const metrics = checkMetrics(init.metrics ?? {}, sop);

    const cases = asAdjudicationInputError('annotations', () => structuresToAdjudicate(init.annotations));
    const sopOf = sopStructureOf(cases, sop);
    const decisions = checkDecisions(init.decisions, cases, grid);
    const structures = cases.map((structure, s): AdjudicatedStructure => {
      const first = structure.segments[0];
      const segmentPath = `annotations[${ANNOTATION_LETTERS.indexOf(first.annotation)}] segment ${first.segmentNumber}`;
      const category = structure.category ?? sopOf(s)?.category;
      const type = structure.type ?? sopOf(s)?.type;
      if (category === undefined || type === undefined) {
        throw new AdjudicationInputError(segmentPath, `the structure "${structure.label}" has no Segmented Property ${category === undefined ? 'Category' : 'Type'} code, which its reference segment needs (SEG type 1)`);
      }
      const color = init.annotations[ANNOTATION_LETTERS.indexOf(first.annotation)].info.segmentColors?.[first.segmentNumber] ?? sopOf(s)?.color ?? defaultSegmentColor(s + 1);
      return Object.freeze({ ...structure, category, type, decision: decisions.get(structure.label)!, color: Object.freeze([...color]) as unknown as Srgb });
    });

    const revision = init.predecessor === undefined ? undefined : asAdjudicationInputError('predecessor', () => reportRevision(init.predecessor!, init.annotations[0].info.studyInstanceUid));

    this.annotations = Object.freeze([...init.annotations]);
    this.sourceImages = Object.freeze([...init.sourceImages]);
    this.grid = grid;
    this.sliceOrder = Object.freeze(sliceOrder);
    this.structures = Object.freeze(structures);
    if (sop !== undefined) this.sop = sop;
    this.checklist = Object.freeze(checklist);
    this.adjudicator = Object.freeze(adjudicator);
    this.institutionName = institutionName;
    this.now = new Date(init.now.getTime());
    if (revision !== undefined) this.revision = revision;
    this.equipment = Object.freeze({ ...equipment });
    this.metrics = Object.freeze(metrics);
    if (uids !== undefined) this.uids = Object.freeze(uids);
    Object.freeze(this);
  }

  static from(init: Adjudication | AdjudicationInit): Adjudication {
    return init instanceof Adjudication ? init : new Adjudication(init);
  }
}

function checkAdjudicator(adjudicator: AdjudicatorInit): AdjudicatorInit {
  if (adjudicator === null || typeof adjudicator !== 'object') throw new AdjudicationInputError('adjudicator', 'give name and login (and authentication when signed in)');
  asAdjudicationInputError('adjudicator.name', () => checkPersonName(adjudicator.name, 'adjudicator.name'));
  asAdjudicationInputError('adjudicator.login', () => {
    checkSingleLineText(adjudicator.login, 'adjudicator.login', 64);
    // Written as a 99SEGQC code (the SEG's ContentCreatorIdentificationCodeSequence, the SR's verifying observer).
    new CodedConcept({ value: adjudicator.login, scheme: SEGQC_SCHEME_DESIGNATOR, meaning: adjudicator.login.slice(0, 64) }, '');
  });
  const authentication = adjudicator.authentication === undefined ? undefined : asAdjudicationInputError('adjudicator.authentication', () => checkAuthenticatedIdentity(adjudicator.authentication, {
    identity: 'adjudicator.authentication', issuer: 'adjudicator.authentication.issuer', subject: 'adjudicator.authentication.subject',
  }));
  if (adjudicator.organization !== undefined) {
    asAdjudicationInputError('adjudicator.organization', () => {
      checkLongString(adjudicator.organization!, 'adjudicator.organization');
      checkSingleLineText(adjudicator.organization!, 'adjudicator.organization', 64);
    });
  }
  return {
    name: adjudicator.name,
    login: adjudicator.login,
    ...(authentication !== undefined ? { authentication } : {}),
    ...(adjudicator.organization !== undefined ? { organization: adjudicator.organization } : {}),
  };
}

function checkUids(uids: AdjudicationUids): AdjudicationUids {
  if (uids === null || typeof uids !== 'object') throw new AdjudicationInputError('uids', 'give {referenceSeg, report}, the SOP Instance UIDs of the two objects');
  for (const key of ['referenceSeg', 'report'] as const) asAdjudicationInputError(`uids.${key}`, () => checkUid(uids[key], `uids.${key}`));
  if (uids.referenceSeg === uids.report) throw new AdjudicationInputError('uids.report', `is the reference SEG's UID too (${uids.report}): two objects need two UIDs`);
  return { referenceSeg: uids.referenceSeg, report: uids.report };
}

function checkEquipment(equipment: SegEquipment): SegEquipment {
  if (equipment === null || typeof equipment !== 'object') throw new AdjudicationInputError('equipment', 'give manufacturerModelName, softwareVersions and deviceSerialNumber');
  for (const key of ['manufacturerModelName', 'softwareVersions', 'deviceSerialNumber'] as const) {
    asAdjudicationInputError(`equipment.${key}`, () => checkLongString(equipment[key], `equipment.${key}`));
  }
  if (equipment.institutionName !== undefined) asAdjudicationInputError('equipment.institutionName', () => checkLongString(equipment.institutionName!, 'equipment.institutionName'));
  return { ...equipment };
}

/** Annotators' SEGs of one study, drawn on this series, on its grid; no reference standard among them. */
function checkAnnotations(annotations: readonly JudgedSegmentation[], sourceImages: readonly SourceImage[], grid: VoxelGrid): void {
  // One letter stays free for the reference SEG, judged with them.
  const most = ANNOTATION_LETTERS.length - 1;
  if (!Array.isArray(annotations) || annotations.length === 0 || annotations.length > most) {
    throw new AdjudicationInputError('annotations', `give the annotators' SEGs, 1 to ${most}, got ${Array.isArray(annotations) ? annotations.length : String(annotations)}`);
  }
  const first = annotations[0]?.info;
  annotations.forEach((annotation, n) => {
    const at = `annotations[${n}]`;
    if (annotation === null || typeof annotation !== 'object' || annotation.info === null || typeof annotation.info !== 'object' || !Array.isArray(annotation.segmentation?.segments)) {
      throw new AdjudicationInputError(at, 'give {info: describeJudgedSeg(bytes), segmentation: readSegmentation(bytes, sourceImages)}');
    }
    const { info, segmentation } = annotation;
    if (info.contentLabel === 'ADJUDICATED' || info.contentLabel === 'GOLD') {
      throw new AdjudicationInputError(`${at}.info.contentLabel`, `the SEG ${info.sopInstanceUid} is a reference standard (${info.contentLabel}), not an annotation: adjudicate the annotators' SEGs (a new adjudication revises the earlier one through predecessor)`);
    }
    const earlier = annotations.findIndex((other) => other.info.sopInstanceUid === info.sopInstanceUid);
    if (earlier !== n) throw new AdjudicationInputError(`${at}.info.sopInstanceUid`, `the SEG ${info.sopInstanceUid} is annotations[${earlier}] already`);
    if (info.studyInstanceUid !== first.studyInstanceUid) throw new AdjudicationInputError(`${at}.info.studyInstanceUid`, `${info.studyInstanceUid} is another study than annotations[0]'s ${first.studyInstanceUid}: an adjudication is of one case`);
    if (info.sourceSeriesInstanceUid !== sourceImages[0].SeriesInstanceUID) {
      throw new AdjudicationInputError(`${at}.info.sourceSeriesInstanceUid`, `the SEG was drawn on series ${info.sourceSeriesInstanceUid}, the source images are of ${sourceImages[0].SeriesInstanceUID}`);
    }
    checkOnGrid(segmentation.grid, grid, `${at}.segmentation.grid`);
  });
  if (sourceImages[0].StudyInstanceUID !== first.studyInstanceUid) {
    throw new AdjudicationInputError('sourceImages[0].StudyInstanceUID', `${sourceImages[0].StudyInstanceUID} is not the annotations' study ${first.studyInstanceUid}`);
  }
}

// Annotations read onto the source series carry its geometry up to re-serialised decimals (as metrics/sameGrid.ts).
const GEOMETRY_TOLERANCE_MM = 1e-3;

function checkOnGrid(grid: VoxelGrid, source: VoxelGrid, path: string): void {
  if (grid === null || typeof grid !== 'object' || grid.columns !== source.columns || grid.rows !== source.rows || grid.slices !== source.slices) {
    throw new AdjudicationInputError(path, `is not the source series' grid ${source.columns}×${source.rows}×${source.slices}: read the SEG onto sourceImages (with allowGaps when the series has gaps)`);
  }
  for (const name of ['spacing', 'origin', 'rowDirection', 'columnDirection', 'sliceDirection'] as const) {
    if (grid[name].some((v, axis) => !(Math.abs(v - source[name][axis]) <= GEOMETRY_TOLERANCE_MM))) {
      throw new AdjudicationInputError(`${path}.${name}`, `[${grid[name].join(', ')}] is not the source series' [${source[name].join(', ')}]`);
    }
  }
}

function checkChecklist(checklist: readonly SopChecklistResultInit[], sop: Sop | undefined): SopChecklistResultInit[] {
  if (!Array.isArray(checklist)) throw new AdjudicationInputError('checklist', 'must be a list of {itemId, checked}');
  if (sop === undefined) {
    if (checklist.length > 0) throw new AdjudicationInputError('checklist', 'checklist results need the SOP they belong to (sop)');
    return [];
  }
  const sopName = `${sop.id}@${sop.version}`;
  const seen = new Set<string>();
  const results = checklist.map((result, n) => {
    const at = `checklist[${n}]`;
    if (result === null || typeof result !== 'object') throw new AdjudicationInputError(at, 'give {itemId, checked}');
    const item = sop.checklist.find((candidate) => candidate.id === result.itemId);
    if (item === undefined) throw new AdjudicationInputError(`${at}.itemId`, `"${String(result.itemId)}" is no checklist item of the SOP ${sopName} (${sop.checklist.map((c) => c.id).join(', ')})`);
    if (item.role !== 'adjudicator') throw new AdjudicationInputError(`${at}.itemId`, `"${item.id}" is the ${item.role}'s checklist item, not the adjudicator's`);
    if (seen.has(item.id)) throw new AdjudicationInputError(`${at}.itemId`, `"${item.id}" is answered twice`);
    seen.add(item.id);
    if (typeof result.checked !== 'boolean') throw new AdjudicationInputError(`${at}.checked`, `must be true or false, got ${String(result.checked)}`);
    return { itemId: item.id, checked: result.checked };
  });
  for (const item of sop.checklist) {
    if (item.role !== 'adjudicator' || !item.required) continue;
    if (!results.some((result) => result.itemId === item.id && result.checked)) {
      throw new AdjudicationInputError('checklist', `the SOP ${sopName} requires the adjudicator to check "${item.id}" (${item.text}); it is ${seen.has(item.id) ? 'not checked' : 'missing'}`);
    }
  }
  return results;
}

/** The options, with NSD also at every SOP structure's tolerance (as the review measures it). */
function checkMetrics(metrics: ComparisonOptions, sop: Sop | undefined): ComparisonOptions {
  if (metrics === null || typeof metrics !== 'object') throw new AdjudicationInputError('metrics', 'must be {tolerancesMm?, hd95?}');
  if (metrics.hd95 !== undefined && !HD95_VARIANTS.includes(metrics.hd95)) {
    throw new AdjudicationInputError('metrics.hd95', `must be ${HD95_VARIANTS.map((v) => `'${v}'`).join(' or ')}, got ${String(metrics.hd95)}`);
  }
  const given = metrics.tolerancesMm ?? [1, 2];
  if (!Array.isArray(given)) throw new AdjudicationInputError('metrics.tolerancesMm', 'must be a list of mm');
  const tolerancesMm = [...new Set([...given, ...(sop?.structures ?? []).map((structure) => structure.thresholds.nsdToleranceMm)])].sort((a, b) => a - b);
  for (const tolerance of tolerancesMm) {
    if (!(typeof tolerance === 'number' && Number.isFinite(tolerance) && tolerance >= 0)) throw new AdjudicationInputError('metrics.tolerancesMm', `${String(tolerance)} is not a tolerance in mm`);
    asAdjudicationInputError('metrics.tolerancesMm', () => nsdCode(String(tolerance), 'metrics.tolerancesMm'));
  }
  return { tolerancesMm, ...(metrics.hd95 !== undefined ? { hd95: metrics.hd95 } : {}) };
}

/** The SOP structure each case structure is (matchSegments: type code with modifier, category, label), if any. */
function sopStructureOf(structures: readonly StructureToAdjudicate[], sop: Sop | undefined): (s: number) => SopStructure | undefined {
  if (sop === undefined) return () => undefined;
  const pairs = matchSegments(structures, sop.structures).pairs;
  return (s) => pairs.find((pair) => pair.a === structures[s])?.b;
}

function checkDecisions(decisions: readonly StructureDecisionInit[], structures: readonly StructureToAdjudicate[], grid: VoxelGrid): Map<string, StructureDecisionInit> {
  if (!Array.isArray(decisions)) throw new AdjudicationInputError('decisions', 'must be a list, one decision per structure');
  const byLabel = new Map<string, StructureDecisionInit>();
  decisions.forEach((decision, n) => {
    const at = `decisions[${n}]`;
    if (decision === null || typeof decision !== 'object') throw new AdjudicationInputError(at, 'give {structureLabel, method, reasons, escalated}');
    const structure = structures.find((candidate) => candidate.label === decision.structureLabel);
    if (structure === undefined) {
      throw new AdjudicationInputError(`${at}.structureLabel`, `"${String(decision.structureLabel)}" is no structure of this case (${structures.map((s) => `"${s.label}"`).join(', ')})`);
    }
    if (byLabel.has(structure.label)) throw new AdjudicationInputError(`${at}.structureLabel`, `"${structure.label}" is decided twice`);
    if (typeof decision.escalated !== 'boolean') throw new AdjudicationInputError(`${at}.escalated`, `must be true or false, got ${String(decision.escalated)}`);
    const reasons = checkReasons(decision.reasons ?? [], `${at}.reasons`);
    if (decision.escalated && reasons.length === 0) {
      throw new AdjudicationInputError(`${at}.reasons`, `the structure "${structure.label}" was escalated: give at least one coded reason (${Object.keys(QC_REASONS).join(', ')})`);
    }
    byLabel.set(structure.label, { structureLabel: structure.label, method: checkMethod(decision.method, structure, grid, `${at}.method`), reasons, escalated: decision.escalated });
  });
  const undecided = structures.filter((structure) => !byLabel.has(structure.label));
  if (undecided.length > 0) {
    throw new AdjudicationInputError('decisions', `${undecided.map((s) => `"${s.label}"`).join(', ')} ${undecided.length === 1 ? 'has' : 'have'} no decision: every structure of the case needs its reference standard`);
  }
  return byLabel;
}

function checkReasons(reasons: readonly QcReasonInit[], path: string): QcReasonInit[] {
  if (!Array.isArray(reasons)) throw new AdjudicationInputError(path, 'must be a list of {reason, text?}');
  const seen = new Set<string>();
  return reasons.map((reason, n) => {
    const at = `${path}[${n}]`;
    if (reason === null || typeof reason !== 'object' || !Object.prototype.hasOwnProperty.call(QC_REASONS, reason.reason)) {
      throw new AdjudicationInputError(`${at}.reason`, `"${String(reason?.reason)}" is not a QC reason (${Object.keys(QC_REASONS).join(', ')})`);
    }
    if (seen.has(reason.reason)) throw new AdjudicationInputError(`${at}.reason`, `"${reason.reason}" is given twice`);
    seen.add(reason.reason);
    if (reason.reason === 'other') {
      if (reason.text === undefined) throw new AdjudicationInputError(`${at}.text`, 'the reason "other" needs its words');
      asAdjudicationInputError(`${at}.text`, () => checkText(reason.text!, `${at}.text`));
      return { reason: reason.reason, text: reason.text };
    }
    if (reason.text !== undefined) throw new AdjudicationInputError(`${at}.text`, `only the reason "other" carries text, not "${reason.reason}"`);
    return { reason: reason.reason };
  });
}

function checkMethod(method: ReferenceMethodInit, structure: StructureToAdjudicate, grid: VoxelGrid, path: string): ReferenceMethodInit {
  if (method === null || typeof method !== 'object') throw new AdjudicationInputError(path, "give {kind: 'accept', annotation} | {kind: 'majority'} | {kind: 'staple'} | {kind: 'edited', mask}");
  switch (method.kind) {
    case 'accept': {
      const letters = structure.segments.map((segment) => segment.annotation);
      if (!letters.includes(method.annotation)) {
        throw new AdjudicationInputError(`${path}.annotation`, `${JSON.stringify(method.annotation)} names no annotation of "${structure.label}" (it has ${letters.join(', ')})`);
      }
      return { kind: 'accept', annotation: method.annotation };
    }
    case 'majority':
    case 'staple':
      return { kind: method.kind };
    case 'edited':
      return { kind: 'edited', mask: maskOnGrid(method.mask, grid, `${path}.mask`) };
    default:
      throw new AdjudicationInputError(`${path}.kind`, `must be 'accept', 'majority', 'staple' or 'edited', got ${String((method as { kind?: unknown }).kind)}`);
  }
}

/** The edited mask as a BitMask on the source grid (a mask posted from another thread arrives as plain {grid, words}). */
function maskOnGrid(mask: BitMask, grid: VoxelGrid, path: string): BitMask {
  if (mask === null || typeof mask !== 'object' || !(mask.words instanceof Uint32Array)) throw new AdjudicationInputError(path, 'must be a BitMask on the source grid');
  checkOnGrid(mask.grid, grid, `${path}.grid`);
  if (mask.words.length !== Math.ceil(voxelCount(grid) / 32)) throw new AdjudicationInputError(`${path}.words`, `has ${mask.words.length} words, the grid needs ${Math.ceil(voxelCount(grid) / 32)}`);
  return mask instanceof BitMask ? mask : new BitMask(grid, (mask as { words: Uint32Array }).words);
}

