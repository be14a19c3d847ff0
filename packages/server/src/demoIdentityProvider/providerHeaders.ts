import type { ServerResponse } from 'node:http';
import { PAGE_STYLE_HASH } from './providerPages';

/**
 * The policy headers of every answer of the demo provider. Its pages run no script of their own
 * (`script-src 'self'` lets oidc-provider add the hash of its one auto-submitted form, see its
 * helpers/script_src_sha.js), style by hash, forms post to the provider and, through its redirects,
 * land on the viewer (Chromium applies `form-action` to the redirects after a form too); no framing.
 */
export function providerPagePolicy(viewerOrigins: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${PAGE_STYLE_HASH}`,
    `form-action 'self' ${viewerOrigins.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function setProviderHeaders(response: ServerResponse, contentSecurityPolicy: string): void {
  response.setHeader('content-security-policy', contentSecurityPolicy);
  response.setHeader('x-content-type-options', 'nosniff');
  response.setHeader('x-frame-options', 'DENY');
  response.setHeader('referrer-policy', 'no-referrer');
}
