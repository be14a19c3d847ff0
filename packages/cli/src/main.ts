/** `segqc`: SegQC on the command line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDENTIAL_HELP } from './auth/credentialFlags';
import { terminalLines } from './terminalLines';
import { UsageError } from './usageError';

const { version } = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

/**
 * `segqc --help`. Built on demand: the usage lines live beside each command's options, and some of
 * those modules load the PACS client and signing code that `compare` and `seg` never need.
 */
function usage(): string {
  const { ADJUDICATE_USAGE, REASON_CODES } = require('./adjudicate/adjudicateOptions') as typeof import('./adjudicate/adjudicateOptions');
  const { AUDIT_USAGE } = require('./audit/auditOptions') as typeof import('./audit/auditOptions');
  const { COMPARE_USAGE } = require('./compare/compareOptions') as typeof import('./compare/compareOptions');
  const { DOSSIER_USAGE } = require('./dossier/dossierOptions') as typeof import('./dossier/dossierOptions');
  const { DRIFT_USAGE } = require('./drift/driftOptions') as typeof import('./drift/driftOptions');
  const { PROGRAMME_REPORT_USAGE } = require('./programmeReport/programmeReportOptions') as typeof import('./programmeReport/programmeReportOptions');
  const { QC_USAGE } = require('./qc/qcOptions') as typeof import('./qc/qcOptions');
  const { REPORT_USAGE } = require('./report/reportOptions') as typeof import('./report/reportOptions');
  const { SEG_USAGE } = require('./seg/segOptions') as typeof import('./seg/segOptions');
  const { SYNC_USAGE } = require('./sync/syncOptions') as typeof import('./sync/syncOptions');
  return `segqc ${version} — quality control of medical image segmentation on any DICOMweb PACS

Usage: segqc <command> [options]

Commands:
  ${COMPARE_USAGE}
      agreement of two segmentations (DICOM SEG, NRRD, NIfTI) per structure: Dice, Jaccard,
      volumes, HD, HD95, ASSD, NSD and lesion detection; a table, or one JSON object with --json
  ${SEG_USAGE}
      NRRD/NIfTI label volumes on their source series as one BINARY DICOM SEG, described by META
      (segment labels, SNOMED codes, colours, creator, role, SOP); see packages/cli/schemas/seg-meta.schema.json
  ${REPORT_USAGE}
      compares two or more annotations of a case and writes the QC report as a DICOM SR (TID 1500)
  ${PROGRAMME_REPORT_USAGE}
      the programme report as one self-contained HTML file (inline CSS and SVG): drift charts,
      recalibration due, pairwise agreement, kappa and alpha with intervals, calibration scores and
      the QC overview of every case, read from the PACS as segqc drift reads it
  ${QC_USAGE}
      agreement of every case of the PACS with two or more annotations of one series, judged against
      the SOP in force, in parallel worker threads; resumable (--state), optionally storing a review
      QC report per case; progress on stderr, a summary or one JSON document (--json) on stdout
  ${SYNC_USAGE}
      keeps the programme's case store (DIR) in step with the PACS: each case judged as qc judges it,
      once per case version (its SEGs and SRs, the SOP library, the engine), cases gone from the PACS
      forgotten; the QC overview reads it through the gateway (SEGQC_CASE_STORE). Once, or a pass
      every --watch seconds, every --full-every'th pass (30) asking every study again
  ${ADJUDICATE_USAGE}
      the viewer's Sign for batch workflows: the ADJUDICATED reference SEG and the VERIFIED QC report
      (revising the study's latest), stored by STOW-RS; --accept LOGIN takes that annotator's segment
      of the --structure structures (all when none), majority or staple the consensus; --reason CODE,
      one of: ${REASON_CODES.join(', ')}
      (other with --text TEXT); --check ITEM checks the SOP's adjudicator checklist items.
      --auto-accept-agreed gives every case whose every pair passed the SOP (segqc qc's verdict) its
      majority (or --method staple) reference, recorded as automatic (reason other: "automatic:
      every pair passed SOP@VERSION, METHOD"); cases already adjudicated are skipped. The adjudicator is the access token's user, else --adjudicator NAME --login ID
      (self-declared). One line per case (or --json); exit 1 when a case could not be adjudicated
  ${AUDIT_USAGE}
      the audit trail of each case from the PACS (annotations, reference SEGs, QC reports: who, when,
      SOP, decisions, metrics, hashes, predecessors); export writes CSV or JSON (patient name and ID
      only with --include-patient-identifiers); verify recomputes the hashes, checks every referenced
      object and walks the predecessor chains, one line per finding, exit 1 when there is any
  ${DRIFT_USAGE}
      the drift control chart (EWMA of each annotator's Dice against the case's reference) of every
      annotator × structure × modality, who is due for recalibration and the calibration cases to
      redo; progress on stderr, a table and a summary (or --json); exit 1 while an alarm is in force
  ${DOSSIER_USAGE}
      the QC dossier of a regulatory submission in DIR: dossier.json, a self-contained dossier.html
      and dossier.pdf (printed by Debian's chromium): the roster with identities and calibration, the
      SOP versions (--sop-dir, the repository's by default) and their changes, each case's audit trail
      as audit export writes it, the agreement, escalation and drift numbers of drift --json, audit
      verify on every case (with --journal FILE, --trust-store FILE), the self-declared unsigned
      adjudications, the metric conventions

Options:
  -h, --help       show this help
  -V, --version    print the version

${CREDENTIAL_HELP}`;
}

/**
 * Errors of the input (a malformed file, another grid, a bad argument) and of the PACS's answers
 * (refused, unreachable, the access token refused or not issued): one line, no stack.
 */
const INPUT_ERRORS = new Set([
  'UsageError', 'SegParseError', 'GeometryMismatchError', 'DicomValueError', 'LabelVolumeError', 'CompressedDataError', 'MetricInputError', 'SegValueError',
  'StatsInputError', 'StowError', 'StowInputError', 'DicomwebReadError', 'CredentialError', 'TokenRequestError', 'PacsAccessError', 'DossierError',
]);
/** What the user gave is wrong (exit code 2), as opposed to what came of it (1). */
const USAGE_ERRORS = new Set(['UsageError', 'CredentialError']);

/** Prints an input error as one line and gives its exit code; rethrows anything else. */
function reportError(error: unknown, err: (text: string) => void): number {
  const { code, path } = error as NodeJS.ErrnoException;
  if (code === 'ENOENT' || code === 'EACCES') {
    err(terminalLines(`segqc: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : 'permission denied'}`));
    return 2;
  }
  if (!(error instanceof Error) || !INPUT_ERRORS.has(error.name)) throw error;
  // The message may quote the PACS (a name, a label, why an object is unreadable).
  err(terminalLines(`segqc: ${error.message}`));
  return USAGE_ERRORS.has(error.name) ? 2 : 1;
}

/** Runs the command line; returns the process exit code (a promise for commands that talk to a PACS). */
export function run(args: string[], out: (text: string) => void, err: (text: string) => void): number | Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '-h' || command === '--help') {
    out(usage());
    return command === undefined ? 2 : 0;
  }
  if (command === '-V' || command === '--version') {
    out(`${version}\n`);
    return 0;
  }
  try {
    const code = dispatch(command, rest, out);
    return typeof code === 'number' ? code : code.catch((error: unknown) => reportError(error, err));
  } catch (error) {
    return reportError(error, err);
  }
}

type Command = (rest: string[], out: (text: string) => void) => number | Promise<number>;

/**
 * Each command's module, loaded when the command runs, not at start: a whole `segqc compare`
 * process then loads the label volume and metric code only, not the PACS client, the signing and
 * the report writers the other commands use.
 */
const COMMANDS: Readonly<Record<string, () => Command>> = {
  compare: () => (require('./compare/runCompare') as typeof import('./compare/runCompare')).runCompare,
  seg: () => (require('./seg/runSeg') as typeof import('./seg/runSeg')).runSeg,
  report: () => (rest, out) => {
    const { isProgrammeReport } = require('./programmeReport/programmeReportOptions') as typeof import('./programmeReport/programmeReportOptions');
    if (isProgrammeReport(rest)) return (require('./report/runReport') as typeof import('./report/runReport')).runReport(rest, out);
    return (require('./signedInReport') as typeof import('./signedInReport')).runSignedInReport(rest, out);
  },
  qc: () => (require('./qc/runQc') as typeof import('./qc/runQc')).runQc,
  audit: () => (require('./audit/runAudit') as typeof import('./audit/runAudit')).runAudit,
  adjudicate: () => (require('./adjudicate/runAdjudicate') as typeof import('./adjudicate/runAdjudicate')).runAdjudicate,
  sync: () => (require('./sync/runSync') as typeof import('./sync/runSync')).runSync,
  drift: () => (require('./drift/runDrift') as typeof import('./drift/runDrift')).runDrift,
  dossier: () => (require('./dossier/runDossier') as typeof import('./dossier/runDossier')).runDossier,
};

function dispatch(command: string, rest: string[], out: (text: string) => void): number | Promise<number> {
  if (!Object.hasOwn(COMMANDS, command)) throw new UsageError(`unknown command or option '${command}'; see segqc --help`);
  return COMMANDS[command]()(rest, out);
}

export function main(): void {
  void Promise.resolve(run(process.argv.slice(2), (t) => process.stdout.write(t), (t) => process.stderr.write(t))).then((code) => {
    process.exitCode = code;
  });
}
