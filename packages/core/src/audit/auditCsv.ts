/**
 * Audit rows as CSV (RFC 4180: comma-separated, CRLF, a header line, fields with a comma or quote
 * quoted and quotes doubled). Every text is cleaned of control characters first (terminalText: a
 * name holding ESC [2J is inert in a pager, and a line break inside a value becomes a space, so a
 * value is always one line). A text that a spreadsheet would run as a formula (it starts with =,
 * +, - or @, e.g. a self-declared name "=HYPERLINK(…)") is written with a leading apostrophe
 * (OWASP "CSV injection"); numbers are written as they are.
 */
import { terminalText } from '../text/terminalText';
import type { AuditColumn, AuditRow } from './auditRows';

export function auditCsv(columns: readonly AuditColumn[], rows: readonly AuditRow[]): string {
  const lines = [columns.map(field).join(',')];
  for (const row of rows) lines.push(columns.map((column) => field(row[column] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

function field(value: string): string {
  const text = terminalText(value);
  const safe = FORMULA_START.test(text) && !NUMBER.test(text) ? `'${text}` : text;
  return /[",]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
