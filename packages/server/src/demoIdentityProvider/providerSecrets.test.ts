import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { providerSecrets } from './providerSecrets';

// The demo provider's keys and the service secret are made once per install and are the user's
// alone: a restart must keep them (issued tokens stay valid, the CLI keeps its secret), and a file
// that is not what SegQC wrote must stop the start with a one-line reason rather than be used.
describe("the demo provider's secrets", () => {
  let dir: string;
  beforeEach(() => (dir = join(mkdtempSync(join(tmpdir(), 'segqc-secrets-')), 'identity-provider')));
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  test('are made at the first start, 0600 in a 0700 folder, and read unchanged at the next', () => {
    const first = providerSecrets(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const file of ['signing-key.jwk.json', 'cookie-keys.json', 'segqc-qc-service.secret']) expect([file, statSync(join(dir, file)).mode & 0o777]).toEqual([file, 0o600]);
    expect(first.serviceSecretFile).toBe(join(dir, 'segqc-qc-service.secret'));
    expect(readFileSync(first.serviceSecretFile, 'utf8')).toBe(`${first.serviceSecret}\n`);
    expect(first.serviceSecret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    expect(first.cookieKeys).toHaveLength(2);
    expect(first.signingKey).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(Buffer.from(String(first.signingKey.n), 'base64url')).toHaveLength(256); // 2048 bits
    expect(providerSecrets(dir)).toEqual(first);
  });

  test('two installs share nothing', () => {
    const other = join(dir, '..', 'other');
    const [a, b] = [providerSecrets(dir), providerSecrets(other)];
    expect([a.serviceSecret === b.serviceSecret, a.cookieKeys[0] === b.cookieKeys[0], a.signingKey.n === b.signingKey.n]).toEqual([false, false, false]);
  });

  test.each([
    ['signing-key.jwk.json', '{"kty":"oct","k":"c2VjcmV0"}', 'is not the RSA private key SegQC wrote: delete it to make a new one'],
    ['cookie-keys.json', '["short"]', 'is not the cookie keys SegQC wrote: delete it to make new ones'],
    ['segqc-qc-service.secret', 'secret\n', 'holds no secret of 32 or more characters: delete it to make a new one'],
  ])('a %s that SegQC did not write stops the start', (file, text, message) => {
    providerSecrets(dir);
    writeFileSync(join(dir, file), text);
    expect(() => providerSecrets(dir)).toThrow(`${join(dir, file)} ${message}`);
  });
});
