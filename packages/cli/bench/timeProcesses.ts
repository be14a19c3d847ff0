// Wall time of whole processes, as a user waits for them: each run spawned afresh (start-up, module
// loading, reading the files and writing the answer included). Against a reference command the two
// run in turn, ours then theirs, so that both see the same machine; the ratio is taken pair by pair
// and its median quoted, which holds when a shared machine's speed drifts between pairs.
import { spawnSync } from 'node:child_process';

export interface Command {
  file: string;
  args: string[];
}

export interface Timing {
  medianS: number;
  minS: number;
  maxS: number;
}

export interface PairedTiming {
  ours: Timing;
  theirs: Timing;
  /** Median over the pairs of ours / theirs. */
  medianRatio: number;
}

/** Seconds one run of `command` takes; a failed run is an error (a timing of a failure is no timing). */
function timeOnce({ file, args }: Command): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${file} ${args.join(' ')} exited with ${run.status ?? run.signal}: ${run.stderr?.toString().trim()}`);
  return seconds;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summary(seconds: readonly number[]): Timing {
  return { medianS: median(seconds), minS: Math.min(...seconds), maxS: Math.max(...seconds) };
}

/** `runs` timed runs after `warmUp` untimed ones (file cache, disk). */
export function timeProcess(command: Command, runs: number, warmUp = 1): Timing {
  for (let n = 0; n < warmUp; n++) timeOnce(command);
  return summary(Array.from({ length: runs }, () => timeOnce(command)));
}

/** Ours and theirs in turn, `runs` pairs after `warmUp` untimed pairs. */
export function timePaired(ours: Command, theirs: Command, runs: number, warmUp = 1): PairedTiming {
  for (let n = 0; n < warmUp; n++) {
    timeOnce(ours);
    timeOnce(theirs);
  }
  const pairs = Array.from({ length: runs }, () => [timeOnce(ours), timeOnce(theirs)] as const);
  return {
    ours: summary(pairs.map(([o]) => o)),
    theirs: summary(pairs.map(([, t]) => t)),
    medianRatio: median(pairs.map(([o, t]) => o / t)),
  };
}
