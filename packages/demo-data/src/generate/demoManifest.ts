import { demoCohort, type DemoOptions } from '../cohort/cohort';
import { caseManifest } from './caseFiles';
import type { DemoManifest } from './manifestTypes';

export const DEMO_DATA_VERSION = '0.1.0';

/**
 * The manifest of the cohort (or of `options.cases`), with exact segment voxel counts: computes
 * every mask (about 0.5 s per CT case) but renders and encodes nothing.
 */
export function demoManifest(options: DemoOptions = {}): DemoManifest {
  return { generator: 'segqc-demo-data', version: DEMO_DATA_VERSION, cases: demoCohort(options).map(caseManifest) };
}
