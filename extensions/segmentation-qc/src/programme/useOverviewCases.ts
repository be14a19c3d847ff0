import { useEffect, useState } from 'react';
import type { CaseStoreSync } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import type { ServicesManager } from '../services';
import { fetchProgrammeCases } from './fetchProgrammeCases';
import { overviewCasesOf, type OverviewCase } from './overviewCase';
import type { ProgrammeProgress } from './ProgrammeWorkerClient';
import type { SkippedCase } from './programmeWorkerProtocol';
import { pacsRequest, useProgrammeWorker } from './useProgramme';

export interface OverviewCases {
  cases: OverviewCase[];
  /** `store`: the programme's case store, with the triage; `pacs`: read from the PACS now, without one. */
  source: 'store' | 'pacs';
  /** How the store's last sync went (source `store`). */
  sync: CaseStoreSync | null;
  studiesWithoutSegs: number;
  skipped: SkippedCase[];
}

export type OverviewState =
  | { status: 'running'; progress: ProgrammeProgress | null }
  | { status: 'done'; result: OverviewCases }
  | { status: 'failed'; error: string };

/** While the store judges cases, the overview asks again this often, so that verdicts appear as they are ready. */
export const PENDING_POLL_MS = 3000;

/**
 * The QC overview's cases: from the programme's case store when the gateway keeps one (one request,
 * each case with the verdict its annotations predict), asked again while the store is judging
 * cases; otherwise read from the PACS by the programme worker (every case's inventory, no triage).
 */
export function useOverviewCases(servicesManager: ServicesManager, generation: number): OverviewState {
  const worker = useProgrammeWorker();
  const [state, setState] = useState<OverviewState>({ status: 'running', progress: null });
  const [poll, setPoll] = useState(0);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    (async (): Promise<OverviewCases> => {
      const request = pacsRequest(servicesManager);
      const answer = await fetchProgrammeCases(request.headers);
      if (answer && answer.sync !== null) {
        const skipped = answer.sync.failures.map(({ studyInstanceUid, reason }) => ({ studyInstanceUid, reason }));
        return { cases: overviewCasesOf(answer), source: 'store', sync: answer.sync, studiesWithoutSegs: answer.sync.studiesWithoutSegs, skipped };
      }
      // No store, or one never synced yet: the PACS itself.
      const result = await worker.inventory(request, (progress) => live && setState({ status: 'running', progress }));
      return { cases: result.cases.map((summary) => ({ summary, triage: null, pending: false })), source: 'pacs', sync: null, studiesWithoutSegs: result.studiesWithoutSegs, skipped: result.skipped };
    })()
      .then((result) => {
        if (!live) return;
        setState({ status: 'done', result });
        if (result.sync && (result.sync.finishedAt === null || result.sync.pending.length > 0)) timer = setTimeout(() => setPoll((n) => n + 1), PENDING_POLL_MS);
      })
      .catch((error: unknown) => live && setState({ status: 'failed', error: describeFailure(error) }));
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [worker, generation, poll, servicesManager]);

  return state;
}
