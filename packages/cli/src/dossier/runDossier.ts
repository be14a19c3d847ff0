import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { journalOf } from '../audit/runAudit';
import { readTrustStore } from '../audit/trustStore';
import { readProgramme, type ReadDependencies } from '../drift/readProgramme';
import { jsonOutput } from '../jsonOutput';
import { withoutCredentials } from '../programmeReport/runProgrammeReport';
import { defaultSopDir, readSopLibrary } from '../qc/sopLibrary';
import { terminalLines } from '../terminalLines';
import { dossierDocument } from './dossierDocument';
import { dossierHtml } from './dossierHtml';
import { parseDossierOptions } from './dossierOptions';
import { metricConventionsText } from './metricConventionsText';
import { checkChromium, printPdf } from './printPdf';
import { readAuditTrail } from './readAuditTrail';

export { DOSSIER_USAGE } from './dossierOptions';

export interface DossierDependencies extends ReadDependencies {
  /** The Chromium that prints the PDF; Debian's /usr/bin/chromium by default. */
  chromium?: string;
}

/**
 * `segqc dossier --pacs URL --out DIR`: the QC dossier of a regulatory submission — dossier.json,
 * the self-contained dossier.html made from it, and dossier.pdf printed from that by Chromium. Its
 * numbers are those of the commands it gathers: the audit trail of `segqc audit export`, the
 * findings of `segqc audit verify`, the programme of `segqc drift --json` (progress on stderr).
 * Patient names and IDs only with --include-patient-identifiers.
 */
export async function runDossier(args: string[], out: (text: string) => void, dependencies: DossierDependencies = {}): Promise<number> {
  const options = parseDossierOptions(args);
  checkChromium(dependencies.chromium);
  const conventions = metricConventionsText();
  const sopDir = options.sopDir ?? defaultSopDir();
  const library = readSopLibrary(sopDir);
  const files = library.sops.map((entry) => ({ ...entry, json: JSON.parse(readFileSync(entry.file, 'utf8')) as unknown }));
  const journal = options.journal === null ? null : { file: options.journal, ...journalOf(options.journal, out) };
  const trustedCertificates = options.trustStore === null ? null : readTrustStore(options.trustStore);
  const now = dependencies.now ?? Date.now;

  const { programme, studies, seconds } = await readProgramme(options, 'dossier', { ...dependencies, sops: library.sops.map((entry) => entry.sop) });
  const trail = await readAuditTrail({
    pacs: options.pacs, credential: options.credential, journal: journal?.records ?? null, trustedCertificates, fetch: dependencies.fetch, grant: dependencies.grant,
    progress: dependencies.progress ?? process.stderr, now,
  });
  const dossier = dossierDocument({
    pacs: withoutCredentials(options.pacs), generatedAt: new Date(now()), includePatientIdentifiers: options.includePatientIdentifiers,
    trail, journal: journal && { file: journal.file, records: journal.records?.length ?? null }, trustStore: options.trustStore,
    programme, studies, seconds, sopLibrary: { dir: sopDir, files, invalid: library.invalid }, conventions,
  });

  mkdirSync(options.out, { recursive: true });
  const [jsonFile, htmlFile, pdfFile] = ['dossier.json', 'dossier.html', 'dossier.pdf'].map((name) => join(options.out, name));
  writeFileSync(jsonFile, jsonOutput(dossier));
  writeFileSync(htmlFile, dossierHtml(dossier));
  await printPdf(htmlFile, pdfFile, dependencies.chromium);

  const findings = dossier.verification.cases.reduce((n, c) => n + c.findings.length, 0);
  out(terminalLines(`wrote ${jsonFile}, ${htmlFile} and ${pdfFile}: ${dossier.cases.length} cases, ${dossier.roster.length} people, `
    + `${findings === 0 ? 'no finding' : `${findings} finding${findings === 1 ? '' : 's'}`} of audit verify, ${dossier.selfDeclaredAdjudications.length} self-declared unsigned adjudication${dossier.selfDeclaredAdjudications.length === 1 ? '' : 's'}, `
    + `${dossier.recalibrationsDue.length} recalibration${dossier.recalibrationsDue.length === 1 ? '' : 's'} due${options.includePatientIdentifiers ? ', with patient identifiers' : ', without patient identifiers'}`));
  return 0;
}
