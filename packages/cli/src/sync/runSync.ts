import { DirectoryCaseStore } from '@segqc/case-store';
import type { ReadFetchLike } from '@segqc/core';
import type { AccessTokensOptions } from '../auth/AccessTokens';
import { PacsConnection } from '../auth/PacsConnection';
import { WorkerCaseRunner, type CaseRunner } from '../qc/caseRunner';
import type { QcCaseResult } from '../qc/QcCaseResult';
import type { QcWorkerData } from '../qc/workerProtocol';
import { defaultSopDir, readSopLibrary } from '../qc/sopLibrary';
import { jsonOutput } from '../jsonOutput';
import { terminalLines } from '../terminalLines';
import { parseSyncOptions } from './syncOptions';
import { sopLibraryDigest } from './sopLibraryDigest';
import { syncCaseStore, type SyncOutcome } from './syncCaseStore';

export { SYNC_USAGE } from './syncOptions';

export interface SyncRunDependencies {
  runners?: (count: number, data: QcWorkerData) => CaseRunner[];
  /** Where each pass's line goes; process.stderr by default. */
  log?: (text: string) => void;
  fetch?: ReadFetchLike;
  grant?: AccessTokensOptions['grant'];
  env?: NodeJS.ProcessEnv;
  /** Ends --watch (tests; a signal ends it otherwise). */
  stop?: AbortSignal;
}

const passLine = (outcome: SyncOutcome, seconds: number) =>
  `segqc sync: ${outcome.cases} case${outcome.cases === 1 ? '' : 's'} in the store (${outcome.computed.length} judged, ${outcome.unchanged} unchanged, ${outcome.removed.length} removed, ${outcome.failures.length} failed) in ${seconds.toFixed(1)} s`;

/**
 * `segqc sync --pacs URL --store DIR`: the programme's case store brought in step with the PACS
 * (syncCaseStore), once or every --watch seconds until stopped; the programme pages read the store
 * through the gateway. One line per pass on stderr, each failure with its study; with --json the
 * last pass's outcome on stdout. Exit code 1 when a case failed in the (last) pass.
 */
export async function runSync(args: string[], out: (text: string) => void, dependencies: SyncRunDependencies = {}): Promise<number> {
  const options = parseSyncOptions(args, dependencies.env);
  const log = dependencies.log ?? ((text: string) => process.stderr.write(text));
  const connection = new PacsConnection(options.credential, { fetch: dependencies.fetch, grant: dependencies.grant });
  const sopDir = options.sopDir ?? defaultSopDir();
  const library = readSopLibrary(sopDir);
  for (const { file, reason } of library.invalid) log(terminalLines(`segqc sync: ${file} is not used: ${reason}`));
  const store = new DirectoryCaseStore<QcCaseResult>(options.store);
  let runners: CaseRunner[] = [];
  try {
    await connection.tokens.current();
    const data: QcWorkerData = { root: options.pacs, credential: options.credential, issued: connection.tokens.issued(), sopDir, writeReports: null };
    runners = (dependencies.runners ?? ((count, given) => Array.from({ length: count }, () => new WorkerCaseRunner(given))))(options.workers, data);
    for (let pass = 0; ; pass++) {
      const started = Date.now();
      let outcome: SyncOutcome | null = null;
      try {
        const full = options.watchSeconds === null || pass % options.fullEvery === 0;
        outcome = await syncCaseStore({ pacs: options.pacs, read: connection.read, store, sopLibraryDigest: sopLibraryDigest(library), runners, full });
        // Watching, a pass that found nothing new is not worth a line.
        const changed = outcome.computed.length + outcome.removed.length + outcome.failures.length > 0;
        if (options.watchSeconds === null || changed || pass === 0) log(terminalLines(passLine(outcome, (Date.now() - started) / 1000)));
        for (const { studyInstanceUid, reason } of outcome.failures) log(terminalLines(`segqc sync: study ${studyInstanceUid}: ${reason}`));
      } catch (error) {
        // Watching, a PACS that is down for a while is tried again at the next pass.
        if (options.watchSeconds === null) throw connection.explain(error);
        const explained = connection.explain(error);
        log(terminalLines(`segqc sync: the pass failed, tried again in ${options.watchSeconds} s: ${explained instanceof Error ? explained.message : String(explained)}`));
      }
      if (options.watchSeconds === null || dependencies.stop?.aborted) {
        if (options.json && outcome) out(jsonOutput(outcome));
        return outcome && outcome.failures.length === 0 ? 0 : 1;
      }
      await waitOrStop(options.watchSeconds * 1000, dependencies.stop);
      if (dependencies.stop?.aborted) return 0;
    }
  } finally {
    await Promise.all(runners.map((runner) => runner.close()));
  }
}

function waitOrStop(ms: number, stop: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    stop?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
