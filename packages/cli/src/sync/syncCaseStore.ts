/**
 * One pass of `segqc sync`: the programme's case store brought in step with the PACS. Every study
 * is listed with its attributes and its series and instance counts (QIDO-RS, paged); a study whose
 * counts are unchanged since its entry was kept is not asked again (unless the pass is full); the
 * others get their case version key (caseVersionKey: the SOP Instance UIDs of their SEGs and SRs,
 * the SOP library, the engine) and only a case whose key changed is judged again, in the worker
 * threads, as `segqc qc` judges it. Cases gone from the PACS are forgotten. The PACS stays the
 * system of record: the store can be deleted and is rebuilt by the next pass.
 */
import {
  STUDY_TAGS, caseSummary, caseVersionKey, decidingObjectsOfStudy, jsonString, jsonStrings, studyAttributes,
  type CaseStoreSync, type DicomJsonDataset, type DicomwebReadOptions,
} from '@segqc/core';
import type { DirectoryCaseStore } from '@segqc/case-store';
import type { CaseRunner } from '../qc/caseRunner';
import type { QcCaseResult } from '../qc/QcCaseResult';
import { caseTriageOf } from './caseTriageOf';

const TAG = { ModalitiesInStudy: '00080061', NumberOfStudyRelatedSeries: '00201206', NumberOfStudyRelatedInstances: '00201208' } as const;
const STUDY_FIELDS = [...Object.values(STUDY_TAGS).filter((tag) => tag !== STUDY_TAGS.StudyInstanceUID), ...Object.values(TAG)];
/** Studies keyed at once (a few QIDO-RS requests each). */
const KEYING_CONCURRENCY = 8;

export interface SyncContext {
  pacs: string;
  read: DicomwebReadOptions;
  store: DirectoryCaseStore<QcCaseResult>;
  sopLibraryDigest: string;
  runners: readonly CaseRunner[];
  /** Key every study, whatever its counts say (a deletion and a store between two passes leave the counts as they were). */
  full: boolean;
  now?: () => Date;
}

export interface SyncOutcome {
  /** Cases in the store after the pass. */
  cases: number;
  /** Studies judged (again) in this pass. */
  computed: string[];
  unchanged: number;
  removed: string[];
  failures: Array<{ studyInstanceUid: string; reason: string }>;
  studiesWithoutSegs: number;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The study's series and instance counts as its QIDO-RS answer gives them; '' when the server leaves either out (then the study is always keyed). */
function fingerprintOf(study: DicomJsonDataset): string {
  const series = jsonString(study, TAG.NumberOfStudyRelatedSeries);
  const instances = jsonString(study, TAG.NumberOfStudyRelatedInstances);
  return series === undefined || instances === undefined ? '' : `${series}/${instances}`;
}

async function eachAtMost<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

export async function syncCaseStore(context: SyncContext): Promise<SyncOutcome> {
  const { pacs, read, store } = context;
  const now = context.now ?? (() => new Date());
  const sync: CaseStoreSync = { pacs, startedAt: now().toISOString(), finishedAt: null, studiesWithoutSegs: 0, pending: [], failures: [] };
  const studies = await studyAttributes(pacs, STUDY_FIELDS, read);
  const withSegs = [...studies].filter(([, dataset]) => {
    const modalities = jsonStrings(dataset, TAG.ModalitiesInStudy).map((modality) => modality.toUpperCase());
    return modalities.length === 0 || modalities.includes('SEG');
  });
  sync.studiesWithoutSegs = studies.size - withSegs.length;
  const rows = store.rowsByStudy();
  const outcome: SyncOutcome = { cases: 0, computed: [], unchanged: 0, removed: [], failures: sync.failures, studiesWithoutSegs: 0 };

  const toJudge: Array<{ study: string; key: string; fingerprint: string }> = [];
  await eachAtMost(withSegs, KEYING_CONCURRENCY, async ([study, dataset]) => {
    const fingerprint = fingerprintOf(dataset);
    const row = rows.get(study);
    if (row && !context.full && fingerprint !== '' && row.fingerprint === fingerprint) {
      outcome.unchanged++;
      return;
    }
    try {
      const key = caseVersionKey(study, await decidingObjectsOfStudy(pacs, study, read), context.sopLibraryDigest);
      const result = row?.key === key ? store.result(study) : null;
      if (row && result) {
        store.put({ ...row, fingerprint, result });
        outcome.unchanged++;
      } else {
        toJudge.push({ study, key, fingerprint });
      }
    } catch (error) {
      sync.failures.push({ studyInstanceUid: study, reason: `its objects could not be listed: ${reason(error)}` });
    }
  });
  sync.pending = toJudge.map(({ study }) => study);
  store.putSync(sync);

  let next = 0;
  await Promise.all(context.runners.map(async (runner) => {
    while (next < toJudge.length) {
      const { study, key, fingerprint } = toJudge[next++]!;
      const { result, inventory } = await runner.run(study);
      if (inventory === null) {
        store.remove(study);
        sync.failures.push({ studyInstanceUid: study, reason: `its inventory could not be read: ${result.error ?? 'unknown error'}` });
      } else if (inventory.annotations.length + inventory.references.length === 0 && !inventory.unreadable.some((object) => object.modality === 'SEG')) {
        // Its series hold no SEG after all (the server did not list ModalitiesInStudy).
        store.remove(study);
        sync.studiesWithoutSegs++;
      } else {
        store.put({ studyInstanceUid: study, key, fingerprint, computedAt: now().toISOString(), summary: caseSummary(inventory, studies.get(study)), triage: caseTriageOf(result), result });
        outcome.computed.push(study);
      }
      sync.pending = sync.pending.filter((pending) => pending !== study);
      store.putSync(sync);
    }
  }));

  const listed = new Set(withSegs.map(([study]) => study));
  for (const study of rows.keys()) {
    if (listed.has(study)) continue;
    store.remove(study);
    outcome.removed.push(study);
  }
  sync.finishedAt = now().toISOString();
  store.putSync(sync);
  outcome.studiesWithoutSegs = sync.studiesWithoutSegs;
  outcome.cases = store.rowsByStudy().size;
  return outcome;
}
