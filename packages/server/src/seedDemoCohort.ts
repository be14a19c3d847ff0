import { demoCohort, generateDemoFiles, type DemoCasePlan } from '@segqc/demo-data';
import { stowInstances } from './stowRs';

const NUMBER_OF_STUDY_RELATED_INSTANCES = '00201208';
const STOW_BATCH_SIZE = 40;

export interface SeedReport {
  seeded: string[];
  alreadyPresent: string[];
}

function expectedInstances(demoCase: DemoCasePlan): number {
  // An adjudicated case also holds its reference SEG and the adjudication's QC report.
  return demoCase.series.reduce((sum, series) => sum + series.numberOfInstances, 0) + demoCase.segs.length + (demoCase.reference ? 2 : 0);
}

async function instancesInPacs(dicomwebUrl: string, studyInstanceUID: string, headers: Record<string, string>): Promise<number> {
  const response = await fetch(`${dicomwebUrl}/studies?StudyInstanceUID=${studyInstanceUID}&includefield=${NUMBER_OF_STUDY_RELATED_INSTANCES}`, {
    headers: { ...headers, Accept: 'application/dicom+json' },
  });
  if (!response.ok) throw new Error(`QIDO-RS ${dicomwebUrl}/studies answered ${response.status}`);
  const studies = (await response.json().catch(() => [])) as Array<Record<string, { Value?: number[] }>>;
  return Number(studies[0]?.[NUMBER_OF_STUDY_RELATED_INSTANCES]?.Value?.[0] ?? 0);
}

/**
 * Stores the demo cohort in the PACS, case by case. Idempotent: a case whose study already holds
 * all its instances is skipped, and a partly stored case is stored again (same UIDs, same bytes).
 * Each batch goes through the core STOW-RS client: retried on network errors and 5xx, and a retry
 * that finds instances already stored counts them as stored. `headers` (e.g. Authorization) go
 * with every request.
 */
export async function seedDemoCohort(
  dicomwebUrl: string,
  options: {
    cases?: string[];
    headers?: Record<string, string>;
    onProgress?: (caseId: string, done: number, total: number) => void;
    /** Told of each batch the PACS accepted (the journal of writes records them). */
    onStored?: (files: readonly Uint8Array[]) => void;
  } = {},
): Promise<SeedReport> {
  const headers = options.headers ?? {};
  // The plan has every UID and instance count without computing a voxel.
  const cases = demoCohort({ cases: options.cases });
  const report: SeedReport = { seeded: [], alreadyPresent: [] };
  for (const [index, demoCase] of cases.entries()) {
    options.onProgress?.(demoCase.caseId, index, cases.length);
    if ((await instancesInPacs(dicomwebUrl, demoCase.StudyInstanceUID, headers)) >= expectedInstances(demoCase)) {
      report.alreadyPresent.push(demoCase.caseId);
      continue;
    }
    let batch: Uint8Array[] = [];
    for (const file of generateDemoFiles({ cases: [demoCase.caseId] })) {
      batch.push(file.bytes);
      if (batch.length === STOW_BATCH_SIZE) {
        await stowInstances(dicomwebUrl, batch, headers);
        options.onStored?.(batch);
        batch = [];
      }
    }
    if (batch.length > 0) {
      await stowInstances(dicomwebUrl, batch, headers);
      options.onStored?.(batch);
    }
    report.seeded.push(demoCase.caseId);
  }
  return report;
}
