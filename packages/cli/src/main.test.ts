import { readFileSync } from 'node:fs';
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
