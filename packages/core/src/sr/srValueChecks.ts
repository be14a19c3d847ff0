/**
 * Value checks the SR adds to dicom/vrChecks.ts: UT (TextValue of a TEXT content item), DT
 * (VerificationDateTime), a SHA-256 digest. Each returns the value it accepted, or throws a
 * DicomValueError naming `path`.
 */
import { DicomValueError } from '../dicom/DicomValueError';

/** UT excludes control characters other than TAB, LF, FF, CR and ESC (PS3.5 6.2, 6.1.3). */
const UT_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/;

/** A non-empty UT (an SR TextValue): no control characters other than TAB, LF, FF, CR, ESC. */
export function checkText(value: string, path: string, { maxLength = 10_000 } = {}): string {
  if (typeof value !== 'string') throw new DicomValueError(path, 'must be a string (UT)');
  if (value.trim() === '') throw new DicomValueError(path, 'is required and must not be empty');
  if (value.length > maxLength) throw new DicomValueError(path, `is ${value.length} characters, more than the ${maxLength} SegQC writes`);
  if (UT_CONTROL.test(value)) throw new DicomValueError(path, 'must not contain control characters other than TAB, LF, FF, CR and ESC');
  return value;
}

/** A single-line UT: what a TEXT item holding an identifier or a name needs. */
export function checkSingleLineText(value: string, path: string, maxLength = 1024): string {
  checkText(value, path, { maxLength });
  if (/[\r\n\f]/.test(value)) throw new DicomValueError(path, 'must be one line');
  return value;
}

/** DT: YYYYMMDDHHMMSS with optional fraction (.F{1,6}) and UTC offset (&ZZXX), a real date and time (PS3.5 Table 6.2-1). */
export function checkDateTime(value: string, path: string): string {
  const match = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d{1,6})?([+-](\d{2})(\d{2}))?$/.exec(value) : null;
  if (!match) throw new DicomValueError(path, `"${String(value)}" is not a DICOM date-time YYYYMMDDHHMMSS[.FFFFFF][&ZZXX] (DT)`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new DicomValueError(path, `"${value}" is not a calendar date`);
  }
  if (hour > 23 || minute > 59 || second > 59) throw new DicomValueError(path, `"${value}" is not a time of day`);
  if (match[8] !== undefined && (Number(match[9]) > 14 || Number(match[10]) > 59)) throw new DicomValueError(path, `"${value}" has an impossible UTC offset`);
  return value;
}

/** 64 lowercase hex digits. */
export function checkSha256Hex(value: string, path: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) {
    throw new DicomValueError(path, `"${String(value)}" is not a SHA-256 digest (64 lowercase hex digits)`);
  }
  return value;
}

/** A finite number. */
export function checkFinite(value: number, path: string, { min = -Infinity, max = Infinity } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new DicomValueError(path, `${String(value)} is not a finite number${min > -Infinity || max < Infinity ? ` in [${min}, ${max}]` : ''}`);
  }
  return value;
}
