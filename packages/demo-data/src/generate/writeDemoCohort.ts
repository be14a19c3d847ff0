/** Writing the cohort to a folder: the DICOM files in per-case folders, and manifest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoCohort, type DemoOptions } from '../cohort/cohort';
import { caseFiles } from './caseFiles';
import { DEMO_DATA_VERSION } from './demoManifest';
import type { DemoCase, DemoManifest } from './manifestTypes';

export interface WriteSummary {
  cases: number;
  files: number;
  bytes: number;
  manifestPath: string;
  manifest: DemoManifest;
}

export function writeDemoCohort(dir: string, options: DemoOptions & { onFile?: (path: string) => void } = {}): WriteSummary {
  const cases: DemoCase[] = [];
  let files = 0;
  let bytes = 0;
  for (const plan of demoCohort(options)) {
    for (const file of caseFiles(plan, { onCase: (demoCase) => cases.push(demoCase) })) {
      const target = join(dir, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
      files++;
      bytes += file.bytes.length;
      options.onFile?.(file.path);
    }
  }
  const manifest: DemoManifest = { generator: 'segqc-demo-data', version: DEMO_DATA_VERSION, cases };
  const manifestPath = join(dir, 'manifest.json');
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { cases: cases.length, files, bytes, manifestPath, manifest };
}
