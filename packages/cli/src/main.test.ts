import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './main';

// The CLI is the batch face of SegQC; its contract starts with help, version and clean usage errors.
function capture(args: string[]) {
  let out = '';
  let err = '';
  const code = run(args, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

const packageVersion = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;

test('--version prints the package version and exits 0', () => {
  expect(capture(['--version'])).toEqual({ code: 0, out: `${packageVersion}\n`, err: '' });
});

test('--help prints usage on stdout and exits 0', () => {
  const { code, out } = capture(['--help']);
  expect(code).toBe(0);
  expect(out).toMatch(/^segqc \d+\.\d+\.\d+/);
  expect(out).toContain('Usage: segqc <command>');
});

test('an unknown command is a one-line usage error with exit code 2', () => {
  const { code, out, err } = capture(['frobnicate']);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toContain("'frobnicate'");
});

test('no arguments prints usage and exits 2', () => {
  const { code, out } = capture([]);
  expect(code).toBe(2);
  expect(out).toContain('Usage');
});

test('seg is wired: without arguments it is a one-line usage error naming the command', () => {
  const { code, out, err } = capture(['seg']);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^segqc: .*--source/);
});

test('report is wired: without arguments it is a one-line usage error', () => {
  const { code, out, err } = capture(['report']);
  expect([code, out]).toEqual([2, '']);
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^segqc: /);
});

test('an error message quoting hostile text prints as one line without control characters', () => {
  const { code, err } = capture(['frob\u001b[2J\u009b31m\nnicate']);
  expect(code).toBe(2);
  expect(err).toBe("segqc: unknown command or option 'frob[2J31m nicate'; see segqc --help\n");
});

test('the help tells where the access token comes from, and that --token shows in process lists', () => {
  const { out } = capture(['--help']);
  expect(out).toContain('--token-file FILE, SEGQC_DICOMWEB_TOKEN_FILE');
  expect(out).toContain('--token TOKEN    the token itself; it shows in process lists (ps), prefer a file');
  expect(out).toContain('SEGQC_OIDC_CLIENT_ID with SEGQC_OIDC_ISSUER, SEGQC_OIDC_CLIENT_SECRET_FILE [, SEGQC_OIDC_RESOURCE]');
});

// Why: a nightly job reads the exit code and one line of stderr: the gateway refusing the token is
// exit 1 with why; a token file others can read is a mistake of the setup, exit 2, and nothing is asked.
test('a PACS that asks for a token: one line saying so, exit 1; a token file others can read: one line, exit 2, no request', async () => {
  const requests: string[] = [];
  const gateway = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token", error_description="a bearer access token is required"', 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'unauthenticated', message: 'a bearer access token is required' }));
  });
  await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'segqc-main-'));
  try {
    const pacs = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/dicom-web`;
    let err = '';
    expect(await run(['qc', '--pacs', pacs], () => undefined, (text) => (err += text))).toBe(1);
    expect(err).toMatch(/^segqc: the PACS asks for an access token \(HTTP 401: a bearer access token is required\); give one with --token-file FILE [^\n]*\n$/);
    expect(requests).toHaveLength(1);

    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, 'abc');
    chmodSync(tokenFile, 0o640);
    err = '';
    expect(await run(['qc', '--pacs', pacs, '--token-file', tokenFile], () => undefined, (text) => (err += text))).toBe(2);
    expect(err).toBe(`segqc: --token-file ${tokenFile}: permissions 0640 are too open, other users have access to it; chmod 600 ${tokenFile}\n`);
    expect(requests).toHaveLength(1);
  } finally {
    gateway.closeAllConnections();
    await new Promise((resolve) => gateway.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
