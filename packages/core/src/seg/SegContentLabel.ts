/**
 * The role of a SegQC Segmentation, written as its ContentLabel (0070,0080; Content Identification
 * Macro, PS3.3 Table 10-12; CS). The viewer, the QC report and the audit trail tell an annotator's
 * work from a reference standard by this value alone, so only these three are written.
 */
import { SegValueError } from './SegValueError';

export const SEG_CONTENT_LABELS = Object.freeze({
  /** One annotator's segmentation of a case, made under a SOP. */
  ANNOTATION: 'an annotator’s segmentation',
  /** The reference standard an adjudicator wrote after resolving the escalated structures. */
  ADJUDICATED: 'the adjudicated reference standard',
  /** The gold standard of a calibration case, against which annotators are measured. */
  GOLD: 'the gold standard of a calibration case',
});

export type SegContentLabel = keyof typeof SEG_CONTENT_LABELS;

export function isSegContentLabel(value: unknown): value is SegContentLabel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SEG_CONTENT_LABELS, value);
}

/** `value` as a SegContentLabel, or a SegValueError naming `path`. */
export function checkSegContentLabel(value: unknown, path = 'ContentLabel'): SegContentLabel {
  if (typeof value !== 'string' || value.trim() === '') throw new SegValueError(path, 'is required (type 1): ANNOTATION, ADJUDICATED or GOLD');
  if (!isSegContentLabel(value)) {
    throw new SegValueError(path, `"${value}" is not a SegQC role; one of ${Object.keys(SEG_CONTENT_LABELS).join(', ')} (uppercase, as CS requires)`);
  }
  return value;
}
