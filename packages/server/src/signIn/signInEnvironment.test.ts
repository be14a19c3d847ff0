import { signInChoice } from './signInEnvironment';

// `npm start` signs users in with the demo provider or the site's own, or not at all; a setting
// that cannot work is refused at start with one line naming it.
describe("npm start's sign-in settings", () => {
  test('none: no sign-in, as before', () => {
    expect(signInChoice({})).toEqual({ kind: 'none' });
  });

  test('SEGQC_AUTH=demo: the demo provider on port 3002, tokens for the gateway with roles in `roles`', () => {
    expect(signInChoice({ SEGQC_AUTH: 'demo' })).toEqual({
      kind: 'demo',
      port: 3002,
      accessTokenTtlSeconds: 600,
      signIn: {
        accessTokens: { issuer: 'http://127.0.0.1:3002', audience: 'segqc-dicomweb', roles: { claim: 'roles' } },
        clientId: 'segqc-viewer',
        scope: 'openid profile',
        resource: 'urn:segqc:dicomweb',
        revokeRefreshTokenOnSignOut: true,
      },
    });
    expect(signInChoice({ SEGQC_AUTH: 'demo', SEGQC_OIDC_PORT: '4002', SEGQC_OIDC_ACCESS_TOKEN_TTL: '70' })).toMatchObject({ port: 4002, accessTokenTtlSeconds: 70, signIn: { accessTokens: { issuer: 'http://127.0.0.1:4002' } } });
  });

  test("a site's provider: its issuer, the viewer's client, the audience and the site's role names", () => {
    const choice = signInChoice({ SEGQC_OIDC_ISSUER: 'https://idp.example/realms/rad', SEGQC_OIDC_CLIENT_ID: 'segqc-viewer', SEGQC_OIDC_AUDIENCE: 'segqc', SEGQC_ROLES_CLAIM: 'realm_access.roles', SEGQC_ROLE_MAP: 'rad-senior=adjudicator', SEGQC_OIDC_SCOPE: 'openid profile offline_access' });
    expect(choice).toEqual({
      kind: 'site',
      signIn: {
        accessTokens: { issuer: 'https://idp.example/realms/rad', audience: 'segqc', roles: { claim: 'realm_access.roles', names: new Map([['rad-senior', 'adjudicator']]) } },
        clientId: 'segqc-viewer',
        scope: 'openid profile offline_access',
        revokeRefreshTokenOnSignOut: false,
      },
    });
  });

  test.each([
    [{ SEGQC_AUTH: 'keycloak' }, 'SEGQC_AUTH=keycloak is not known: SEGQC_AUTH=demo runs the demo sign-in; your own provider is set with SEGQC_OIDC_ISSUER'],
    [{ SEGQC_AUTH: 'demo', SEGQC_OIDC_ISSUER: 'https://idp.example' }, "SEGQC_AUTH=demo runs SegQC's own identity provider: unset SEGQC_OIDC_ISSUER, or unset SEGQC_AUTH to sign in with that provider"],
    [{ SEGQC_AUTH: 'demo', SEGQC_OIDC_PORT: '99999' }, 'SEGQC_OIDC_PORT=99999 is not a TCP port number (1-65535)'],
    [{ SEGQC_AUTH: 'demo', SEGQC_OIDC_ACCESS_TOKEN_TTL: '30' }, 'SEGQC_OIDC_ACCESS_TOKEN_TTL=30 is not a whole number of seconds from 70 to 86400'],
    [{ SEGQC_OIDC_ISSUER: 'https://idp.example' }, 'SEGQC_OIDC_AUDIENCE is not set'],
    [{ SEGQC_OIDC_ISSUER: 'https://idp.example', SEGQC_OIDC_AUDIENCE: 'segqc' }, "SEGQC_OIDC_CLIENT_ID is not set: the viewer's client id at your identity provider"],
    [{ SEGQC_OIDC_ISSUER: 'idp.example', SEGQC_OIDC_AUDIENCE: 'segqc', SEGQC_OIDC_CLIENT_ID: 'v' }, 'SEGQC_OIDC_ISSUER=idp.example is not an http(s) URL'],
    [{ SEGQC_OIDC_ISSUER: 'https://idp.example', SEGQC_OIDC_AUDIENCE: 'segqc', SEGQC_OIDC_CLIENT_ID: 'v', SEGQC_ROLE_MAP: 'chief=boss' }, 'SEGQC_ROLE_MAP: "chief=boss" is not site-role=segqc-role'],
  ])('%j is refused: %s', (env, message) => {
    expect(() => signInChoice(env)).toThrow(expect.objectContaining({ name: 'StartupError', message: expect.stringContaining(message) }));
  });
});
