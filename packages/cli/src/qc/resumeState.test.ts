import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../usageError';
import type { QcCaseResult } from './QcCaseResult';
import { emptyResumeState, readResumeState, writeResumeState } from './resumeState';

// Why: an interrupted `segqc qc` over thousands of cases resumes where it stopped. The state file is
// replaced atomically after each case, and a file from another PACS or another kind of run must
// not be taken for this one.

const PACS = 'https://pacs.example/dicom-web';
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'segqc-state-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const result = { studyInstanceUid: '1.2.3', status: 'reviewed', verdict: 'pass', structures: [], pairs: [], unreadable: [] } as unknown as QcCaseResult;

test('a file that does not exist yet is an empty state; what is written reads back; no temporary file is left', () => {
  const path = join(dir, 'state.json');
  const state = readResumeState(path, { pacs: PACS, writeReports: false });
  expect(state).toEqual(emptyResumeState(PACS, false));
  expect(existsSync(path)).toBe(false);
  state.cases.set('1.2.3', result);
  writeResumeState(path, state);
  expect(readResumeState(path, { pacs: PACS, writeReports: false })).toEqual({ format: 'segqc-qc-state', version: 1, pacs: PACS, writeReports: false, cases: new Map([['1.2.3', result]]) });
  expect(JSON.parse(readFileSync(path, 'utf8')).cases).toEqual({ '1.2.3': result });
  expect(readdirSync(dir)).toEqual(['state.json']);
});

test('a study whose UID a hostile PACS spells __proto__ or constructor is a case of its own, written and read back', () => {
  const path = join(dir, 'state.json');
  const state = emptyResumeState(PACS, false);
  for (const study of ['__proto__', 'constructor', '1.2.3']) state.cases.set(study, { ...result, studyInstanceUid: study });
  writeResumeState(path, state);
  expect(readFileSync(path, 'utf8')).toContain('"__proto__":{"studyInstanceUid":"__proto__"');
  const read = readResumeState(path, { pacs: PACS, writeReports: false });
  expect([...read.cases.keys()]).toEqual(['__proto__', 'constructor', '1.2.3']);
  expect(read.cases.get('__proto__')?.studyInstanceUid).toBe('__proto__');
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(({} as Record<string, unknown>)['studyInstanceUid']).toBeUndefined();
});

test('another PACS, another kind of run, or not a state file: a usage error naming the file', () => {
  const path = join(dir, 'state.json');
  writeResumeState(path, emptyResumeState(PACS, true));
  expect(() => readResumeState(path, { pacs: 'https://other.example/dicom-web', writeReports: true })).toThrow(new UsageError(`--state ${path} is of a run on ${PACS}, not https://other.example/dicom-web`));
  expect(() => readResumeState(path, { pacs: PACS, writeReports: false })).toThrow(new UsageError(`--state ${path} is of a run with --write-reports; resume it the same way, or give a new file`));
  writeFileSync(path, '{"cases": {}}');
  expect(() => readResumeState(path, { pacs: PACS, writeReports: true })).toThrow(new UsageError(`--state ${path} is not a segqc qc state file`));
  writeFileSync(path, 'half a fi');
  expect(() => readResumeState(path, { pacs: PACS, writeReports: true })).toThrow(new UsageError(`--state ${path} is not JSON; give a new file, or the one an earlier segqc qc wrote`));
  expect(readFileSync(path, 'utf8')).toBe('half a fi');
});
