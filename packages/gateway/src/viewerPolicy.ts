import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy the viewer is served under, measured on the stock OHIF 3.13.2 with
 * SegQC's bundles and Web Workers (the browser suite fails on any violation it reports):
 * - scripts from this origin only, plus the viewer's two inline bootstrap scripts by hash
 *   (index.html sets `window.PUBLIC_URL` and `browserImportFunction`; no `'unsafe-inline'`), and
 *   `'unsafe-eval'`: OHIF's DICOM SEG loader (@cornerstonejs/adapters) bundles `ndarray`, which
 *   builds its array classes with `new Function`; with `'wasm-unsafe-eval'` alone (enough for the
 *   image codecs) no SEG shows in OHIF — measured on 3.13.2, the browser suite's SEG overlays never
 *   appear. It also covers the codecs' WebAssembly;
 * - Web Workers from this origin and `blob:` (cornerstone starts its decode workers from blobs);
 * - inline styles, which React and OHIF set on elements everywhere;
 * - no plugins, no framing by anyone (`frame-ancestors 'none'`: the signing UI cannot be framed),
 *   forms and `<base>` to this origin only; violations are reported to `reportPath`;
 * - with sign-in, `connect-src` adds the OpenID Provider's origin, for what OHIF's oidc-client-ts
 *   fetches there (discovery, the token endpoint for the code and refresh grants, revocation) and
 *   nothing else: the sign-in and sign-out pages are top-level navigations, which the CSP does not
 *   govern, and tokens are renewed with the refresh token, not in a hidden iframe, so frames stay
 *   this origin's (`default-src 'self'`) — measured in the browser suite (signIn.test.ts).
 */
export interface ViewerPolicyOptions {
  /** The viewer's inline scripts (their text, exactly as between the tags). */
  inlineScripts: readonly string[];
  /** Where browsers POST violation reports. */
  reportPath: string;
  /** Other origins the viewer may fetch from: the OpenID Provider's, with sign-in. */
  connectSources?: readonly string[];
}

export function contentSecurityPolicy(options: ViewerPolicyOptions): string {
  const hashes = options.inlineScripts.map((script) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'unsafe-eval'", ...hashes]],
    ['worker-src', ["'self'", 'blob:']],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", ...(options.connectSources ?? [])]],
    ['media-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['report-uri', [options.reportPath]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** The text of every `<script>` without `src` in an HTML page. */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1]!).filter((text) => text.length > 0);
}
