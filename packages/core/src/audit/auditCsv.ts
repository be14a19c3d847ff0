/**
 * Audit rows as CSV (RFC 4180: comma-separated, CRLF, a header line, fields with a comma, quote or
 * line break quoted and quotes doubled). A text that a spreadsheet would run as a formula (it
 * starts with =, +, -, @, tab or CR, e.g. a self-declared name "=HYPERLINK(…)") is written with a
 * leading apostrophe (OWASP "CSV injection"); numbers are written as they are.
 */
import type { AuditColumn, AuditRow } from './auditRows';

export function auditCsv(columns: readonly AuditColumn[], rows: readonly AuditRow[]): string {
  const lines = [columns.map(field).join(',')];
  for (const row of rows) lines.push(columns.map((column) => field(row[column] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

function field(value: string): string {
  const safe = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
