import { demoCohort, generateDemoFiles, type DemoCasePlan, type DemoFile } from '@segqc/demo-data';
import type { SeededObject } from './seededObject';
import { demoAdjudicatorSignIn } from './demoAdjudicatorSignIn';
import { signedInAdjudicationObject, type DemoAdjudicatorSigning, type SignedInAdjudicator } from './signedInAdjudicationObject';
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

/** Whether the PACS holds the instance (QIDO-RS, PS3.18 10.6). */
async function instanceInPacs(dicomwebUrl: string, studyInstanceUID: string, sopInstanceUID: string, headers: Record<string, string>): Promise<boolean> {
  const response = await fetch(`${dicomwebUrl}/studies/${studyInstanceUID}/instances?SOPInstanceUID=${sopInstanceUID}`, { headers: { ...headers, Accept: 'application/dicom+json' } });
  if (!response.ok && response.status !== 404) throw new Error(`QIDO-RS ${dicomwebUrl}/studies/${studyInstanceUID}/instances answered ${response.status}`);
  const instances = (await response.json().catch(() => [])) as unknown[];
  return Array.isArray(instances) && instances.length > 0;
}

/**
 * Stores the demo cohort in the PACS, case by case. Idempotent: a case whose study already holds
 * all its instances is skipped, and a partly stored case is stored again (same UIDs, same bytes).
 * Each batch goes through the core STOW-RS client: retried on network errors and 5xx, and a retry
 * that finds instances already stored counts them as stored. `headers` (e.g. Authorization) go
 * with every request.
 *
 * With `signedInAdjudicator` (sign-in on), the adjudications record their adjudicator as signed in and
 * their reports are signed for her, as the gateway signs (signedInAdjudicationObject.ts). A signature
 * differs at each signing, and the PACS keeps the first copy of an instance: an adjudication object
 * already in the PACS (an earlier start stopped in the middle of the case) is not stored again, so
 * that the journal never records bytes other than the ones kept. A case stored complete is never
 * rewritten: a data dir first started without sign-in keeps its self-declared, unsigned demo.
 */
export async function seedDemoCohort(
  dicomwebUrl: string,
  options: {
    cases?: string[];
    headers?: Record<string, string>;
    onProgress?: (caseId: string, done: number, total: number) => void;
    /** Told of each batch the PACS accepted (the journal of writes records them). */
    onStored?: (objects: readonly SeededObject[]) => void;
    /** Sign-in on: the adjudications are stored as their signed-in adjudicator's, the reports signed for her. */
    signedInAdjudicator?: DemoAdjudicatorSigning;
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
    const signing = options.signedInAdjudicator;
    // She signs in for the case's adjudication.
    const adjudicator = signing && { identity: demoAdjudicatorSignIn(signing.issuer, new Date()), signer: signing.signer };
    const adjudication = adjudicator ? await adjudicationToStore(dicomwebUrl, demoCase, headers) : new Map<string, AdjudicationObject>();
    const { issuer, subject } = adjudicator?.identity ?? {};
    const files = generateDemoFiles({ cases: [demoCase.caseId], ...(issuer && subject ? { adjudicatorAuthentication: { issuer, subject } } : {}) });
    let batch: SeededObject[] = [];
    const store = async () => {
      await stowInstances(dicomwebUrl, batch.map((object) => object.bytes), headers);
      options.onStored?.(batch);
      batch = [];
    };
    for (const file of files) {
      const object = seededObjectOf(file, adjudication, adjudicator);
      if (!object) continue;
      batch.push(object);
      if (batch.length === STOW_BATCH_SIZE) await store();
    }
    if (batch.length > 0) await store();
    report.seeded.push(demoCase.caseId);
  }
  return report;
}

type AdjudicationObject = 'reference-seg' | 'report' | 'already-stored';

/** The case's adjudication objects by path, each marked already stored when the PACS holds it. */
async function adjudicationToStore(dicomwebUrl: string, demoCase: DemoCasePlan, headers: Record<string, string>): Promise<Map<string, AdjudicationObject>> {
  const objects = new Map<string, AdjudicationObject>();
  const { reference } = demoCase;
  if (!reference) return objects;
  for (const [path, uid, kind] of [[reference.path, reference.SOPInstanceUID, 'reference-seg'], [reference.report.path, reference.report.SOPInstanceUID, 'report']] as const) {
    objects.set(path, (await instanceInPacs(dicomwebUrl, demoCase.StudyInstanceUID, uid, headers)) ? 'already-stored' : kind);
  }
  return objects;
}

/** What the seed stores of `file`: as generated, or as the signed-in adjudicator stores it; null when it is already stored. */
function seededObjectOf(file: DemoFile, adjudication: ReadonlyMap<string, AdjudicationObject>, adjudicator: SignedInAdjudicator | undefined): SeededObject | null {
  const kind = adjudication.get(file.path);
  if (kind === undefined || !adjudicator) return { bytes: file.bytes };
  return kind === 'already-stored' ? null : signedInAdjudicationObject(file.bytes, kind, adjudicator, file.path);
}
