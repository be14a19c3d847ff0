import { request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createGatewayApp, type GatewayOptions } from './gatewayApp';

const started: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((app) => app.close()));
});

async function gateway(options: Partial<GatewayOptions>): Promise<number> {
  const app = await createGatewayApp({ upstream: new URL('http://127.0.0.1:9/dicom-web'), keepHostHeader: false, allowedHosts: ['viewer.example.org'], ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  started.push(app);
  return (app.server.address() as AddressInfo).port;
}

/** One request with the Host the test names (node:http sends it as given). */
function send(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<{ statusCode: number; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path, headers: { host: 'viewer.example.org', ...headers } }, (answer) => {
      answer.resume();
      answer.on('end', () => resolve({ statusCode: answer.statusCode ?? 0, headers: answer.headers }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

// Every answer of the gateway carries the viewer's policy headers, its own errors included; HSTS
// only when the request came over TLS (here: through a trusted proxy that says so).
describe('policy headers', () => {
  test('on an error of its own: CSP, nosniff, no referrer, no framing, same-origin opener and resources; no HSTS over plain HTTP', async () => {
    const answer = await send(await gateway({ trustProxy: '127.0.0.1' }), 'GET', '/dicom-web/servers', {});
    expect(answer.statusCode).toBe(404);
    expect(answer.headers).toMatchObject({
      'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(answer.headers['strict-transport-security']).toBeUndefined();
  });

  test('HSTS when a trusted proxy says the request came over TLS, not when anyone else says so', async () => {
    const viaProxy = await send(await gateway({ trustProxy: '127.0.0.1' }), 'GET', '/dicom-web/servers', { 'x-forwarded-proto': 'https' });
    expect(viaProxy.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // Here the connection comes from loopback, which is not the proxy this gateway trusts.
    const notTrusted = await send(await gateway({ trustProxy: '10.9.9.9' }), 'GET', '/dicom-web/servers', { 'x-forwarded-proto': 'https' });
    expect(notTrusted.headers['strict-transport-security']).toBeUndefined();
  });

  test('a CSP report is received and handed on, whatever else the body holds', async () => {
    const violations: unknown[] = [];
    const port = await gateway({ onCspViolation: (violation) => violations.push(violation) });
    const post = (payload: string) => send(port, 'POST', '/segqc/csp-report', { 'content-type': 'application/csp-report' }, payload);
    const report = { 'csp-report': { 'document-uri': 'http://viewer.example.org/viewer?StudyInstanceUIDs=1.2', 'violated-directive': 'script-src', 'blocked-uri': 'inline', 'source-file': 'http://viewer.example.org/app.js', 'line-number': 3 } };
    const answer = await post(JSON.stringify(report));
    expect(answer.statusCode).toBe(204);
    expect(violations).toEqual([{ violatedDirective: 'script-src', blockedUri: 'inline', sourceFile: 'http://viewer.example.org/app.js', lineNumber: 3 }]);
    const junk = await post('{not json');
    expect([junk.statusCode, violations.length]).toEqual([204, 1]);
    const huge = await post('x'.repeat(100_000));
    expect(huge.statusCode).toBe(413);
  });
});
