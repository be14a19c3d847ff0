import { withViewerSignOutReturn } from './signOutReturn';

// OHIF's Logout asks to come back to the page it left (a viewer route with study UIDs), which no
// provider registers; without this the provider shows an error instead of signing the user out.
describe('the return address after sign-out', () => {
  const origins = ['http://127.0.0.1:3000', 'http://localhost:3000'];
  const endSession = (returnTo: string) => `/session/end?id_token_hint=eyJ.x.y&post_logout_redirect_uri=${encodeURIComponent(returnTo)}`;
  const returnOf = (target: string) => new URL(target, 'http://provider.invalid').searchParams.get('post_logout_redirect_uri');

  test.each([
    ['http://127.0.0.1:3000/segmentation-qc?StudyInstanceUIDs=1.2.3', 'http://127.0.0.1:3000/'],
    ['http://localhost:3000/qc-overview', 'http://localhost:3000/'],
    ['http://127.0.0.1:3000/', 'http://127.0.0.1:3000/'],
  ])('a viewer page, %s, becomes its study list, %s', (page, studyList) => {
    const rewritten = withViewerSignOutReturn(endSession(page), '/session/end', origins);
    expect(returnOf(rewritten)).toBe(studyList);
    expect(new URL(rewritten, 'http://provider.invalid').searchParams.get('id_token_hint')).toBe('eyJ.x.y');
  });

  test.each([
    ['another origin', endSession('http://evil.example/')],
    ['another port', endSession('http://127.0.0.1:3001/segmentation-qc')],
    ['not a URL', endSession('segmentation-qc')],
    ['no return address', '/session/end?id_token_hint=eyJ.x.y'],
    ['another endpoint', `/auth?post_logout_redirect_uri=${encodeURIComponent('http://127.0.0.1:3000/x')}`],
  ])('%s is left for the provider to judge', (_what, target) => {
    expect(withViewerSignOutReturn(target, '/session/end', origins)).toBe(target);
  });
});
