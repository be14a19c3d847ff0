import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayConfigError, gatewayEnvironment } from './gatewayEnvironment';

describe("segqc-gateway's settings", () => {
  test('a full configuration', () => {
    const secret = join(mkdtempSync(join(tmpdir(), 'segqc-gateway-env-')), 'pacs-authorization');
    writeFileSync(secret, 'Basic c2VncWM6c2VjcmV0\n');
    const { options, listen } = gatewayEnvironment({
      SEGQC_PACS_URL: 'http://127.0.0.1:8042/dicom-web',
      HOST: '127.0.0.1',
      PORT: '3001',
      SEGQC_ALLOWED_HOSTS: 'viewer.example.org, viewer',
      SEGQC_ALLOWED_ORIGINS: 'https://viewer.example.org',
      SEGQC_PACS_AUTHORIZATION_FILE: secret,
      SEGQC_KEEP_HOST_HEADER: '1',
      SEGQC_STOW_MAX_BYTES: '1048576',
      SEGQC_UPSTREAM_TIMEOUT_MS: '5000',
      SEGQC_TRUST_PROXY: '127.0.0.1',
    });
    expect(listen).toEqual({ host: '127.0.0.1', port: 3001 });
    expect(options).toEqual({
      upstream: new URL('http://127.0.0.1:8042/dicom-web'),
      keepHostHeader: true,
      allowedHosts: ['viewer.example.org', 'viewer'],
      allowedOrigins: ['https://viewer.example.org'],
      stowBodyLimitBytes: 1048576,
      upstreamTimeoutMs: 5000,
      trustProxy: '127.0.0.1',
      upstreamAuthorization: 'Basic c2VncWM6c2VjcmV0',
      accessTokens: undefined,
    });
  });

  test('sign-in: an issuer turns it on, with its audience and the site\'s role names', () => {
    const { options } = gatewayEnvironment({ SEGQC_PACS_URL: 'http://pacs/dicom-web', SEGQC_OIDC_ISSUER: 'https://idp.example/realms/rad', SEGQC_OIDC_AUDIENCE: 'segqc', SEGQC_ROLES_CLAIM: 'realm_access.roles', SEGQC_ROLE_MAP: 'rad-senior=adjudicator, rad-junior=annotator' });
    expect(typeof options.accessTokens).toBe('function');
  });

  test.each([
    [{}, 'SEGQC_PACS_URL is not set'],
    [{ SEGQC_PACS_URL: 'pacs' }, 'SEGQC_PACS_URL=pacs is not a URL'],
    [{ SEGQC_PACS_URL: 'ftp://pacs/dicom-web' }, 'SEGQC_PACS_URL must be http(s), not ftp:'],
    [{ SEGQC_PACS_URL: 'http://user:pw@pacs/dicom-web' }, 'SEGQC_PACS_URL must not hold credentials'],
    [{ SEGQC_PACS_URL: 'http://pacs/dicom-web', PORT: 'http' }, 'PORT=http is not a whole number from 0 to 65535'],
    [{ SEGQC_PACS_URL: 'http://pacs/dicom-web', SEGQC_STOW_MAX_BYTES: '-1' }, 'SEGQC_STOW_MAX_BYTES=-1 is not a whole number'],
    [{ SEGQC_PACS_URL: 'http://pacs/dicom-web', SEGQC_PACS_AUTHORIZATION_FILE: '/nonexistent/secret' }, 'SEGQC_PACS_AUTHORIZATION_FILE=/nonexistent/secret cannot be read'],
    [{ SEGQC_PACS_URL: 'http://pacs/dicom-web', SEGQC_OIDC_ISSUER: 'https://idp.example' }, 'SEGQC_OIDC_AUDIENCE is not set'],
    [{ SEGQC_PACS_URL: 'http://pacs/dicom-web', SEGQC_OIDC_ISSUER: 'https://idp.example', SEGQC_OIDC_AUDIENCE: 'segqc', SEGQC_ROLE_MAP: 'rad-senior=chief' }, 'SEGQC_ROLE_MAP: "rad-senior=chief" is not site-role=segqc-role'],
  ])('%j is refused: %s', (env, message) => {
    expect(() => gatewayEnvironment(env)).toThrow(GatewayConfigError);
    expect(() => gatewayEnvironment(env)).toThrow(message);
  });
});
