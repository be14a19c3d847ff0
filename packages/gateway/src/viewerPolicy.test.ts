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
});
