import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** The built `segqc` command: its worker threads need the compiled worker scripts, so the tests run it as a user does. */
const BIN = join(__dirname, '..', '..', 'packages', 'cli', 'bin', 'segqc.js');

export interface SegqcRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `segqc ARGS…` in a child process to its end; with `settings`, these SegQC settings and none
 * of the SEGQC_* variables of the shell running the tests.
 */
export function segqc(args: string[], settings?: Record<string, string>): Promise<SegqcRun> {
  const env = settings && { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('SEGQC_'))), ...settings };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
