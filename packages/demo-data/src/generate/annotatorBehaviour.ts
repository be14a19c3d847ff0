/** How the author of a planned SEG draws on the day of that SEG. */
import type { AnnotatorBehaviour } from '../annotation/annotateChest';
import { ANNOTATORS, type AnnotatorKey } from '../cohort/annotators';
import { PROGRAMME_DAYS, PROGRAMME_START, type DemoSegPlan } from '../cohort/cohort';
import { daysBetween } from '../cohort/dates';

export function annotatorBehaviour(seg: DemoSegPlan): AnnotatorBehaviour | 'truth' {
  if (seg.ContentLabel === 'GOLD') return 'truth';
  const annotator = ANNOTATORS[seg.annotator.key as AnnotatorKey];
  if (!annotator) throw new Error(`no annotator "${seg.annotator.key}"`);
  const progress = Math.min(1, Math.max(0, daysBetween(PROGRAMME_START, seg.ContentDate) / PROGRAMME_DAYS));
  return { annotator, driftVoxels: annotator.driftVoxels * progress };
}
