import type { AuthenticatedIdentity } from '@segqc/core';
import { demoCohort, type DemoOptions } from '../cohort/cohort';
import { caseFiles } from './caseFiles';
import type { DemoFile } from './manifestTypes';

export interface DemoFilesOptions extends DemoOptions {
  /**
   * The adjudicator's sign-in (issuer and subject), recorded in the adjudications' reference SEGs and
   * QC reports (`npm start` with sign-in); absent: self-declared, as `npm run demo-data` writes them.
   */
  adjudicatorAuthentication?: AuthenticatedIdentity;
}

/**
 * The cohort's DICOM files, one at a time (one case's volume in memory at a time). A run filtered
 * with `options.cases` yields, for those cases, the same paths and bytes as the full run.
 */
export function* generateDemoFiles(options: DemoFilesOptions = {}): Generator<DemoFile> {
  const { adjudicatorAuthentication } = options;
  for (const plan of demoCohort(options)) yield* caseFiles(plan, adjudicatorAuthentication ? { adjudicatorAuthentication } : {});
}
