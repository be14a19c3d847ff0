import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { paths } from '../paths';
import { signInAppConfig } from './signInAppConfig';
import type { ViewerSignIn } from './viewerSignIn';

// OHIF reads its login from window.config.oidc[0]; the SegQC extension learns from
// window.config.segqcSignIn that users sign in. This runs the served app-config as the browser
// does, base file then the sign-in part, and reads what the viewer will see.
describe("the app-config's sign-in part", () => {
  const demo: ViewerSignIn = {
    accessTokens: { issuer: 'http://127.0.0.1:3002', audience: 'segqc-dicomweb', roles: { claim: 'roles' } },
    clientId: 'segqc-viewer',
    scope: 'openid profile',
    resource: 'urn:segqc:dicomweb',
    revokeRefreshTokenOnSignOut: true,
  };
  const served = (signIn: ViewerSignIn) => {
    const window: { config?: Record<string, unknown> } = {};
    runInNewContext(readFileSync(paths.appConfigFile, 'utf8') + signInAppConfig(signIn), { window });
    return window.config!;
  };

  test("the demo: OHIF's code flow with PKCE on the provider, the resource for the gateway, refresh token revoked at sign-out", () => {
    const config = served(demo);
    expect(config.oidc).toEqual([
      {
        authority: 'http://127.0.0.1:3002',
        client_id: 'segqc-viewer',
        redirect_uri: '/callback',
        post_logout_redirect_uri: '/',
        response_type: 'code',
        scope: 'openid profile',
        resource: 'urn:segqc:dicomweb',
        automaticSilentRenew: true,
        revokeAccessTokenOnSignout: true,
        revokeTokenTypes: ['refresh_token'],
        revokeTokenAdditionalContentTypes: ['text/plain'],
      },
    ]);
    expect(config.segqcSignIn).toEqual({ issuer: 'http://127.0.0.1:3002' });
    expect(config.dataSources).toHaveLength(1); // the base config is kept
  });

  test("a site's provider: its client and scopes, no resource, nothing revoked", () => {
    const config = served({ accessTokens: { issuer: 'https://idp.example/realms/rad', audience: 'segqc', roles: { claim: 'realm_access.roles' } }, clientId: 'segqc-viewer', scope: 'openid profile offline_access', revokeRefreshTokenOnSignOut: false });
    expect(config.oidc).toEqual([
      { authority: 'https://idp.example/realms/rad', client_id: 'segqc-viewer', redirect_uri: '/callback', post_logout_redirect_uri: '/', response_type: 'code', scope: 'openid profile offline_access', automaticSilentRenew: true, revokeAccessTokenOnSignout: false },
    ]);
  });

  test('a value cannot break out of its string', () => {
    const config = served({ ...demo, clientId: `x"];window.hacked=1;//` });
    expect((config.oidc as Array<{ client_id: string }>)[0]!.client_id).toBe(`x"];window.hacked=1;//`);
    expect(config.hacked).toBeUndefined();
  });
});
