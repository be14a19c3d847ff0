import type { DisplaySet, InstanceMetadata } from '../services';
import { dicomLabToSrgb, parseSopReference, segAttribution, segCreatorIdentity, type AuthenticatedIdentity, type ParsedSopReference } from '@segqc/core';

export interface StructureSummary {
  segmentNumber: number;
  label: string;
  /** SegmentedPropertyTypeCodeSequence's CodeMeaning, e.g. "Nodule". */
  type: string | null;
  rgb: [number, number, number] | null;
}

/** What the QC panel lists about one annotation (one SEG instance). */
export interface AnnotationSummary {
  displaySetInstanceUID: string;
  seriesInstanceUID: string;
  sopInstanceUID: string | null;
  /**
   * Who it is attributed to, as every surface names it (core segAttribution): ContentCreatorName as
   * "Family, Given", else the login, else its series description marked "(unattributed)".
   */
  annotator: string;
  /** False when the SEG names no creator (OHIF's own export): `annotator` is its series' words. */
  attributed: boolean;
  /** The annotator's login, from ContentCreatorIdentificationCodeSequence. */
  login: string | null;
  /** The annotator's sign-in as the SEG records it (core segCreatorIdentity); absent: self-declared. */
  authentication?: AuthenticatedIdentity;
  /** ContentDate as YYYY-MM-DD. */
  date: string | null;
  /** ContentDate and ContentTime as written (DA + TM): the order annotations are compared in, as `segqc qc` orders them (core byMadeAt). */
  madeAt: string;
  /** ContentLabel: ANNOTATION, GOLD, ADJUDICATED… */
  role: string | null;
  structures: StructureSummary[];
  /** The SOP in force, from ProtocolName (`id@version+hash`, see @segqc/core SopReference). */
  sop: ParsedSopReference | null;
  seriesDescription: string;
  /** The series the SEG was drawn on (ReferencedSeriesSequence), when it names one. */
  sourceSeriesInstanceUID: string | null;
}

export class AnnotationMetadataError extends Error {
  override readonly name = 'AnnotationMetadataError';
}

/** A naturalized sequence may come as an array or, for one item, as the item itself. */
function items(value: unknown): InstanceMetadata[] {
  if (Array.isArray(value)) return value as InstanceMetadata[];
  return value && typeof value === 'object' ? [value as InstanceMetadata] : [];
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  return null;
}

/** OperatorsName as OHIF's metadata holds it (`"A^B"`, `{ Alphabetic }`, or a list of these): its alphabetic group, `Family^Given…`. */
function alphabeticPersonName(value: unknown): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  const alphabetic = typeof raw === 'object' && raw !== null ? (raw as { Alphabetic?: string }).Alphabetic : raw;
  return typeof alphabetic === 'string' && alphabetic.trim() ? alphabetic.split('=')[0]! : null;
}

function formatDate(value: unknown): string | null {
  const date = text(value);
  return date && /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : date;
}

function structureOf(segment: InstanceMetadata, index: number): StructureSummary {
  const segmentNumber = Number(text(segment.SegmentNumber));
  if (!Number.isInteger(segmentNumber) || segmentNumber < 1) {
    throw new AnnotationMetadataError(`SegmentSequence[${index}].SegmentNumber is ${String(text(segment.SegmentNumber))}, not a positive integer`);
  }
  const lab = segment.RecommendedDisplayCIELabValue;
  return {
    segmentNumber,
    label: text(segment.SegmentLabel) ?? `Segment ${segmentNumber}`,
    type: text(items(segment.SegmentedPropertyTypeCodeSequence)[0]?.CodeMeaning),
    rgb: Array.isArray(lab) && lab.length === 3 ? dicomLabToSrgb([Number(lab[0]), Number(lab[1]), Number(lab[2])]) : null,
  };
}

/** Summarizes a SEG display set from its instance metadata; throws AnnotationMetadataError when it cannot. */
export function summarizeAnnotation(displaySet: DisplaySet): AnnotationSummary {
  const instance = displaySet.instance ?? displaySet.instances?.[0];
  if (!instance) throw new AnnotationMetadataError('the SEG series has no instance metadata');
  const segments = items(instance.SegmentSequence);
  if (segments.length === 0) throw new AnnotationMetadataError('the SEG has no SegmentSequence (0062,0002)');
  const creator = segCreatorIdentity(instance);
  const seriesDescription = displaySet.SeriesDescription ?? text(instance.SeriesDescription) ?? '';
  const seriesNumberText = text(displaySet.SeriesNumber ?? instance.SeriesNumber);
  const seriesNumber = seriesNumberText === null ? NaN : Number(seriesNumberText);
  const attribution = segAttribution({
    creatorName: creator.name ?? null,
    login: creator.login ?? null,
    seriesDescription,
    operatorsName: alphabeticPersonName(instance.OperatorsName),
    seriesNumber: Number.isInteger(seriesNumber) ? seriesNumber : null,
  });
  return {
    displaySetInstanceUID: displaySet.displaySetInstanceUID,
    seriesInstanceUID: displaySet.SeriesInstanceUID,
    sopInstanceUID: text(instance.SOPInstanceUID),
    annotator: attribution.name,
    attributed: attribution.attributed,
    login: creator.login ?? null,
    ...(creator.authentication ? { authentication: creator.authentication } : {}),
    date: formatDate(instance.ContentDate ?? instance.SeriesDate),
    madeAt: `${text(instance.ContentDate) ?? ''}${text(instance.ContentTime) ?? ''}`,
    role: text(instance.ContentLabel),
    structures: segments.map(structureOf),
    sop: parseSopReference(instance.ProtocolName) ?? null,
    seriesDescription,
    sourceSeriesInstanceUID: text(items(instance.ReferencedSeriesSequence)[0]?.SeriesInstanceUID),
  };
}
