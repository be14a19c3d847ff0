import type { TokenIdentity } from './accessTokens';
import { DEFAULT_MAX_AUTH_AGE_SECONDS, staleLoginReason } from './freshLogin';

// The gateway signs a VERIFIED report for the user only after a recent sign-in: the token's auth_time
// decides, measured against the site's maximum age; a token without one never signs.
const NOW = new Date('2026-12-07T21:00:00Z');
const user = (authTime?: string): TokenIdentity => ({ issuer: 'https://idp.example', subject: 'maria', roles: ['adjudicator'], ...(authTime ? { authTime: new Date(authTime) } : {}) });

test('a sign-in within the maximum age is fresh, to the second', () => {
  expect(DEFAULT_MAX_AUTH_AGE_SECONDS).toBe(300);
  expect(staleLoginReason(user('2026-12-07T20:59:59Z'), 300, NOW)).toBeUndefined();
  expect(staleLoginReason(user('2026-12-07T20:55:00Z'), 300, NOW)).toBeUndefined();
});

test('an older sign-in is stale, and the reason says how old against what', () => {
  expect(staleLoginReason(user('2026-12-07T20:54:59Z'), 300, NOW)).toBe('you signed in 301 s ago; signing needs a sign-in within the last 300 s: sign in again to sign');
  expect(staleLoginReason(user('2026-12-07T20:50:00Z'), 300, NOW)).toMatch(/^you signed in 600 s ago/);
  expect(staleLoginReason(user('2026-12-07T20:50:00Z'), 900, NOW)).toBeUndefined();
});

test('a token that does not say when the user signed in, or says the future beyond the clock tolerance, is stale', () => {
  expect(staleLoginReason(user(), 300, NOW)).toBe('the access token does not say when you signed in (no auth_time claim): sign in again to sign');
  expect(staleLoginReason(user('2026-12-07T21:00:59Z'), 300, NOW)).toBeUndefined();
  expect(staleLoginReason(user('2026-12-07T21:01:01Z'), 300, NOW)).toBe('the access token says you signed in in the future (auth_time): sign in again to sign');
});
