/**
 * The wait a Retry-After header asks for (RFC 9110 10.2.3): delay-seconds or an HTTP-date,
 * in milliseconds from `nowMs`; undefined when absent or unreadable, 0 for a date in the past.
 */
export function retryAfterMs(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date starts with the day name (IMF-fixdate and both obsolete forms); Date.parse alone takes "-5".
  const date = /^[A-Za-z]{3}/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
