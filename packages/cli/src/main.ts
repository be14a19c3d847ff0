/** `segqc`: SegQC on the command line. Commands arrive with the engine, writers and program issues. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

export const USAGE = `segqc ${version} — quality control of medical image segmentation on any DICOMweb PACS

Usage: segqc <command> [options]

Options:
  -h, --help       show this help
  -V, --version    print the version

Commands: none yet in this version.
`;

/** Runs the command line; returns the process exit code. */
export function run(args: string[], out: (text: string) => void, err: (text: string) => void): number {
  if (args.length === 0 || args.includes('-h') || args.includes('--help')) {
    out(USAGE);
    return args.length === 0 ? 2 : 0;
  }
  if (args.includes('-V') || args.includes('--version')) {
    out(`${version}\n`);
    return 0;
  }
  err(`segqc: unknown command or option '${args[0]}'; see segqc --help\n`);
  return 2;
}

export function main(): void {
  process.exitCode = run(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t));
}
