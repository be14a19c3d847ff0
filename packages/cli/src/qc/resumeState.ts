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
  /**
   * By Study Instance UID. A Map: the UIDs are the PACS's text, and one spelled `__proto__` must be
   * a case, not the prototype of a plain object. The file holds it as a JSON object.
   */
  cases: Map<string, QcCaseResult>;
}

export function emptyResumeState(pacs: string, writeReports: boolean): ResumeState {
  return { format: 'segqc-qc-state', version: 1, pacs, writeReports, cases: new Map() };
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
  let state: Partial<Omit<ResumeState, 'cases'> & { cases: Record<string, QcCaseResult> }>;
  try {
    state = JSON.parse(text) as typeof state;
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
  // JSON.parse makes every key an own property, `__proto__` too: Object.entries sees them all. A
  // case written before results listed the study's unreadable objects had none listed.
  const cases = new Map(Object.entries(state.cases).map(([study, result]) => [study, { ...result, unreadable: result.unreadable ?? [] }]));
  return { format: state.format, version: state.version, pacs: state.pacs, writeReports: state.writeReports, cases };
}

/** Writes the state atomically: a temporary file beside it, renamed over it, so an interruption never leaves half a file. */
export function writeResumeState(path: string, state: ResumeState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  // Object.fromEntries defines own properties, so `__proto__` is written as the case it is.
  writeFileSync(temporary, `${JSON.stringify({ ...state, cases: Object.fromEntries(state.cases) })}\n`);
  renameSync(temporary, path);
}
