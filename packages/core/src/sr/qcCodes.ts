/**
 * SegQC's private codes in the QC report, as data: coding scheme designator 99SEGQC (PS3.16 §8.2:
 * a designator beginning with "99" is local), declared in the report's Coding Scheme
 * Identification Sequence (0008,0110). A private code is used only where PS3.16 has no concept:
 * the segment volume is SCT 118565006 "Volume", the units are UCUM, the roles CID 7453.
 *
 * Every code value is at most 16 characters (SH). Meanings are what viewers show (OHIF lists a
 * NUM as "<meaning>: <value> <unit>"). Where each one is written is in README.md beside this file.
 */
import { DicomValueError } from '../dicom/DicomValueError';
import type { CodeInit } from '../dicom/CodedConcept';
import { SEGQC_SCHEME_DESIGNATOR } from '../codes/segqcScheme';

const qc = (value: string, meaning: string): CodeInit => Object.freeze({ value, scheme: SEGQC_SCHEME_DESIGNATOR, meaning });

/**
 * Concept names of the agreement measurements (NUM, TID 1419 row 5), by the conventions of
 * DESIGN.md "Metric conventions" (metrics/conventions.ts). NSD has one concept per tolerance
 * (nsdCode). Units: Dice, Jaccard, NSD {ratio}; distances mm.
 */
export const QC_MEASUREMENTS = Object.freeze({
  /** 2|A∩B| / (|A|+|B|); 1 when both are empty. */
  dice: qc('DICE', 'Dice similarity coefficient'),
  /** |A∩B| / |A∪B|; 1 when both are empty. */
  jaccard: qc('JACCARD', 'Jaccard index'),
  /** Max of the two directed maximum surface distances, mm. */
  hdMm: qc('HD', 'Hausdorff distance'),
  /** 95th percentile of the surface distances (variant in the algorithm parameters), mm. */
  hd95Mm: qc('HD95', '95th percentile Hausdorff distance'),
  /** Mean of the pooled surface distances of both directions, mm. */
  assdMm: qc('ASSD', 'Average symmetric surface distance'),
});

export type AgreementMetric = keyof typeof QC_MEASUREMENTS;

const NSD_CODE = /^NSD-(\d+(?:\.\d+)?)MM$/;

/** `NSD-<τ>MM` "Normalized surface distance at <τ> mm": (#{d_AB ≤ τ} + #{d_BA ≤ τ}) / (|S_A| + |S_B|). */
export function nsdCode(toleranceMm: string, path = 'nsd'): CodeInit {
  if (!/^\d+(?:\.\d+)?$/.test(toleranceMm) || String(Number(toleranceMm)) !== toleranceMm || toleranceMm.length > 9) {
    throw new DicomValueError(path, `NSD tolerance "${toleranceMm}" must be a non-negative decimal number of mm as String(τ) writes it, at most 9 characters (e.g. "1", "0.5")`);
  }
  return qc(`NSD-${toleranceMm}MM`, `Normalized surface distance at ${toleranceMm} mm`);
}

/** The tolerance (as written, e.g. "0.5") of an NSD concept, or undefined for any other code. */
export function nsdTolerance(code: CodeInit): string | undefined {
  return code.scheme === SEGQC_SCHEME_DESIGNATOR ? NSD_CODE.exec(code.value)?.[1] : undefined;
}

/** The letters that name the annotations of one report: the first SEG is A, the second B, … */
export const ANNOTATION_LETTERS = Object.freeze('ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
export type AnnotationLetter = string;

/** `ANNOTATION-<X>` "Annotation <X>": the value naming one annotation of the report. */
export function annotationCode(letter: AnnotationLetter, path = 'annotation'): CodeInit {
  checkLetter(letter, path);
  return qc(`ANNOTATION-${letter}`, `Annotation ${letter}`);
}

/** `ACCEPTED-<X>` "Accepted annotation <X>": the decision that annotation X is the reference. */
export function acceptedCode(letter: AnnotationLetter, path = 'decision'): CodeInit {
  checkLetter(letter, path);
  return qc(`ACCEPTED-${letter}`, `Accepted annotation ${letter}`);
}

function checkLetter(letter: string, path: string): void {
  if (!ANNOTATION_LETTERS.includes(letter)) throw new DicomValueError(path, `"${letter}" is not an annotation letter (A to Z, in the order the annotations are given)`);
}

/** Concept names of the content items SegQC adds to each measurement group and to the report. */
export const QC_CONCEPTS = Object.freeze({
  /** NUM modifier (HAS CONCEPT MOD CODE, TID 1419 row 6): the other annotation of an agreement measurement; value annotationCode. */
  comparedWith: qc('COMPARED-WITH', 'Compared with annotation'),
  /** Group CODE (TID 1411 row 16): which annotation of the report the group is; value annotationCode. */
  annotation: qc('ANNOTATION', 'Annotation'),
  /** Group TEXT (TID 1411 row 17): the structure's label, the same in every group of one structure. */
  structure: qc('STRUCTURE', 'Structure'),
  /** Group CODE (row 16): the annotator's login as a 99SEGQC code (value login, meaning the name), as in SEG ContentCreatorIdentificationCodeSequence. */
  annotator: qc('ANNOTATOR', 'Annotator'),
  /** Group TEXT (row 17): the annotator's name (DICOM PN text) as the SEG's ContentCreatorName gives it. */
  annotatorName: qc('ANNOTATOR-NAME', 'Annotator name'),
  /** Group TEXT (row 17): SHA-256 (64 lowercase hex digits) of the judged SEG's Pixel Data value as stored. */
  segPixelDataSha256: qc('SEG-PIXEL-SHA256', 'SHA-256 of segmentation pixel data'),
  /** Group CODE (row 16): the QC decision on the structure; value from QC_DECISIONS or acceptedCode. */
  decision: qc('QC-DECISION', 'Quality control decision'),
  /** Group CODE (row 16, 1-n): why; value from QC_REASONS. */
  reason: qc('QC-REASON', 'Quality control reason'),
  /** Group TEXT (row 17): the words of the reason "other", right after its code. */
  reasonText: qc('QC-REASON-TEXT', 'Quality control reason text'),
  /**
   * SCOORD of the display group (TID 1501 row 10c, any concept): where a viewer shows the
   * annotation, a rectangle around it on one slice. Not (111030, DCM, "Image Region"): the
   * measurements are of the referenced segment, not of this region.
   */
  displayRegion: qc('DISPLAY-REGION', 'Display region'),
  /**
   * Group CODE (row 16): the annotation is a reference standard, not an annotator's work, as its
   * SEG's ContentLabel says (seg/SegContentLabel.ts); value from QC_REFERENCE_STANDARDS.
   */
  referenceStandard: qc('REFERENCE', 'Reference standard'),
  /**
   * Group CODE (row 16, 0-n): what in the group the reviewer set by hand, because the SEG did not
   * say it (issue 13): who made it, or which structure a segment known by an unmatched label is;
   * value from QC_REVIEWER_CHOICES.
   */
  setByReviewer: qc('SET-BY-REVIEWER', 'Set by the reviewer'),
  /**
   * Report CODE (TID 1500 row 14): how the person observer's identity is known; value from
   * QC_OBSERVER_IDENTITIES. Written in every report with a person observer; a report without it
   * (another writer's, or SegQC's before it recorded authentication) reads as self-declared.
   */
  observerIdentity: qc('OBSERVER-ID', 'Observer identity'),
  /** Report TEXT (row 14), after Observer identity = Authenticated: the OpenID Provider's issuer identifier (`iss`). */
  oidcIssuer: qc('OIDC-ISSUER', 'OpenID Provider issuer'),
  /** Report TEXT (row 14), after the issuer: the observer's subject at that issuer (`sub`). */
  oidcSubject: qc('OIDC-SUBJECT', 'OpenID Connect subject'),
  /** Report TEXT (TID 1500 row 14): the SOP in force, `id@version+sha256` (64 hex digits of the canonical JSON's SHA-256). */
  sop: qc('SOP', 'Standard operating procedure'),
  /** Report TEXT (row 14): a checklist item of the SOP that the observer checked; value the item id. */
  sopItemChecked: qc('SOP-CHECKED', 'SOP checklist item checked'),
  /** Report TEXT (row 14): a checklist item of the SOP left unchecked; value the item id. */
  sopItemUnchecked: qc('SOP-UNCHECKED', 'SOP checklist item not checked'),
});

/** QC decisions on a structure (other than "accepted X", see acceptedCode). */
export const QC_DECISIONS = Object.freeze({
  /** The annotations agree within the SOP's thresholds. */
  agreed: qc('AGREED', 'Agreed'),
  /** Disagreement beyond the thresholds: sent to an adjudicator. */
  escalated: qc('ESCALATED', 'Escalated to adjudication'),
  /** The reference is the voxel-wise majority vote of the annotations. */
  majority: qc('MAJORITY', 'Majority vote'),
  /** The reference is the STAPLE consensus of the annotations. */
  staple: qc('STAPLE', 'STAPLE consensus'),
  /** The adjudicator edited an annotation into the reference. */
  edited: qc('EDITED', 'Edited by adjudicator'),
});

/** What a reference-standard annotation is: the values of QC_CONCEPTS.referenceStandard, by the SEG's ContentLabel. */
export const QC_REFERENCE_STANDARDS = Object.freeze({
  /** ContentLabel ADJUDICATED: the reference an adjudicator signed. */
  ADJUDICATED: qc('ADJUDICATED', 'Adjudicated reference standard'),
  /** ContentLabel GOLD: the gold standard of a calibration case. */
  GOLD: qc('GOLD', 'Gold standard'),
});

export type QcReferenceStandard = keyof typeof QC_REFERENCE_STANDARDS;

/** What a reviewer may set by hand in a group (QC_CONCEPTS.setByReviewer). */
export const QC_REVIEWER_CHOICES = Object.freeze({
  /** The annotator name and login of the group: the SEG names no creator, the reviewer said who made it. */
  annotator: qc('ATTRIBUTED', 'Annotator attributed by the reviewer'),
  /** The group's structure: the segment's label and codes name no SOP structure, the reviewer mapped it. */
  structure: qc('MAPPED', 'Segment mapped to the structure by the reviewer'),
});

export type QcReviewerChoice = keyof typeof QC_REVIEWER_CHOICES;

/** Values of QC_CONCEPTS.observerIdentity. */
export const QC_OBSERVER_IDENTITIES = Object.freeze({
  /** The observer typed their name and login; nothing authenticated them. */
  selfDeclared: qc('SELF-DECLARED', 'Self-declared, not authenticated'),
  /** The observer signed in at an OpenID Provider: the issuer and subject items follow. */
  authenticated: qc('AUTHENTICATED', 'Authenticated by an OpenID Provider'),
});

/** Coded reasons for a decision. */
export const QC_REASONS = Object.freeze({
  underSegmentation: qc('UNDER-SEG', 'Under-segmentation'),
  overSegmentation: qc('OVER-SEG', 'Over-segmentation'),
  missedLesion: qc('MISSED-LESION', 'Missed lesion'),
  falseLesion: qc('FALSE-LESION', 'False lesion'),
  boundaryDisagreement: qc('BOUNDARY', 'Boundary disagreement'),
  wrongLabel: qc('WRONG-LABEL', 'Wrong label'),
  sopViolation: qc('SOP-VIOLATION', 'SOP violation'),
  /** Needs words: written with a QC-REASON-TEXT item. */
  other: qc('OTHER', 'Other reason'),
});

export type QcReasonKey = keyof typeof QC_REASONS;
