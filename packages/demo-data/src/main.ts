#!/usr/bin/env node
// segqc-demo-data --out DIR [--cases ct-01,mr-01]: writes the demo cohort and its manifest.
import { DEMO_CASE_IDS } from './cohort/cohort';
import { writeDemoCohort } from './generate/writeDemoCohort';

const USAGE = `usage: segqc-demo-data --out DIR [--cases ${DEMO_CASE_IDS.slice(0, 2).join(',')}] (cases: ${DEMO_CASE_IDS.join(', ')})`;

export interface CliArguments {
  out: string;
  cases?: string[];
}

/** The arguments, or a one-line reason why they are not valid. */
export function parseArguments(argv: readonly string[]): CliArguments | string {
  let out: string | undefined;
  let cases: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const value = argv[i + 1];
    if (argument === '--out' || argument === '--cases') {
      if (value === undefined || value.startsWith('--') || value.trim() === '') return `${argument} needs a value`;
      if (argument === '--out') out = value;
      else cases = value.split(',').map((id) => id.trim()).filter((id) => id !== '');
      i++;
    } else {
      return `unknown argument "${argument}"`;
    }
  }
  if (!out) return '--out DIR is required';
  const unknown = (cases ?? []).filter((id) => !DEMO_CASE_IDS.includes(id));
  if (unknown.length > 0) return `unknown case id(s): ${unknown.join(', ')}`;
  if (cases && cases.length === 0) return '--cases needs at least one case id';
  return cases ? { out, cases } : { out };
}

export function main(argv: readonly string[]): number {
  const parsed = parseArguments(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`segqc-demo-data: ${parsed}\n${USAGE}\n`);
    return 2;
  }
  const started = Date.now();
  const summary = writeDemoCohort(parsed.out, parsed.cases ? { cases: parsed.cases } : {});
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `segqc-demo-data: wrote ${summary.files} files (${(summary.bytes / 1e6).toFixed(1)} MB) for ${summary.cases} cases to ${parsed.out} in ${seconds} s; manifest ${summary.manifestPath}\n`,
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
