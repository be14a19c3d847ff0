// The CLI is what `npm run demo-data -- --out DIR` runs: bad arguments must give a one-line usage
// error and exit code 2; good ones write the files and the manifest.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, parseArguments } from './main';

describe('parseArguments', () => {
  it('accepts --out and an optional case list', () => {
    expect(parseArguments(['--out', '/tmp/x'])).toEqual({ out: '/tmp/x' });
    expect(parseArguments(['--out', '/tmp/x', '--cases', 'ct-01, mr-01'])).toEqual({ out: '/tmp/x', cases: ['ct-01', 'mr-01'] });
  });

  it.each([
    [[], '--out DIR is required'],
    [['--out'], '--out needs a value'],
    [['--out', '--cases', 'ct-01'], '--out needs a value'],
    [['--out', 'x', '--cases', 'ct-99'], 'unknown case id(s): ct-99'],
    [['--out', 'x', '--cases', ','], '--cases needs at least one case id'],
    [['--out', 'x', '--verbose'], 'unknown argument "--verbose"'],
  ])('rejects %j: %s', (argv, reason) => {
    expect(parseArguments(argv)).toBe(reason);
  });
});

describe('main', () => {
  let stderr: string[];
  let stdout: string[];
  beforeEach(() => {
    stderr = [];
    stdout = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints a usage error and returns 2 on a bad argument', () => {
    expect(main(['--cases', 'ct-01'])).toBe(2);
    expect(stderr.join('')).toMatch(/^segqc-demo-data: --out DIR is required\nusage: segqc-demo-data --out DIR/);
    expect(stdout).toEqual([]);
  });

  it('writes the chosen cases and manifest.json and prints a one-line summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'segqc-demo-'));
    try {
      expect(main(['--out', dir, '--cases', 'mr-02'])).toBe(0);
      expect(readdirSync(join(dir, 'mr-02')).sort()).toEqual(['flair', 'seg', 't1', 't2']);
      expect(readdirSync(join(dir, 'mr-02', 'seg')).sort()).toEqual(['chen.dcm', 'rivera.dcm']);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.cases.map((c: { caseId: string }) => c.caseId)).toEqual(['mr-02']);
      expect(existsSync(join(dir, 'mr-02', 'flair', '0040.dcm'))).toBe(true);
      expect(stdout).toHaveLength(1);
      expect(stdout[0]).toMatch(/^segqc-demo-data: wrote 122 files \([\d.]+ MB\) for 1 cases to .* in [\d.]+ s; manifest .*manifest\.json\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
