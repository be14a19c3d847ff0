/**
 * One annotation of one structure: a segment of one annotator's SEG, written as a TID 1411
 * Volumetric ROI Measurements group (Measurement Group 125007): Tracking Identifier and Tracking
 * Unique Identifier (TID 4108), Finding category and Finding (the segment's codes), Referenced
 * Segment (SEG instance + segment number, row 7) and Source series for segmentation (row 12); the
 * segment's Volume (TID 1419, SCT 118565006, mL) and its agreement with every other annotation of
 * the structure; and as qualitative evaluations (rows 16, 17) which annotation it is, the structure,
 * the annotator, the SHA-256 of the SEG's pixel data and the structure's QC decision; and, for a
 * reference standard (an adjudicated or gold SEG judged with the annotations), which one it is.
 */
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { SOP_CLASS } from '../dicom/sopClasses';
import { uidFromName } from '../dicom/uid';
import { checkPersonName, checkUid, checkUnsignedShort } from '../dicom/vrChecks';
import { SEGQC_SCHEME_DESIGNATOR } from '../codes/segqcScheme';
import { displayName } from '../dicom/personIdentification';
import type { AlgorithmIdentification } from './AlgorithmIdentification';
import { codeItem, containerItem, imageItem, itemPath, numItem, textItem, uidrefItem } from './contentItem';
import { DisplayRegion, type DisplayRegionInit } from './DisplayRegion';
import { ANNOTATION_LETTERS, QC_CONCEPTS, QC_REFERENCE_STANDARDS, QC_REVIEWER_CHOICES, annotationCode, type AnnotationLetter, type QcReferenceStandard, type QcReviewerChoice } from './qcCodes';
import { checkFinite, checkSha256Hex, checkSingleLineText } from './srValueChecks';
import { SR_CODES, UCUM } from './templateCodes';

/** A segment of a Segmentation instance. */
export interface SegmentReferenceInit {
  sopClassUid: string;
  sopInstanceUid: string;
  /** The SEG's series (for the report's evidence). */
  seriesInstanceUid: string;
  segmentNumber: number;
}

export interface QcAnnotationInit {
  /** Which annotation of the report: A is the first SEG given, B the second, … */
  annotation: AnnotationLetter;
  /** The annotator as the SEG names them (ContentCreatorName, DICOM PN), when it does. */
  annotatorName?: string;
  /** The annotator's login (ContentCreatorIdentificationCodeSequence), when the SEG has it. */
  annotatorLogin?: string;
  segment: SegmentReferenceInit;
  /** The series the segmentation was drawn on. */
  sourceSeriesInstanceUid: string;
  /** SHA-256 of the SEG's Pixel Data value as stored (64 lowercase hex digits). */
  pixelDataSha256: string;
  volumeMl: number;
  /** Where to show the annotation (see DisplayRegion); OHIF lists a group only when it has one. */
  displayRegion?: DisplayRegionInit;
  /** The annotation is a reference standard (its SEG's ContentLabel ADJUDICATED or GOLD), not an annotator's work. */
  referenceStandard?: QcReferenceStandard;
  /**
   * What the reviewer set by hand: `annotator` (annotatorName and annotatorLogin are the person the
   * reviewer attributed a creator-less SEG to), `structure` (the segment is this structure because
   * the reviewer mapped it). In the order of QC_REVIEWER_CHOICES, each once.
   */
  setByReviewer?: readonly QcReviewerChoice[];
}

const SEGMENTATION_CLASSES: readonly string[] = [SOP_CLASS.SegmentationStorage, SOP_CLASS.LabelMapSegmentationStorage];

export class QcAnnotation {
  readonly annotation: AnnotationLetter;
  readonly annotatorName?: string;
  readonly annotatorLogin?: string;
  readonly segment: Readonly<SegmentReferenceInit>;
  readonly sourceSeriesInstanceUid: string;
  readonly pixelDataSha256: string;
  readonly volumeMl: number;
  readonly displayRegion?: DisplayRegion;
  readonly referenceStandard?: QcReferenceStandard;
  readonly setByReviewer: readonly QcReviewerChoice[];

  /** @param path the measurement group, e.g. `ContentSequence{Imaging Measurements}.ContentSequence{Measurement Group}[3]`. */
  constructor(init: QcAnnotationInit, path = 'annotation') {
    if (init === null || typeof init !== 'object') throw new DicomValueError(path, 'an annotation needs its letter, segment, source series, pixel data hash and volume');
    if (!ANNOTATION_LETTERS.includes(init.annotation)) {
      throw new DicomValueError(joinAttributePath(itemPath(path, QC_CONCEPTS.annotation), 'ConceptCodeSequence[0]'), `"${String(init.annotation)}" is not an annotation letter A to Z`);
    }
    if (init.annotatorName !== undefined) checkPersonName(init.annotatorName, joinAttributePath(itemPath(path, QC_CONCEPTS.annotatorName), 'TextValue'));
    if (init.annotatorLogin !== undefined) checkSingleLineText(init.annotatorLogin, joinAttributePath(itemPath(path, QC_CONCEPTS.annotator), 'ConceptCodeSequence[0].CodeValue'), 64);
    const segment = init.segment;
    const segmentPath = joinAttributePath(itemPath(path, SR_CODES.ReferencedSegment), 'ReferencedSOPSequence[0]');
    if (segment === null || typeof segment !== 'object') throw new DicomValueError(segmentPath, 'the referenced segment is required');
    if (!SEGMENTATION_CLASSES.includes(segment.sopClassUid)) {
      throw new DicomValueError(joinAttributePath(segmentPath, 'ReferencedSOPClassUID'), `${String(segment.sopClassUid)} is not a Segmentation SOP class (${SEGMENTATION_CLASSES.join(', ')})`);
    }
    checkUid(segment.sopInstanceUid, joinAttributePath(segmentPath, 'ReferencedSOPInstanceUID'));
    checkUid(segment.seriesInstanceUid, 'CurrentRequestedProcedureEvidenceSequence[0].ReferencedSeriesSequence[0].SeriesInstanceUID');
    checkUnsignedShort(segment.segmentNumber, joinAttributePath(segmentPath, 'ReferencedSegmentNumber'), { min: 1 });
    checkUid(init.sourceSeriesInstanceUid, joinAttributePath(itemPath(path, SR_CODES.SourceSeriesForSegmentation), 'UID'));
    checkSha256Hex(init.pixelDataSha256, joinAttributePath(itemPath(path, QC_CONCEPTS.segPixelDataSha256), 'TextValue'));
    checkFinite(init.volumeMl, joinAttributePath(itemPath(path, SR_CODES.Volume), 'MeasuredValueSequence[0].NumericValue'), { min: 0 });
    const displayRegion = init.displayRegion === undefined ? undefined : DisplayRegion.from(init.displayRegion, `${path}(display region)`);
    if (init.referenceStandard !== undefined && !Object.prototype.hasOwnProperty.call(QC_REFERENCE_STANDARDS, init.referenceStandard)) {
      throw new DicomValueError(
        joinAttributePath(itemPath(path, QC_CONCEPTS.referenceStandard), 'ConceptCodeSequence[0]'),
        `"${String(init.referenceStandard)}" is not a reference standard (${Object.keys(QC_REFERENCE_STANDARDS).join(', ')})`,
      );
    }
    const setByReviewer = checkReviewerChoices(init, path);

    this.annotation = init.annotation;
    if (init.annotatorName !== undefined) this.annotatorName = init.annotatorName;
    if (init.annotatorLogin !== undefined) this.annotatorLogin = init.annotatorLogin;
    this.segment = Object.freeze({ sopClassUid: segment.sopClassUid, sopInstanceUid: segment.sopInstanceUid, seriesInstanceUid: segment.seriesInstanceUid, segmentNumber: segment.segmentNumber });
    this.sourceSeriesInstanceUid = init.sourceSeriesInstanceUid;
    this.pixelDataSha256 = init.pixelDataSha256;
    this.volumeMl = init.volumeMl;
    if (displayRegion !== undefined) this.displayRegion = displayRegion;
    if (init.referenceStandard !== undefined) this.referenceStandard = init.referenceStandard;
    this.setByReviewer = setByReviewer;
    Object.freeze(this);
  }

  /** Tracking Unique Identifier: the same for this segment of this SEG in every report, revisions included. */
  get trackingUid(): string {
    return uidFromName(`SegQC tracking ${this.segment.sopInstanceUid} segment ${this.segment.segmentNumber}`);
  }

  trackingIdentifier(structureLabel: string): string {
    return `${structureLabel} (${this.annotation})`;
  }

  /**
   * The TID 1411 group. `measurements` are this annotation's agreement NUMs, `findingItems` the
   * structure's codes, `decisionItems` the structure's decision.
   */
  toGroup(
    structureLabel: string,
    findingItems: (path: string) => NaturalDataset[],
    measurements: (path: string) => NaturalDataset[],
    decisionItems: (path: string) => NaturalDataset[],
    algorithm: AlgorithmIdentification,
    path: string,
  ): NaturalDataset {
    const identifier = this.trackingIdentifier(structureLabel);
    const volumePath = itemPath(path, SR_CODES.Volume);
    const segment = { sopClassUid: this.segment.sopClassUid, sopInstanceUid: this.segment.sopInstanceUid, segmentNumber: this.segment.segmentNumber };
    const items: NaturalDataset[] = [
      textItem('HAS OBS CONTEXT', SR_CODES.TrackingIdentifier, identifier, itemPath(path, SR_CODES.TrackingIdentifier)),
      uidrefItem('HAS OBS CONTEXT', SR_CODES.TrackingUniqueIdentifier, this.trackingUid, itemPath(path, SR_CODES.TrackingUniqueIdentifier)),
      ...findingItems(path),
      imageItem('CONTAINS', SR_CODES.ReferencedSegment, segment, itemPath(path, SR_CODES.ReferencedSegment)),
      uidrefItem('CONTAINS', SR_CODES.SourceSeriesForSegmentation, this.sourceSeriesInstanceUid, itemPath(path, SR_CODES.SourceSeriesForSegmentation)),
      ...(this.displayRegion ? [this.displayRegion.toItem(itemPath(path, QC_CONCEPTS.displayRegion))] : []),
      numItem('CONTAINS', SR_CODES.Volume, this.volumeMl, UCUM.millilitre, volumePath, algorithm.itemsFor('volumeMl', volumePath)),
      ...measurements(path),
      codeItem('CONTAINS', QC_CONCEPTS.annotation, annotationCode(this.annotation), itemPath(path, QC_CONCEPTS.annotation)),
      ...(this.referenceStandard !== undefined
        ? [codeItem('CONTAINS', QC_CONCEPTS.referenceStandard, QC_REFERENCE_STANDARDS[this.referenceStandard], itemPath(path, QC_CONCEPTS.referenceStandard))]
        : []),
      textItem('CONTAINS', QC_CONCEPTS.structure, structureLabel, itemPath(path, QC_CONCEPTS.structure)),
      ...this.setByReviewer.map((choice) => codeItem('CONTAINS', QC_CONCEPTS.setByReviewer, QC_REVIEWER_CHOICES[choice], itemPath(path, QC_CONCEPTS.setByReviewer))),
    ];
    if (this.annotatorLogin !== undefined) {
      const login = { value: this.annotatorLogin, scheme: SEGQC_SCHEME_DESIGNATOR, meaning: this.annotatorName !== undefined ? displayName(this.annotatorName) || this.annotatorLogin : this.annotatorLogin };
      items.push(codeItem('CONTAINS', QC_CONCEPTS.annotator, login, itemPath(path, QC_CONCEPTS.annotator)));
    }
    if (this.annotatorName !== undefined) items.push(textItem('CONTAINS', QC_CONCEPTS.annotatorName, this.annotatorName, itemPath(path, QC_CONCEPTS.annotatorName)));
    items.push(textItem('CONTAINS', QC_CONCEPTS.segPixelDataSha256, this.pixelDataSha256, itemPath(path, QC_CONCEPTS.segPixelDataSha256)));
    items.push(...decisionItems(path));
    return containerItem('CONTAINS', SR_CODES.MeasurementGroup, items, path, { templateId: '1411' });
  }

  toInit(): QcAnnotationInit {
    return {
      annotation: this.annotation,
      ...(this.annotatorName !== undefined ? { annotatorName: this.annotatorName } : {}),
      ...(this.annotatorLogin !== undefined ? { annotatorLogin: this.annotatorLogin } : {}),
      segment: { ...this.segment },
      sourceSeriesInstanceUid: this.sourceSeriesInstanceUid,
      pixelDataSha256: this.pixelDataSha256,
      volumeMl: this.volumeMl,
      ...(this.displayRegion !== undefined ? { displayRegion: this.displayRegion.toInit() } : {}),
      ...(this.referenceStandard !== undefined ? { referenceStandard: this.referenceStandard } : {}),
      ...(this.setByReviewer.length > 0 ? { setByReviewer: [...this.setByReviewer] } : {}),
    };
  }

  static from(init: QcAnnotation | QcAnnotationInit, path?: string): QcAnnotation {
    return init instanceof QcAnnotation ? init : new QcAnnotation(init, path);
  }
}

/** Known choices, each once, in QC_REVIEWER_CHOICES order; an attribution names the person. */
function checkReviewerChoices(init: QcAnnotationInit, path: string): readonly QcReviewerChoice[] {
  const given = init.setByReviewer ?? [];
  const at = joinAttributePath(itemPath(path, QC_CONCEPTS.setByReviewer), 'ConceptCodeSequence[0]');
  if (!Array.isArray(given)) throw new DicomValueError(at, 'the reviewer\'s choices are a list');
  const known = Object.keys(QC_REVIEWER_CHOICES) as QcReviewerChoice[];
  for (const choice of given) if (!known.includes(choice)) throw new DicomValueError(at, `"${String(choice)}" is not something a reviewer sets (${known.join(', ')})`);
  if (new Set(given).size !== given.length) throw new DicomValueError(at, 'each reviewer\'s choice is recorded once');
  if (given.includes('annotator') && init.annotatorName === undefined) throw new DicomValueError(at, 'an annotator attributed by the reviewer needs the annotator\'s name');
  return Object.freeze(known.filter((choice) => given.includes(choice)));
}
