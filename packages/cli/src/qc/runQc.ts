import { studiesWithSegs, type ReadFetchLike } from '@segqc/core';
import type { AccessTokensOptions } from '../auth/AccessTokens';
import { PacsConnection } from '../auth/PacsConnection';
import { writerIdentity } from '../auth/writerIdentity';
import { WorkerCaseRunner, type CaseRunner } from './caseRunner';
import { parseQcOptions, QC_WRITER_FLAGS, type QcOptions } from './qcOptions';
import type { QcWorkerData } from './workerProtocol';
import type { QcCaseResult } from './QcCaseResult';
import { jsonOutput } from '../jsonOutput';
import type { ProgressStream } from '../progressOutput';
import { terminalLines } from '../terminalLines';
import { QcProgress } from './QcProgress';
import { summarizeQc, summaryText, type QcSummary } from './qcSummary';
import { emptyResumeState, readResumeState, writeResumeState } from './resumeState';
import { defaultSopDir, readSopLibrary } from './sopLibrary';

export { QC_USAGE } from './qcOptions';

/** What a run is made of besides its arguments; tests give their own. */
export interface QcRunDependencies {
  /** `count` runners for the run (worker threads by default), started with `data`. */
  runners?: (count: number, data: QcWorkerData) => CaseRunner[];
  /** Where progress goes; process.stderr by default. */
  progress?: ProgressStream;
  now?: () => number;
  /** The main thread's fetch, for listing the studies; Node's by default. */
  fetch?: ReadFetchLike;
  /** The main thread's client-credentials grant; openid-client's by default. */
  grant?: AccessTokensOptions['grant'];
  /** Where the credential settings are read; process.env by default. */
  env?: NodeJS.ProcessEnv;
}

/** The JSON document of `--json`. */
export interface QcJson {
  pacs: string;
  sopDir: string;
  summary: QcSummary;
  cases: QcCaseResult[];
}

/**
 * `segqc qc --pacs URL …`: agreement for every case of the PACS with two or more annotations of
 * one series (or of the --study cases), judged against the SOP in force, in parallel worker threads
 * (each fetches its own case), resumable with --state, optionally storing a review QC report per
 * case; progress on stderr, a summary (or --json) on stdout. Exit code 1 when a case failed. The
 * access token is had here first (the reports name its user) and handed to the workers, which
 * fetch their own as it expires; a 401 or 403 of the PACS is a PacsAccessError saying why.
 */
export async function runQc(args: string[], out: (text: string) => void, dependencies: QcRunDependencies = {}): Promise<number> {
  const options = parseQcOptions(args, dependencies.env);
  const connection = new PacsConnection(options.credential, { fetch: dependencies.fetch, grant: dependencies.grant });
  try {
    return await qcRun(options, connection, out, dependencies);
  } catch (error) {
    throw connection.explain(error);
  }
}

async function qcRun(options: QcOptions, connection: PacsConnection, out: (text: string) => void, dependencies: QcRunDependencies): Promise<number> {
  const now = dependencies.now ?? Date.now;
  const progressStream = dependencies.progress ?? process.stderr;
  const started = now();
  const sopDir = options.sopDir ?? defaultSopDir();
  const library = readSopLibrary(sopDir);
  for (const { file, reason } of library.invalid) progressStream.write(terminalLines(`segqc qc: ${file} is not used: ${reason}`));

  const state = options.state === null
    ? emptyResumeState(options.pacs, options.writeReports !== null)
    : readResumeState(options.state, { pacs: options.pacs, writeReports: options.writeReports !== null });
  // The token first: a provider that issues none stops the run before any case, and the workers
  // start from it. A name or login that is not the token's user stops it before any request too.
  await connection.tokens.current();
  const writer = options.writeReports && writerIdentity(options.writeReports, await connection.identity(), QC_WRITER_FLAGS);
  const studies = options.studies.length > 0 ? options.studies : (await studiesWithSegs(options.pacs, connection.read)).studies;
  const resumed = new Set(studies.filter((study) => state.cases.get(study)?.status === 'reviewed'));
  const pending = studies.filter((study) => !resumed.has(study));

  const results = new Map<string, QcCaseResult>([...resumed].map((study) => [study, state.cases.get(study)!]));
  const progress = new QcProgress(progressStream, studies.length, [...results.values()], now);
  progress.start();
  const count = Math.min(options.workers, pending.length);
  const data: QcWorkerData = { root: options.pacs, credential: options.credential, issued: connection.tokens.issued(), sopDir, writeReports: writer };
  const runners = count === 0 ? [] : (dependencies.runners ?? workerRunners)(count, data);
  try {
    let next = 0;
    await Promise.all(runners.map(async (runner) => {
      while (next < pending.length) {
        const study = pending[next++];
        const { result } = await runner.run(study);
        results.set(study, result);
        if (options.state !== null && result.status === 'reviewed') {
          state.cases.set(study, result);
          writeResumeState(options.state, state);
        }
        progress.caseDone(result);
      }
    }));
  } finally {
    progress.finish();
    await Promise.all(runners.map((runner) => runner.close()));
  }

  const ordered = studies.map((study) => results.get(study)!);
  const summary = summarizeQc(ordered, resumed, Math.round(now() - started) / 1000);
  if (options.json) out(jsonOutput({ pacs: options.pacs, sopDir, summary, cases: ordered } satisfies QcJson));
  else out(summaryText(summary, ordered, options.writeReports !== null));
  return summary.failed > 0 ? 1 : 0;
}

function workerRunners(count: number, data: QcWorkerData): CaseRunner[] {
  return Array.from({ length: count }, () => new WorkerCaseRunner(data));
}
