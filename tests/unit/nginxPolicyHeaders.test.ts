import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentSecurityPolicy, inlineScriptsOf } from '../../packages/gateway/src/viewerPolicy';
import { CSP_REPORT_PATH } from '../../packages/gateway/src/gatewayApp';

// The nginx example serves the viewer under the same policy as `npm start`: its CSP is the one the
// gateway computes for the viewer that `npm ci` unpacks (OHIF 3.13.2), inline-script hashes included.
const root = join(__dirname, '..', '..');

test("the nginx snippet's Content-Security-Policy is the gateway's for the pinned viewer", () => {
  const snippet = readFileSync(join(root, 'platform-config', 'nginx', 'segqc-policy-headers.conf'), 'utf8');
  const nginxPolicy = /add_header Content-Security-Policy "([^"]+)" always;/.exec(snippet)?.[1];
  const viewerPage = readFileSync(join(root, '.ohif-host', 'dist', 'index.html'), 'utf8');
  expect(inlineScriptsOf(viewerPage)).toHaveLength(2);
  expect(nginxPolicy).toBe(contentSecurityPolicy({ inlineScripts: inlineScriptsOf(viewerPage), reportPath: CSP_REPORT_PATH }));
});

test('the nginx example sends every policy header the gateway does, and routes DICOMweb through the gateway', () => {
  const snippet = readFileSync(join(root, 'platform-config', 'nginx', 'segqc-policy-headers.conf'), 'utf8');
  for (const header of ['X-Content-Type-Options nosniff', 'Referrer-Policy no-referrer', 'X-Frame-Options DENY', 'Cross-Origin-Opener-Policy same-origin', 'Strict-Transport-Security']) {
    expect(snippet).toContain(`add_header ${header}`);
  }
  const site = readFileSync(join(root, 'platform-config', 'nginx', 'segqc.conf'), 'utf8');
  const dicomweb = /location \/dicom-web\/ \{([^}]+)\}/.exec(site)?.[1] ?? '';
  expect(dicomweb).toContain('proxy_pass http://127.0.0.1:3001;');
  expect(site).not.toMatch(/proxy_pass http:\/\/[^;]*8042/);
});
