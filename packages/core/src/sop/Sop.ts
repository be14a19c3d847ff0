/**
 * A loaded SOP: the content of a platform-config/sops/*.json file, as sop.schema.json defines it,
 * plus the reference that ties results to its exact text. Built only by loadSop, which validates
 * the file and freezes the result.
 */
import type { SopReference } from '../seg/SopReference';

/** MR sequence classes a SOP can apply to (classifyMrSequence). */
export const MR_SEQUENCE_CLASSES = Object.freeze(['T1', 'T2', 'FLAIR', 'DWI'] as const);
export type MrSequenceClass = (typeof MR_SEQUENCE_CLASSES)[number];

export const SOP_MODALITIES = Object.freeze(['CT', 'MR'] as const);
export type SopModality = (typeof SOP_MODALITIES)[number];

export const SOP_CHECKLIST_ROLES = Object.freeze(['annotator', 'reviewer', 'adjudicator'] as const);
export type SopChecklistRole = (typeof SOP_CHECKLIST_ROLES)[number];

/** A coded concept as the SOP file writes it (the fields of CodeInit). */
export interface SopCode {
  readonly value: string;
  readonly scheme: string;
  readonly meaning: string;
}

/** Which series of the SOP's modality it applies to; an absent rule matches any series. */
export interface SopApplicability {
  readonly sequenceClass?: MrSequenceClass;
  readonly contrast?: boolean;
}

/** Escalate the structure for an annotator pair when any of these fails. */
export interface SopThresholds {
  readonly minDice: number;
  readonly maxHd95Mm: number;
  readonly nsdToleranceMm: number;
  readonly minNsd: number;
}

/** The smallest component counted as a lesion: exactly one of the two (loadSop checks it). */
export interface SopLesionSize {
  /** Equivalent-sphere diameter, mm. */
  readonly diameterMm?: number;
  readonly volumeMm3?: number;
}

/** How an annotator's agreement on the structure is charted for drift. */
export interface SopDriftRule {
  /** The smallest clinically meaningful fall in Dice: the floor of the baseline's spread. */
  readonly meaningfulDiceChange: number;
}

export interface SopStructure {
  readonly label: string;
  /** Other labels that name it ("R lung", "lung_right"), compared case- and punctuation-insensitively (structureVocabulary.ts). */
  readonly synonyms?: readonly string[];
  readonly category: SopCode;
  readonly type: SopCode;
  readonly typeModifier?: SopCode;
  readonly anatomicRegion?: SopCode;
  readonly color: readonly [number, number, number];
  readonly thresholds: SopThresholds;
  /** Lesion structures: the smallest component that is a lesion; absent, every component is. */
  readonly minLesionSize?: SopLesionSize;
  readonly drift?: SopDriftRule;
  /** Radius (mm) of the annotator's brush while painting this structure; at most half the smallest lesion's diameter. */
  readonly brushMm?: number;
}

export interface SopChecklistItem {
  readonly id: string;
  readonly text: string;
  readonly required: boolean;
  readonly role: SopChecklistRole;
}

/** Categorical labels annotators assign, compared with kappa. */
export interface SopLabelSet {
  readonly id: string;
  readonly labels: readonly string[];
}

/** The file's content, as the schema allows it. */
export interface SopDocument {
  readonly $schema?: string;
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly description?: string;
  readonly modality: SopModality;
  readonly applicability: SopApplicability;
  readonly structures: readonly SopStructure[];
  readonly checklist: readonly SopChecklistItem[];
  readonly classificationLabelSets?: readonly SopLabelSet[];
}

export interface Sop extends SopDocument {
  /** id, version and the SHA-256 of the file's canonical JSON. */
  readonly reference: SopReference;
}
