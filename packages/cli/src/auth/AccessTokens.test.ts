import { AccessTokens } from './AccessTokens';
import type { ClientCredentials, Credential } from './Credential';
import type { IssuedToken } from './IssuedToken';

// Why: a nightly `segqc qc` or `drift` runs longer than a service account's token lives. The
// token must be fetched once, shared by concurrent requests, fetched again shortly before it
// expires — never sent expired — and a worker thread must start from the main thread's token
// rather than each asking the provider. The grant here is a stand-in; openid-client's is run by
// the integration test against the demo's provider.

const SETTINGS: Credential = { kind: 'client-credentials', issuer: 'https://login.example.org', clientId: 'segqc-batch', clientSecret: 's3cret', audience: 'urn:segqc:dicomweb' };

function provider(lifetimeMs: number | null, clock: { now: number }) {
  const asked: ClientCredentials[] = [];
  const grant = async (settings: ClientCredentials): Promise<IssuedToken> => {
    asked.push(settings);
    await new Promise((resolve) => setTimeout(resolve, 1));
    return { accessToken: `token-${asked.length}`, expiresAt: lifetimeMs === null ? null : clock.now + lifetimeMs };
  };
  return { grant, asked };
}

test('fetched once for concurrent callers, again within the last minute of a 5-minute token', async () => {
  const clock = { now: 1_000_000 };
  const { grant, asked } = provider(300_000, clock);
  const tokens = new AccessTokens(SETTINGS, { grant, now: () => clock.now });
  expect(await Promise.all([tokens.current(), tokens.current(), tokens.current()])).toEqual(['token-1', 'token-1', 'token-1']);
  expect(asked).toEqual([{ kind: 'client-credentials', issuer: 'https://login.example.org', clientId: 'segqc-batch', clientSecret: 's3cret', audience: 'urn:segqc:dicomweb' }]);
  clock.now += 239_999;
  expect(await tokens.current()).toBe('token-1');
  clock.now += 1;
  expect(await tokens.current()).toBe('token-2');
  expect(tokens.issued()).toEqual({ accessToken: 'token-2', expiresAt: clock.now + 300_000 });
});

test('a short-lived token is fetched again at half its life; one without expiry never', async () => {
  const clock = { now: 0 };
  const short = provider(20_000, clock);
  const tokens = new AccessTokens(SETTINGS, { grant: short.grant, now: () => clock.now });
  await tokens.current();
  clock.now = 9_999;
  expect(await tokens.current()).toBe('token-1');
  clock.now = 10_000;
  expect(await tokens.current()).toBe('token-2');

  const lasting = provider(null, clock);
  const forever = new AccessTokens(SETTINGS, { grant: lasting.grant, now: () => clock.now });
  await forever.current();
  clock.now = 10 ** 12;
  expect(await forever.current()).toBe('token-1');
  expect(lasting.asked).toHaveLength(1);
});

test('a worker starts from the main thread\'s token and asks only when it is about to expire', async () => {
  const clock = { now: 0 };
  const { grant, asked } = provider(300_000, clock);
  const worker = new AccessTokens(SETTINGS, { grant, now: () => clock.now, seed: { accessToken: 'main-token', expiresAt: 200_000 } });
  expect(await worker.current()).toBe('main-token');
  expect(asked).toHaveLength(0);
  clock.now = 140_000;
  expect(await worker.current()).toBe('token-1');
});

test('a failed grant is thrown to the caller; the next call asks again', async () => {
  let calls = 0;
  const grant = async (): Promise<IssuedToken> => {
    calls++;
    if (calls === 1) throw new Error('the provider is down');
    return { accessToken: 'late', expiresAt: null };
  };
  const tokens = new AccessTokens(SETTINGS, { grant });
  await expect(tokens.current()).rejects.toThrow('the provider is down');
  expect(await tokens.current()).toBe('late');
});

test('a token given as is, and none, ask no provider', async () => {
  const grant = async (): Promise<IssuedToken> => {
    throw new Error('not asked');
  };
  expect(await new AccessTokens({ kind: 'token', token: 'abc', from: '--token-file' }, { grant }).current()).toBe('abc');
  expect(await new AccessTokens({ kind: 'none' }, { grant }).current()).toBeNull();
  expect(new AccessTokens({ kind: 'token', token: 'abc', from: '--token-file' }).issued()).toBeNull();
});
