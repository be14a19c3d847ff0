import { PacsConnection } from './auth/PacsConnection';
import { writerIdentity } from './auth/writerIdentity';
import { parseReportOptions } from './report/reportOptions';
import { runReport } from './report/runReport';

/** The names `segqc report` gives its observer, for writerIdentity's messages. */
const REPORT_WRITER_FLAGS = { name: '--observer', login: '--login' } as const;

/**
 * `segqc report A B … --stow URL` with an access token that names its user: the report records the
 * observer (and the verifier, on --sign) as that user, authenticated — the gateway refuses a report
 * naming anyone else — so an --observer or --login naming someone else is refused before anything
 * is written. Without --stow or such a token, runReport as it is (self-declared observer).
 */
export function runSignedInReport(args: string[], out: (text: string) => void): number | Promise<number> {
  const options = parseReportOptions(args);
  if (options.pacs === null || options.pacs.credential.kind === 'none') return runReport(args, out);
  return new PacsConnection(options.pacs.credential).identity().then((identity) => {
    if (identity === null) return runReport(args, out);
    writerIdentity(options.observer ?? {}, identity, REPORT_WRITER_FLAGS);
    return runReport(args, out, identity.authentication);
  });
}
