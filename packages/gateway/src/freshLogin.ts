/**
 * Signing on the user's behalf rests on a recent login (21 CFR 11.200: a signature is executed by
 * entering the credentials, and a session's later signatures need them again once it is no longer
 * continuous): the access token's auth_time (RFC 9068 §2.2.1) must be at most `maxAgeSeconds` old.
 * A token that does not say when the user signed in is not fresh. A refreshed access token carries
 * the auth_time of the sign-in it descends from, so renewing a token does not make a login fresh.
 */
import type { TokenIdentity } from './accessTokens';

/** Five minutes: long enough to review and sign one case after entering the password. */
export const DEFAULT_MAX_AUTH_AGE_SECONDS = 300;

/** Clocks of the provider and the gateway differ a little (as for `exp`, accessTokens.ts). */
const CLOCK_TOLERANCE_SECONDS = 60;

/** Why `user`'s login is not fresh enough to sign with at `now`; undefined when it is. */
export function staleLoginReason(user: TokenIdentity, maxAgeSeconds: number, now: Date): string | undefined {
  if (!user.authTime) return 'the access token does not say when you signed in (no auth_time claim): sign in again to sign';
  const ageSeconds = (now.getTime() - user.authTime.getTime()) / 1000;
  if (ageSeconds < -CLOCK_TOLERANCE_SECONDS) return 'the access token says you signed in in the future (auth_time): sign in again to sign';
  if (ageSeconds > maxAgeSeconds) return `you signed in ${Math.floor(ageSeconds)} s ago; signing needs a sign-in within the last ${maxAgeSeconds} s: sign in again to sign`;
  return undefined;
}
