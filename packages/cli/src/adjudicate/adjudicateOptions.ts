import type { ReportSigner } from '@segqc/gateway';
import { DicomValueError, QC_REASONS, checkUid, type QcReasonInit, type QcReasonKey } from '@segqc/core';
import { CREDENTIAL_FLAGS, CREDENTIAL_USAGE } from '../auth/credentialFlags';
import type { Credential } from '../auth/Credential';
import { resolveCredential } from '../auth/resolveCredential';
import { reportSignerOfFiles, SIGNING_FLAGS, SIGNING_USAGE } from '../auth/reportSignerOfFiles';
import { dicomwebRootOption } from '../dicomwebRootOption';
import { UsageError } from '../usageError';

/** The reference the adjudicator chose for the chosen structures: one annotator's segment (by login), or a consensus of all. */
export type AcceptChoice = { kind: 'annotator'; login: string } | { kind: 'majority' } | { kind: 'staple' };

/** How the cases are adjudicated. */
export type AdjudicateMode =
  /** One case, decided on the command line as the viewer's Sign does. */
  | { kind: 'decide'; study: string; accept: AcceptChoice; structures: string[]; reasons: QcReasonInit[] }
  /** Every case whose every pair passes the SOP gets the consensus reference, recorded as automatic. */
  | { kind: 'auto'; method: 'majority' | 'staple'; studies: string[] | 'all' };

export interface AdjudicateOptions {
  /** DICOMweb root of the PACS, without a trailing slash. */
  pacs: string;
  /** How the access token sent with every request is had (never printed). */
  credential: Credential;
  mode: AdjudicateMode;
  /** The adjudicator's checklist items of the SOP, checked (a required one must be). */
  checked: string[];
  /** The adjudicator the objects name: the access token's user or, without one, these (self-declared; writerIdentity). */
  adjudicator: { name?: string; login?: string };
  /** SOP library folder (platform-config/sops when not given). */
  sopDir: string | null;
  /** Signs each VERIFIED QC report before it is stored (--signing-cert and --signing-key, or SEGQC_SIGNING_*_FILE); null: unsigned. */
  signer: ReportSigner | null;
  json: boolean;
}

/** The reason codes, as `--reason` takes them: QC_REASONS's keys. */
export const REASON_CODES = Object.keys(QC_REASONS) as QcReasonKey[];

export const ADJUDICATE_USAGE =
  `segqc adjudicate --pacs URL ${CREDENTIAL_USAGE} --study UID --accept LOGIN|majority|staple [--structure LABEL ...] --reason CODE [--text TEXT] [--check ITEM ...] [--adjudicator NAME --login ID] ${SIGNING_USAGE} [--sop-dir DIR] [--json]\n` +
  `  segqc adjudicate --pacs URL ${CREDENTIAL_USAGE} --auto-accept-agreed [--method majority|staple] (--study UID ... | --all) [--check ITEM ...] [--adjudicator NAME --login ID] ${SIGNING_USAGE} [--sop-dir DIR] [--json]`;

/** The help's account of the reason codes. */
export const REASON_HELP = `--reason CODE: ${REASON_CODES.join(', ')} (other needs --text TEXT)`;

/** The names adjudicate gives the writer of its objects, for writerIdentity's messages. */
export const ADJUDICATE_WRITER_FLAGS = { name: '--adjudicator', login: '--login' } as const;

const SINGLE = ['--pacs', ...CREDENTIAL_FLAGS, ...SIGNING_FLAGS, '--accept', '--text', '--adjudicator', '--login', '--sop-dir', '--method'] as const;
type Single = (typeof SINGLE)[number];
const REPEATED = ['--study', '--structure', '--reason', '--check'] as const;
type Repeated = (typeof REPEATED)[number];

const usage = (message: string) => new UsageError(`${message}; usage: ${ADJUDICATE_USAGE.replace(/\n {2}/, ' | ')}`);

/**
 * Parses the arguments after `segqc adjudicate`. `--study`, `--structure`, `--reason` and `--check`
 * take one or more values each (a value does not start with --) and may be repeated. The token and
 * signing files are read here; the signer certificate must be valid at `now`.
 */
export function parseAdjudicateOptions(args: string[], env: NodeJS.ProcessEnv = process.env, now: Date = new Date()): AdjudicateOptions {
  const single = new Map<Single, string>();
  const repeated = new Map<Repeated, string[]>(REPEATED.map((flag) => [flag, []]));
  let auto = false;
  let all = false;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if ((REPEATED as readonly string[]).includes(arg)) {
      const start = i;
      while (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) repeated.get(arg as Repeated)!.push(args[++i]);
      if (i === start) throw usage(`${arg} needs a value`);
    } else if ((SINGLE as readonly string[]).includes(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw usage(`${arg} needs a value`);
      if (single.has(arg as Single)) throw new UsageError(`${arg} is given twice`);
      single.set(arg as Single, value);
      i++;
    } else if (arg === '--auto-accept-agreed') {
      auto = true;
    } else if (arg === '--all') {
      all = true;
    } else if (arg === '--json') {
      json = true;
    } else {
      throw usage(`${arg.startsWith('--') ? 'unknown option' : 'unexpected argument'} ${arg}`);
    }
  }

  const pacs = single.get('--pacs');
  if (pacs === undefined) throw usage('adjudicate needs --pacs URL, the DICOMweb root of the PACS');
  const studies = [...new Set(repeated.get('--study')!)];
  for (const study of studies) {
    try {
      checkUid(study, '--study');
    } catch (error) {
      if (error instanceof DicomValueError) throw new UsageError(`--study ${study} is not a Study Instance UID (digits and dots, PS3.5 9.1)`);
      throw error;
    }
  }

  const mode = auto ? autoMode(single, repeated, studies, all) : decideMode(single, repeated, studies, all);
  return {
    pacs: dicomwebRootOption(pacs, '--pacs'),
    credential: resolveCredential({ tokenFile: single.get('--token-file'), token: single.get('--token') }, env),
    mode,
    checked: [...new Set(repeated.get('--check')!)],
    adjudicator: {
      ...(single.has('--adjudicator') ? { name: single.get('--adjudicator')! } : {}),
      ...(single.has('--login') ? { login: single.get('--login')! } : {}),
    },
    sopDir: single.get('--sop-dir') ?? null,
    signer: reportSignerOfFiles({ certificateFile: single.get('--signing-cert'), keyFile: single.get('--signing-key') }, env, now),
    json,
  };
}

function autoMode(single: Map<Single, string>, repeated: Map<Repeated, string[]>, studies: string[], all: boolean): AdjudicateMode {
  for (const flag of ['--accept', '--text'] as const) {
    if (single.has(flag)) throw new UsageError(`${flag} is for deciding one case; --auto-accept-agreed writes the ${single.get('--method') ?? 'majority'} reference and records its own reason`);
  }
  for (const flag of ['--structure', '--reason'] as const) {
    if (repeated.get(flag)!.length > 0) throw new UsageError(`${flag} is for deciding one case; --auto-accept-agreed decides every structure and records its own reason`);
  }
  const method = single.get('--method') ?? 'majority';
  if (method !== 'majority' && method !== 'staple') throw new UsageError(`--method is majority or staple, not '${method}'`);
  if (all && studies.length > 0) throw new UsageError('give --study UID ... or --all, not both');
  if (!all && studies.length === 0) throw usage('--auto-accept-agreed needs the cases: --study UID ... or --all');
  return { kind: 'auto', method, studies: all ? 'all' : studies };
}

function decideMode(single: Map<Single, string>, repeated: Map<Repeated, string[]>, studies: string[], all: boolean): AdjudicateMode {
  if (all) throw new UsageError('--all goes with --auto-accept-agreed; adjudicate decides one case (--study UID)');
  if (single.has('--method')) throw new UsageError('--method goes with --auto-accept-agreed; to decide a case give --accept LOGIN|majority|staple');
  if (studies.length !== 1) throw usage(studies.length === 0 ? 'adjudicate needs the case: --study UID (or --auto-accept-agreed)' : 'adjudicate decides one case: give one --study UID (or --auto-accept-agreed)');
  const acceptText = single.get('--accept');
  if (acceptText === undefined) throw usage('adjudicate needs the reference: --accept LOGIN (an annotator\'s segment), majority or staple');
  const accept: AcceptChoice = acceptText === 'majority' || acceptText === 'staple' ? { kind: acceptText } : { kind: 'annotator', login: acceptText };
  return { kind: 'decide', study: studies[0], accept, structures: [...new Set(repeated.get('--structure')!)], reasons: reasonsOf(repeated.get('--reason')!, single.get('--text')) };
}

/** The coded reasons: QC_REASONS's keys, each once; the words of `other` from --text, which goes with it alone. */
function reasonsOf(codes: readonly string[], text: string | undefined): QcReasonInit[] {
  if (codes.length === 0) throw usage(`adjudicate needs why: --reason CODE, one of ${REASON_CODES.join(', ')}`);
  const reasons: QcReasonInit[] = [];
  for (const code of codes) {
    if (!(REASON_CODES as string[]).includes(code)) throw new UsageError(`--reason ${code} is not a QC reason code; give one of ${REASON_CODES.join(', ')}`);
    if (reasons.some((reason) => reason.reason === code)) throw new UsageError(`--reason ${code} is given twice`);
    reasons.push(code === 'other' ? { reason: 'other', text: text ?? '' } : { reason: code as QcReasonKey });
  }
  const other = reasons.find((reason) => reason.reason === 'other');
  if (other && (text === undefined || text.trim() === '')) throw new UsageError('--reason other needs its words: --text TEXT');
  if (!other && text !== undefined) throw new UsageError('--text gives the words of --reason other; the other reason codes carry none');
  if (other) other.text = text!.trim();
  return reasons;
}
