import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The built `segqc` command (its worker threads need the compiled worker scripts). */
const BIN = join(__dirname, '..', '..', 'packages', 'cli', 'bin', 'segqc.js');
/**
 * Preloaded into the command: on exit, its peak resident set goes to fd 3 — VmHWM of /proc/self/status
 * (KiB, worker threads included). Not getrusage's ru_maxrss: Linux carries that across fork and
 * exec, so a child would report the test runner's own size.
 */
const REPORT_PEAK_RSS = 'data:text/javascript,import { readFileSync, writeSync } from "node:fs"; '
  + 'process.on("exit", () => writeSync(3, readFileSync("/proc/self/status", "utf8").match(/VmHWM:\\s+(\\d+)/)[1]));';

export interface MeasuredRun {
  code: number | null;
  /** Exactly the bytes written to stdout, to check for control bytes. */
  stdout: Buffer;
  stderr: string;
  /** The process's peak resident set size, in MiB. */
  peakRssMib: number;
}

/** Runs `segqc ARGS…` in a child process to its end: its stdout as bytes, and how much memory it took at most. */
export function segqcMeasured(args: string[]): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', REPORT_PEAK_RSS, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    let peak = '';
    child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    child.stdio[3]!.on('data', (chunk) => (peak += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout), stderr, peakRssMib: Number(peak) / 1024 }));
  });
}
