/**
 * The instant of a Digital Signature DateTime (0400,0105), a DICOM DT (PS3.5 6.2):
 * `YYYYMMDDHHMMSS[.FFFFFF][&ZZXX]`. PS3.3 C.12.1.1.3 wants the offset written; one without an offset
 * is read as UTC, what the gateway writes (`+0000`). Undefined when the text is not such a DT, to
 * the second at least: a signing time must say when.
 */
const SIGNATURE_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,6}))?([+-])?(\d{2})?(\d{2})?$/;

export function signatureInstant(dateTime: string): Date | undefined {
  const match = SIGNATURE_DATE_TIME.exec(dateTime.trim());
  if (!match) return undefined;
  const [, year, month, day, hours, minutes, seconds, fraction, sign, offsetHours, offsetMinutes] = match;
  if (sign !== undefined && (offsetHours === undefined || offsetMinutes === undefined)) return undefined;
  const milliseconds = fraction === undefined ? 0 : Math.floor(Number(fraction.padEnd(6, '0')) / 1000);
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours), Number(minutes), Number(seconds), milliseconds);
  const offsetMs = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  const instant = new Date(local - offsetMs);
  // Date.UTC rolls 2026-02-30 over into March: such a text is no date.
  const roundTrip = new Date(local);
  if (roundTrip.getUTCMonth() !== Number(month) - 1 || roundTrip.getUTCDate() !== Number(day) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  return instant;
}
