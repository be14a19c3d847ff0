import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { UsageError } from '../usageError';
import type { QcCaseResult } from './QcCaseResult';

/**
 * The `--state FILE` of `segqc qc`: the cases judged so far with their results, so that a rerun
 * (after an interruption, or to add cases) skips them. Only reviewed cases are kept: a case not
 * yet double-read, or one that failed, is tried again. The file names the PACS and whether reports
 * were written, and is refused for a run that differs in either.
 */
export interface ResumeState {
  format: 'segqc-qc-state';
  version: 1;
  pacs: string;
  writeReports: boolean;
  cases: Record<string, QcCaseResult>;
}

export function emptyResumeState(pacs: string, writeReports: boolean): ResumeState {
  return { format: 'segqc-qc-state', version: 1, pacs, writeReports, cases: {} };
}

/** The state in `path`, or an empty one when the file does not exist yet. */
export function readResumeState(path: string, run: { pacs: string; writeReports: boolean }): ResumeState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyResumeState(run.pacs, run.writeReports);
    throw error;
  }
  let state: Partial<ResumeState>;
  try {
    state = JSON.parse(text) as Partial<ResumeState>;
  } catch {
    throw new UsageError(`--state ${path} is not JSON; give a new file, or the one an earlier segqc qc wrote`);
  }
  if (state?.format !== 'segqc-qc-state' || state.version !== 1 || typeof state.cases !== 'object' || state.cases === null) {
    throw new UsageError(`--state ${path} is not a segqc qc state file`);
  }
  if (state.pacs !== run.pacs) throw new UsageError(`--state ${path} is of a run on ${state.pacs}, not ${run.pacs}`);
  if (state.writeReports !== run.writeReports) {
    throw new UsageError(`--state ${path} is of a run ${state.writeReports ? 'with' : 'without'} --write-reports; resume it the same way, or give a new file`);
  }
  return state as ResumeState;
}

/** Writes the state atomically: a temporary file beside it, renamed over it, so an interruption never leaves half a file. */
export function writeResumeState(path: string, state: ResumeState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`);
  renameSync(temporary, path);
}
