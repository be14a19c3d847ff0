/** What a server's step-up challenge asks for (RFC 9470 §3): a newer sign-in, within `maxAgeSeconds` when it says. */
export interface StepUpChallenge {
  maxAgeSeconds?: number;
}

/**
 * The step-up challenge in a 401's WWW-Authenticate header — `Bearer error="insufficient_user_authentication"`,
 * with `max_age` when the server names the longest time since the user entered their credentials —
 * or null for any other challenge (an expired or missing token is not a request to sign in again).
 */
export function stepUpChallenge(header: string | null): StepUpChallenge | null {
  if (!header || !/^\s*Bearer\b/i.test(header) || !/\berror\s*=\s*"?insufficient_user_authentication"?/i.test(header)) return null;
  const maxAge = /\bmax_age\s*=\s*"?(\d+)"?/i.exec(header)?.[1];
  return maxAge === undefined ? {} : { maxAgeSeconds: Number(maxAge) };
}
