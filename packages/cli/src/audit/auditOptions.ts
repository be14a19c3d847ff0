import type { Credential } from '../auth/Credential';
import { CREDENTIAL_USAGE } from '../auth/credentialFlags';
import { resolveCredential } from '../auth/resolveCredential';
import { dicomwebRootOption } from '../dicomwebRootOption';
import { UsageError } from '../usageError';

export const AUDIT_EXPORT_USAGE =
  `segqc audit export --pacs URL ${CREDENTIAL_USAGE} (--study UID [UID...] | --all) --out FILE.csv|FILE.json [--include-patient-identifiers] [--trust-store FILE]`;
export const AUDIT_VERIFY_USAGE = `segqc audit verify --pacs URL ${CREDENTIAL_USAGE} (--study UID [UID...] | --all) [--journal FILE] [--trust-store FILE]`;
export const AUDIT_USAGE = `${AUDIT_EXPORT_USAGE}\n  ${AUDIT_VERIFY_USAGE}`;

/** The DICOMweb root to read and how to get the access token to send (never printed). */
export interface AuditPacs {
  url: string;
  credential: Credential;
}

export interface AuditOptions {
  action: 'export' | 'verify';
  pacs: AuditPacs;
  /** The studies to audit; `'all'`: every study the PACS lists (QIDO-RS /studies). */
  studies: string[] | 'all';
  /** export: the file to write; its extension says the format. */
  out: string | null;
  format: 'csv' | 'json' | null;
  includePatientIdentifiers: boolean;
  /** verify: the gateway's journal of writes to check the PACS against (SEGQC_JOURNAL_FILE), or null. */
  journal: string | null;
  /**
   * The PEM file of the CA certificates trusted to issue signer certificates (--trust-store, else
   * SEGQC_TRUST_STORE), or null: signatures are checked, their certificates are not.
   */
  trustStore: string | null;
}

const UID = /^[0-9]+(\.[0-9]+)*$/;

/** Parses the arguments after `segqc audit`. */
export function parseAuditOptions(args: string[], env: NodeJS.ProcessEnv = process.env): AuditOptions {
  const [action, ...rest] = args;
  if (action !== 'export' && action !== 'verify') {
    throw new UsageError(action === undefined ? `audit needs export or verify; usage: ${AUDIT_USAGE}` : `audit has export and verify, not '${action}'; usage: ${AUDIT_USAGE}`);
  }
  const usage = action === 'export' ? AUDIT_EXPORT_USAGE : AUDIT_VERIFY_USAGE;
  const values = new Map<string, string>();
  const studies: string[] = [];
  let all = false;
  let includePatientIdentifiers = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--pacs' || arg === '--token' || arg === '--token-file' || (arg === '--out' && action === 'export') || (arg === '--journal' && action === 'verify') || arg === '--trust-store') {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value; usage: ${usage}`);
      if (values.has(arg)) throw new UsageError(`${arg} is given twice`);
      values.set(arg, value);
      i++;
    } else if (arg === '--study') {
      const first = studies.length;
      while (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--')) studies.push(rest[++i]);
      if (studies.length === first) throw new UsageError(`--study needs one or more Study Instance UIDs; usage: ${usage}`);
    } else if (arg === '--all') {
      all = true;
    } else if (arg === '--include-patient-identifiers' && action === 'export') {
      includePatientIdentifiers = true;
    } else {
      throw new UsageError(`${arg.startsWith('--') ? `unknown option ${arg}` : `unexpected argument '${arg}'`}; usage: ${usage}`);
    }
  }
  for (const uid of studies) if (!UID.test(uid) || uid.length > 64) throw new UsageError(`--study takes Study Instance UIDs (digits and dots, at most 64), got '${uid}'`);
  if (all && studies.length > 0) throw new UsageError('give --study UID ... or --all, not both');
  if (!all && studies.length === 0) throw new UsageError(`audit ${action} needs the studies: --study UID [UID...] or --all; usage: ${usage}`);

  const url = values.get('--pacs');
  if (url === undefined) throw new UsageError(`audit ${action} needs --pacs URL, the DICOMweb root of the PACS; usage: ${usage}`);
  const pacs = { url: dicomwebRootOption(url, '--pacs'), credential: resolveCredential({ tokenFile: values.get('--token-file'), token: values.get('--token') }, env) };

  let out: string | null = null;
  let format: AuditOptions['format'] = null;
  if (action === 'export') {
    out = values.get('--out') ?? null;
    if (out === null) throw new UsageError(`audit export needs --out FILE.csv or FILE.json; usage: ${usage}`);
    const extension = /\.(csv|json)$/i.exec(out)?.[1]?.toLowerCase();
    if (extension !== 'csv' && extension !== 'json') throw new UsageError(`--out ${out}: the file name ends in .csv or .json, which says the format`);
    format = extension;
  }
  return { action, pacs, studies: all ? 'all' : studies, out, format, includePatientIdentifiers, journal: values.get('--journal') ?? null, trustStore: values.get('--trust-store') ?? (env['SEGQC_TRUST_STORE'] || null) };
}
