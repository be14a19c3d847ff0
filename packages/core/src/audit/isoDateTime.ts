/**
 * DICOM dates and times as one sortable text, `YYYY-MM-DDTHH:MM:SS[.ffffff]`: DA + TM (PS3.5 6.2)
 * or DT. No time zone is added: DA, TM and DT are local time unless an offset is written, and an
 * audit row must not claim more than the object says. A TM that omits minutes or seconds (allowed
 * by PS3.5) reads as 00; an offset written in a DT is kept as it is (`+0100`).
 */
const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const TIME = /^(\d{2})(?::?(\d{2}))?(?::?(\d{2}))?(\.\d{1,6})?$/;
const DATE_TIME = /^(\d{8})(\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,6})?)?)?)?([+-]\d{4})?$/;

/** DA and TM as `YYYY-MM-DDTHH:MM:SS[.ffffff]`; undefined when the date is absent or not a DA. */
export function isoDateTime(date: string | undefined, time: string | undefined): string | undefined {
  const day = DATE.exec(date?.trim() ?? '');
  if (!day) return undefined;
  const clock = TIME.exec(time?.trim() ?? '');
  const [hours, minutes, seconds, fraction] = clock ? [clock[1], clock[2] ?? '00', clock[3] ?? '00', clock[4] ?? ''] : ['00', '00', '00', ''];
  return `${day[1]}-${day[2]}-${day[3]}T${hours}:${minutes}:${seconds}${fraction}`;
}

/** A DT (`YYYYMMDDHHMMSS[.ffffff][&ZZXX]`) in the same form; the text as it is when it is not a DT. */
export function isoFromDicomDateTime(dateTime: string): string {
  const match = DATE_TIME.exec(dateTime.trim());
  if (!match) return dateTime;
  return `${isoDateTime(match[1], match[2] ?? '')}${match[3] ?? ''}`;
}
