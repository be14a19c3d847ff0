import { signInAgainSettings } from './signInAgain';

// The fresh sign-in must come back through OHIF's own /callback with OHIF's client: the same
// client id, an absolute redirect on the page's origin, code flow.
it('asks with OHIF\'s client settings, the redirect made absolute on the page\'s origin', () => {
  expect(signInAgainSettings({ authority: 'https://idp.example/realms/x', client_id: 'ohif-viewer', scope: 'openid profile' }, 'https://viewer.example')).toEqual({
    authority: 'https://idp.example/realms/x', client_id: 'ohif-viewer', redirect_uri: 'https://viewer.example/callback', response_type: 'code', scope: 'openid profile', filterProtocolClaims: true,
  });
  expect(signInAgainSettings({ authority: 'https://idp.example', client_id: 'c', redirect_uri: '/viewer/callback' }, 'https://viewer.example').redirect_uri).toBe('https://viewer.example/viewer/callback');
});
