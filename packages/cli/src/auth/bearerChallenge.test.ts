import { bearerChallenge } from './bearerChallenge';

// Why: the reason the gateway gives for refusing a token (RFC 6750 §3) is what tells the user to
// renew an expired token rather than hunt for a wrong audience; it must be read from the header as
// servers write it: quoted or not, escaped quotes, among other challenges.

test('the gateway\'s challenge', () => {
  expect(bearerChallenge('Bearer error="invalid_token", error_description="the access token has expired"')).toEqual({
    error: 'invalid_token', errorDescription: 'the access token has expired',
  });
});

test('unquoted values, escapes, any case of the scheme and parameter names, after another challenge', () => {
  expect(bearerChallenge('Basic realm="pacs", bearer realm="x", ERROR=invalid_token, error_description="the \\"aud\\" claim, not accepted"')).toEqual({
    error: 'invalid_token', errorDescription: 'the "aud" claim, not accepted',
  });
});

test('a challenge after the Bearer one is not read as its parameters', () => {
  expect(bearerChallenge('Bearer error="invalid_token", DPoP error="use_dpop_nonce"')).toEqual({ error: 'invalid_token' });
});

test('no Bearer challenge, no header, or none with parameters', () => {
  expect(bearerChallenge(null)).toBeNull();
  expect(bearerChallenge('Basic realm="pacs"')).toBeNull();
  expect(bearerChallenge('Basic realm="x, Bearer"')).toBeNull();
  expect(bearerChallenge('Bearer')).toEqual({});
  expect(bearerChallenge('Bearer realm="segqc"')).toEqual({});
});
