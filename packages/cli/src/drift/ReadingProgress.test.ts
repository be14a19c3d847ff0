// Why: a nightly job's log must show that the run is alive and how far it got without filling the
// log; a terminal gets one bar redrawn in place instead.
import { PLAIN_INTERVAL_MS } from '../progressOutput';
import { ReadingProgress } from './ReadingProgress';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  let clock = 0;
  const progress = new ReadingProgress({ write: (text: string) => written.push(text), isTTY, columns: 100 }, 'drift', () => clock);
  return { written, progress, advance: (ms: number) => (clock += ms) };
}

test('not a terminal: a line when a stage starts and ends, and at most one every 5 s between', () => {
  const { written, progress, advance } = recorder(false);
  progress.update('inventory', 0, 0);
  progress.update('inventory', 1, 2);
  advance(1000);
  progress.update('inventory', 2, 2);
  progress.update('reading', 0, 4);
  advance(1000);
  progress.update('reading', 1, 4);
  advance(PLAIN_INTERVAL_MS);
  progress.update('reading', 2, 4);
  advance(1000);
  progress.update('reading', 3, 4);
  advance(2000);
  progress.update('reading', 4, 4);
  progress.finish();
  expect(written).toEqual([
    'segqc drift: 1/2 cases listed, 0 s, ~0 s left (50%)',
    'segqc drift: 2/2 cases listed, 1 s (100%)',
    'segqc drift: 0/4 cases read, 0 s (0%)',
    // 6 s for 2 cases: 6 s more for the other 2.
    'segqc drift: 2/4 cases read, 6 s, ~6 s left (50%)',
    'segqc drift: 4/4 cases read, 9 s (100%)',
  ].map((line) => `${line}\n`));
});

test('a terminal: a bar redrawn in place, left on its own line at the end', () => {
  const { written, progress, advance } = recorder(true);
  progress.update('reading', 0, 4);
  advance(3000);
  progress.update('reading', 1, 4);
  progress.finish();
  expect(written[1]).toBe('\rsegqc drift [######------------------] 1/4 cases read, 3 s, ~9 s left\x1b[K');
  expect(written.slice(-1)).toEqual(['\n']);
  expect(written.every((text) => text === '\n' || text.startsWith('\r'))).toBe(true);
});
