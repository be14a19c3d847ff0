import { demoCohort, type DemoOptions } from '../cohort/cohort';
import { caseFiles } from './caseFiles';
import type { DemoFile } from './manifestTypes';

/**
 * The cohort's DICOM files, one at a time (one case's volume in memory at a time). A run filtered
 * with `options.cases` yields, for those cases, the same paths and bytes as the full run.
 */
export function* generateDemoFiles(options: DemoOptions = {}): Generator<DemoFile> {
  for (const plan of demoCohort(options)) yield* caseFiles(plan);
}
