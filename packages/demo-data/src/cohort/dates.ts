/** DICOM DA arithmetic on fixed dates (the cohort never reads the clock). */

/** `yyyymmdd` + `days`, as DA. */
export function addDays(yyyymmdd: string, days: number): string {
  const date = new Date(Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8)) + days));
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (both DA). */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** TM `HHMMSS` + seconds. */
export function addSeconds(time: string, seconds: number): string {
  const total = Number(time.slice(0, 2)) * 3600 + Number(time.slice(2, 4)) * 60 + Number(time.slice(4, 6)) + seconds;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600) % 24)}${pad(Math.floor(total / 60) % 60)}${pad(total % 60)}`;
}

/** DA and TM as a Date in local time, the time zone DICOM DA/TM are read in (PS3.5 6.2). */
export function localDateTime(date: string, time: string): Date {
  const part = (text: string, from: number, to: number): number => Number(text.slice(from, to));
  return new Date(part(date, 0, 4), part(date, 4, 6) - 1, part(date, 6, 8), part(time, 0, 2), part(time, 2, 4), part(time, 4, 6));
}
