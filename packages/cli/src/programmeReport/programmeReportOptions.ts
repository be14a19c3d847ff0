import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CREDENTIAL_USAGE } from '../auth/credentialFlags';
import { UsageError } from '../usageError';
import { parseProgrammeArgs, type ProgrammeReadOptions } from '../drift/programmeOptions';

export interface ProgrammeReportOptions extends ProgrammeReadOptions {
  /** The HTML file to write. */
  html: string;
}

export const PROGRAMME_REPORT_USAGE = `segqc report --pacs URL ${CREDENTIAL_USAGE} [--workers N] --html OUT.html`;

/** `segqc report` makes the programme report, not a case's QC SR, when it is given --html or --pacs. */
export function isProgrammeReport(args: readonly string[]): boolean {
  return args.includes('--html') || args.includes('--pacs');
}

/** Parses the arguments after `segqc report` for the programme report. */
export function parseProgrammeReportOptions(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ProgrammeReportOptions {
  const firstFile = args.find((arg, i) => !arg.startsWith('--') && (i === 0 || !args[i - 1].startsWith('--')));
  if (firstFile !== undefined) {
    throw new UsageError(`report --html reads the whole programme from the PACS and takes no SEG file ('${firstFile}'); a case's QC report is segqc report A B … --out SR.dcm`);
  }
  const { read, values } = parseProgrammeArgs(args, 'report --html', PROGRAMME_REPORT_USAGE, { flags: ['--html'] }, env);
  const html = values.get('--html');
  if (html === undefined) throw new UsageError(`report --pacs needs --html OUT.html, the file to write; usage: ${PROGRAMME_REPORT_USAGE}`);
  if (!/\.html?$/i.test(html)) throw new UsageError(`--html ${html}: the file name ends in .html`);
  if (statSync(html, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--html ${html} is a folder; give the file to write`);
  if (!existsSync(dirname(resolve(html)))) throw new UsageError(`--html ${html}: the folder ${dirname(html)} does not exist`);
  return { ...read, html };
}
