/**
 * Value checks for the DICOM Value Representations the writers emit (PS3.5 §6.2). Each returns
 * the value it accepted, or throws a DicomValueError naming `path`.
 */
import { DicomValueError } from './DicomValueError';

// PS3.5 6.1.3: LO/SH/PN/LT exclude control characters other than ESC (and, for LO/SH/PN, the
// backslash, which is the value delimiter).
const CONTROL = /[\u0000-\u001a\u001c-\u001f\u007f]/;

/** CS: uppercase letters, digits, space and underscore, at most 16 characters. */
export function checkCodeString(value: string, path: string): string {
  if (!/^[A-Z0-9 _]*$/.test(value)) throw new DicomValueError(path, `"${value}" is not a Code String (only A-Z, 0-9, space, _)`);
  if (value.length > 16) throw new DicomValueError(path, `"${value}" is longer than 16 characters (CS)`);
  return value;
}

/** A non-empty CS. */
export function checkRequiredCodeString(value: string, path: string): string {
  if (value.trim() === '') throw new DicomValueError(path, 'is required (type 1) and must not be empty');
  return checkCodeString(value, path);
}

function checkText(value: string, path: string, vr: string, maxLength: number, required: boolean): string {
  if (typeof value !== 'string') throw new DicomValueError(path, `must be a string (${vr})`);
  if (required && value.trim() === '') throw new DicomValueError(path, 'is required (type 1) and must not be empty');
  if (value.length > maxLength) throw new DicomValueError(path, `is ${value.length} characters, more than the ${maxLength} of ${vr}`);
  if (value.includes('\\')) throw new DicomValueError(path, `must not contain a backslash (the ${vr} value delimiter)`);
  if (CONTROL.test(value)) throw new DicomValueError(path, 'must not contain control characters');
  return value;
}

/** LO: at most 64 characters, no backslash or control characters. */
export function checkLongString(value: string, path: string, { required = true } = {}): string {
  return checkText(value, path, 'LO', 64, required);
}

/** SH: at most 16 characters, no backslash or control characters. */
export function checkShortString(value: string, path: string, { required = true } = {}): string {
  return checkText(value, path, 'SH', 16, required);
}

/** UC: unlimited characters (we cap at 1024 for sanity), no backslash or control characters. */
export function checkUnlimitedCharacters(value: string, path: string): string {
  return checkText(value, path, 'UC', 1024, true);
}

// PS3.5 6.2: ST and LT allow the format effectors CR, LF, FF and ESC, and the backslash.
const TEXT_CONTROL = /[\u0000-\u0009\u000b\u000e-\u001a\u001c-\u001f\u007f]/;

/** ST: a required text of at most 1024 characters, no control characters but CR, LF, FF and ESC. */
export function checkShortText(value: string, path: string): string {
  if (typeof value !== 'string') throw new DicomValueError(path, 'must be a string (ST)');
  if (value.trim() === '') throw new DicomValueError(path, 'is required (type 1) and must not be empty');
  if (value.length > 1024) throw new DicomValueError(path, `is ${value.length} characters, more than the 1024 of ST`);
  if (TEXT_CONTROL.test(value)) throw new DicomValueError(path, 'must not contain control characters other than CR, LF, FF and ESC');
  return value;
}

/**
 * PN: up to three component groups (alphabetic=ideographic=phonetic), each at most 64 characters
 * and 5 `^`-separated components (family^given^middle^prefix^suffix).
 */
export function checkPersonName(value: string, path: string, { required = true } = {}): string {
  if (typeof value !== 'string') throw new DicomValueError(path, 'must be a string (PN)');
  if (required && value.replace(/[\^=]/g, '').trim() === '') throw new DicomValueError(path, 'is required and must name a person');
  const groups = value.split('=');
  if (groups.length > 3) throw new DicomValueError(path, 'has more than 3 component groups (PN)');
  for (const group of groups) {
    if (group.length > 64) throw new DicomValueError(path, `component group "${group}" is longer than 64 characters (PN)`);
    if (group.split('^').length > 5) throw new DicomValueError(path, `"${group}" has more than 5 components (PN)`);
  }
  if (value.includes('\\')) throw new DicomValueError(path, 'must not contain a backslash (PN)');
  if (CONTROL.test(value)) throw new DicomValueError(path, 'must not contain control characters');
  return value;
}

/** DA: YYYYMMDD, a real calendar date. */
export function checkDate(value: string, path: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) throw new DicomValueError(path, `"${value}" is not a DICOM date YYYYMMDD (DA)`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new DicomValueError(path, `"${value}" is not a calendar date`);
  }
  return value;
}

/** TM: HH, HHMM, HHMMSS or HHMMSS.F{1,6}. */
export function checkTime(value: string, path: string): string {
  if (!/^([01]\d|2[0-3])([0-5]\d([0-5]\d(\.\d{1,6})?)?)?$/.test(value)) {
    throw new DicomValueError(path, `"${value}" is not a DICOM time HHMMSS[.FFFFFF] (TM)`);
  }
  return value;
}

/** UI: at most 64 characters, dot-separated decimal components without leading zeros (PS3.5 9.1). */
export function checkUid(value: string, path: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64 || !/^(0|[1-9]\d*)(\.(0|[1-9]\d*))+$/.test(value)) {
    throw new DicomValueError(path, `"${String(value)}" is not a valid UID (PS3.5 9.1)`);
  }
  return value;
}

/** IS: an integer in the range of a signed 32-bit value. */
export function checkIntegerString(value: number, path: string, { min = -(2 ** 31), max = 2 ** 31 - 1 } = {}): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DicomValueError(path, `${String(value)} is not an integer in [${min}, ${max}]`);
  }
  return value;
}

/** US: an integer 0..65535. */
export function checkUnsignedShort(value: number, path: string, { min = 0 } = {}): number {
  return checkIntegerString(value, path, { min, max: 65535 });
}

/** DS: a finite number (dcmjs formats it to at most 16 characters). */
export function checkDecimal(value: number, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new DicomValueError(path, `${String(value)} is not a finite number (DS)`);
  return value;
}
