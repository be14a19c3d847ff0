import { QC_ROLES, type QcRole } from '@segqc/core';
import { pacsTarget, type PacsTarget } from '../pacsTarget';
import { UsageError } from '../usageError';

export interface ReportOptions {
  /** The annotations: DICOM SEG files, in the order A, B, C, … */
  segs: string[];
  /** Folder holding the source series of the SEGs. */
  source: string;
  out: string;
  observer: { name: string; login: string; role: QcRole; organization?: string } | null;
  /** A SOP JSON file; its id, version and canonical-JSON SHA-256 go into the report. */
  sop: string | null;
  /** An earlier QC report this one revises. */
  revises: string | null;
  /** Sign off: COMPLETE, VERIFIED, the observer as Verifying Observer. */
  sign: boolean;
  /** Also store the report in this PACS (STOW-RS). */
  pacs: PacsTarget | null;
}

export const REPORT_USAGE =
  'segqc report A B [C...] --source DIR --out SR.dcm [--observer NAME --login ID --role reviewer|adjudicator|reader] [--organization NAME] [--sop FILE] [--revises SR.dcm] [--sign] [--stow URL [--token-file FILE]]';

const FLAGS = ['--source', '--out', '--observer', '--login', '--role', '--organization', '--sop', '--revises', '--stow', '--token', '--token-file'] as const;
type Flag = (typeof FLAGS)[number];

/** Parses the arguments after `segqc report`. */
export function parseReportOptions(args: string[]): ReportOptions {
  const segs: string[] = [];
  const values = new Map<Flag, string>();
  let sign = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if ((FLAGS as readonly string[]).includes(arg)) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value; usage: ${REPORT_USAGE}`);
      if (values.has(arg as Flag)) throw new UsageError(`${arg} is given twice`);
      values.set(arg as Flag, value);
      i++;
    } else if (arg === '--sign') {
      sign = true;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}; usage: ${REPORT_USAGE}`);
    } else {
      segs.push(arg);
    }
  }
  if (segs.length < 2) throw new UsageError(`report compares at least two annotations (SEG files), got ${segs.length}; usage: ${REPORT_USAGE}`);
  const source = values.get('--source');
  if (source === undefined) throw new UsageError(`report needs --source DIR, the folder of the SEGs' source series; usage: ${REPORT_USAGE}`);
  const out = values.get('--out');
  if (out === undefined) throw new UsageError(`report needs --out SR.dcm, the file to write; usage: ${REPORT_USAGE}`);

  const name = values.get('--observer');
  const login = values.get('--login');
  const role = values.get('--role');
  const organization = values.get('--organization');
  if ((name === undefined) !== (login === undefined)) throw new UsageError('--observer NAME and --login ID go together: the report names the person by both');
  if (name === undefined && (role !== undefined || organization !== undefined)) throw new UsageError(`${role !== undefined ? '--role' : '--organization'} describes the observer: give --observer NAME --login ID too`);
  if (role !== undefined && !(QC_ROLES as readonly string[]).includes(role)) throw new UsageError(`--role is ${QC_ROLES.join(', ')}, not '${role}'`);
  if (sign && name === undefined) throw new UsageError('--sign needs the person who signs: --observer NAME --login ID');
  const observer = name === undefined || login === undefined ? null : { name, login, role: (role ?? 'reviewer') as QcRole, ...(organization !== undefined ? { organization } : {}) };
  const pacs = pacsTarget(values.get('--stow'), values.get('--token'), values.get('--token-file'));
  return { segs, source, out, observer, sop: values.get('--sop') ?? null, revises: values.get('--revises') ?? null, sign, pacs };
}
