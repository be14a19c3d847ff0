/**
 * OHIF's Logout asks the provider to return to the page it was on (`post_logout_redirect_uri` =
 * the page's URL, e.g. a viewer route with its study UIDs), but a provider returns only to
 * registered addresses, compared exactly (OpenID Connect RP-Initiated Logout 1.0 §3). A return
 * address on one of the viewer's origins is therefore made that origin's study list, which the
 * viewer registers; any other address is left for oidc-provider to refuse.
 */
export function withViewerSignOutReturn(requestTarget: string, endSessionPath: string, viewerOrigins: readonly string[]): string {
  const url = new URL(requestTarget, 'http://provider.invalid');
  const target = url.searchParams.get('post_logout_redirect_uri');
  if (url.pathname !== endSessionPath || target === null) return requestTarget;
  const origin = URL.parse(target)?.origin;
  if (!origin || !viewerOrigins.includes(origin)) return requestTarget;
  url.searchParams.set('post_logout_redirect_uri', `${origin}/`);
  return `${url.pathname}${url.search}`;
}
