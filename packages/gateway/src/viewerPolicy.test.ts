import { createHash } from 'node:crypto';
import { contentSecurityPolicy, inlineScriptsOf } from './viewerPolicy';

describe('the viewer\'s Content-Security-Policy', () => {
  const page = '<head><script>window.PUBLIC_URL="/"</script><script src="/app.js"></script><script defer src="/b.js"></script><script type="module">import("/x")</script></head>';

  test('inline scripts are found, scripts with src are not', () => {
    expect(inlineScriptsOf(page)).toEqual(['window.PUBLIC_URL="/"', 'import("/x")']);
  });

  test("inline scripts are allowed by their SHA-256, not by 'unsafe-inline'; eval for OHIF's SEG loader; no framing", () => {
    const policy = contentSecurityPolicy({ inlineScripts: ['window.PUBLIC_URL="/"'], reportPath: '/segqc/csp-report' });
    const hash = createHash('sha256').update('window.PUBLIC_URL="/"').digest('base64');
    const directives = new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'", "'unsafe-eval'", `'sha256-${hash}'`]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('report-uri')).toEqual(['/segqc/csp-report']);
  });

  test("with sign-in the viewer may fetch from the OpenID Provider's origin, and nothing else is widened", () => {
    const directivesOf = (policy: string) => new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));
    const without = directivesOf(contentSecurityPolicy({ inlineScripts: [], reportPath: '/segqc/csp-report' }));
    const withSignIn = directivesOf(contentSecurityPolicy({ inlineScripts: [], reportPath: '/segqc/csp-report', connectSources: ['http://127.0.0.1:3002'] }));
    expect(withSignIn.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:3002']);
    expect(new Map([...withSignIn].filter(([name]) => name !== 'connect-src'))).toEqual(new Map([...without].filter(([name]) => name !== 'connect-src')));
    expect([withSignIn.has('frame-src'), withSignIn.get('default-src'), withSignIn.get('form-action')]).toEqual([false, ["'self'"], ["'self'"]]);
  });
});
