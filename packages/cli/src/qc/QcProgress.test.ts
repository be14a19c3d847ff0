import type { QcCaseResult } from './QcCaseResult';
import { PLAIN_INTERVAL_MS } from '../progressOutput';
import { QcProgress } from './QcProgress';
import { duration } from './duration';

// Why: batch QC over a programme takes minutes to hours. On a terminal the user sees a bar move;
// in a log (CI, cron) a line at most every few seconds, never one per case, and always the last.

const result = (study: string, verdict: QcCaseResult['verdict'], status: QcCaseResult['status'] = 'reviewed'): QcCaseResult => ({
  studyInstanceUid: study, status, sourceSeriesInstanceUid: null, modality: 'CT', annotations: [], excluded: [], warnings: [], unreadable: [], sop: null, sopReason: null, state: null,
  verdict, structures: [], pairs: [], report: null, error: status === 'failed' ? 'x' : null, seconds: 1,
});

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, write: (text: string) => writes.push(text), isTTY, columns: isTTY ? 100 : undefined };
}

test('not a terminal: a first line, then lines at most every interval, and the last one', () => {
  let clock = 0;
  const log = stream(false);
  const progress = new QcProgress(log, 4, [result('1.1', 'pass')], () => clock);
  progress.start();
  clock = 1000;
  progress.caseDone(result('1.2', 'escalate'));
  clock = PLAIN_INTERVAL_MS + 1;
  progress.caseDone(result('1.3', null, 'failed'));
  clock = PLAIN_INTERVAL_MS + 2000;
  progress.caseDone(result('1.4', 'pass'));
  progress.finish();
  expect(log.writes).toEqual([
    'segqc qc: 4 cases, 1 done before (--state)\n',
    'segqc qc: 3/4 cases, 1 escalated, 1 failed, 5 s, ~3 s left (75%)\n',
    'segqc qc: 4/4 cases, 1 escalated, 1 failed, 7 s (100%)\n',
  ]);
});

test('not a terminal, nothing to do: the first line is all', () => {
  const log = stream(false);
  const progress = new QcProgress(log, 0, [], () => 0);
  progress.start();
  progress.finish();
  expect(log.writes).toEqual(['segqc qc: 0 cases\n']);
});

test('a terminal: a bar redrawn in place on each case, ended by a newline', () => {
  let clock = 0;
  const tty = stream(true);
  const progress = new QcProgress(tty, 2, [], () => clock);
  progress.start();
  clock = 2000;
  progress.caseDone(result('1.1', 'escalate'));
  clock = 3000;
  progress.caseDone(result('1.2', 'pass'));
  progress.finish();
  expect(tty.writes).toEqual([
    `\rsegqc qc [${'-'.repeat(24)}] 0/2 cases, 0 escalated, 0 s\x1b[K`,
    `\rsegqc qc [${'#'.repeat(12)}${'-'.repeat(12)}] 1/2 cases, 1 escalated, 2 s, ~2 s left\x1b[K`,
    `\rsegqc qc [${'#'.repeat(24)}] 2/2 cases, 1 escalated, 3 s\x1b[K`,
    `\rsegqc qc [${'#'.repeat(24)}] 2/2 cases, 1 escalated, 3 s\x1b[K`,
    '\n',
  ]);
});

test('durations read as seconds, minutes and hours', () => {
  expect([duration(0), duration(42_400), duration(185_000), duration(3_725_000)]).toEqual(['0 s', '42 s', '3m05s', '1h02m']);
});
