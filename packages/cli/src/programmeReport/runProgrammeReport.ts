import { writeFileSync } from 'node:fs';
import { readProgramme, type ReadDependencies } from '../drift/readProgramme';
import { caseLabel, recalibrationsDue } from '@segqc/core';
import { parseProgrammeReportOptions } from './programmeReportOptions';
import { programmeReportHtml } from './programmeReportHtml';

export { PROGRAMME_REPORT_USAGE, isProgrammeReport } from './programmeReportOptions';

/** The PACS URL as the report prints it: without user name or password, should the URL carry them. */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\/+$/, '');
}

/**
 * `segqc report --pacs URL --html OUT.html`: the programme read from the PACS as `segqc drift` reads
 * it (progress on stderr), written as one self-contained HTML file with the dashboard's charts and
 * tables and the QC overview; one line on stdout says what was written.
 */
export async function runProgrammeReport(args: string[], out: (text: string) => void, dependencies: ReadDependencies & { now?: () => number } = {}): Promise<number> {
  const options = parseProgrammeReportOptions(args);
  const { programme, studies } = await readProgramme(options, 'report', dependencies);
  const caseName = (uid: string) => caseLabel(studies.get(uid), uid);
  const generatedAt = new Date(dependencies.now?.() ?? Date.now());
  writeFileSync(options.html, programmeReportHtml({ pacs: withoutCredentials(options.pacs), generatedAt, programme, studies, caseName }));
  const due = recalibrationsDue(programme.reliability.drift);
  out(`wrote ${options.html}: ${programme.reliability.drift.length} drift charts from ${programme.observed.length} of ${programme.inventory.cases.length} cases, `
    + `${due.length === 0 ? 'no recalibration due' : `recalibration due for ${due.length} annotator${due.length === 1 ? '' : 's'}`}${programme.skipped.length > 0 ? `, ${programme.skipped.length} left out` : ''}\n`);
  return 0;
}
