import type { CaseSummary } from '../inventory/caseSummary';
import type { CaseTriage } from './CaseTriage';

/**
 * One case as the programme's case store keeps it: computed once per case version and kept in step
 * with the PACS by `segqc sync`; a cache, which may be deleted and rebuilt from the PACS.
 */
export interface CaseStoreEntry<Result = unknown> {
  studyInstanceUid: string;
  /** caseVersionKey: the result is this case's while the key is unchanged. */
  key: string;
  /** The study's series and instance counts when last read (QIDO-RS): a cheap sign that it changed. */
  fingerprint: string;
  /** ISO 8601. */
  computedAt: string;
  /** The overview's row. */
  summary: CaseSummary;
  triage: CaseTriage;
  /** The whole result (`segqc qc`'s per-case document). */
  result: Result;
}

/** How the last sync of the store with its PACS went. */
export interface CaseStoreSync {
  /** The PACS's DICOMweb root. */
  pacs: string;
  /** ISO 8601: when the last sync started and finished (null while the first runs). */
  startedAt: string;
  finishedAt: string | null;
  studiesWithoutSegs: number;
  /** Studies listed whose entry is being (re)computed. */
  pending: string[];
  /** Studies that could not be listed or read, with why. */
  failures: Array<{ studyInstanceUid: string; reason: string }>;
}

/** What the programme pages read of the store (the gateway's GET /segqc/api/cases): every entry's row and triage, and the sync. */
export interface ProgrammeCases {
  sync: CaseStoreSync | null;
  cases: Array<Pick<CaseStoreEntry, 'summary' | 'triage' | 'computedAt'>>;
}
