import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerCaseRunner } from './caseRunner';

// Why: a worker thread that dies on one case (out of memory on a huge series, a crash) must fail
// that case with the reason and not take the rest of the run with it. The worker here is a
// stand-in script speaking the qcWorker protocol.

let dir: string;
let script: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-worker-'));
  script = join(dir, 'worker.js');
  writeFileSync(script, `
    const { parentPort, workerData } = require('node:worker_threads');
    parentPort.on('message', ({ studyInstanceUid }) => {
      if (studyInstanceUid === '1.666') process.exit(7);
      if (studyInstanceUid === '1.667') throw new Error('out of memory');
      parentPort.postMessage({ kind: 'result', result: { studyInstanceUid, status: 'reviewed', error: null, root: workerData.root }, inventory: null });
    });
  `);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DATA = { root: 'https://pacs.test/dicom-web', credential: { kind: 'none' } as const, issued: null, sopDir: '/nowhere', writeReports: null };

test('cases answered in turn; a worker that exits or throws fails its case and is replaced', async () => {
  const runner = new WorkerCaseRunner(DATA, script);
  try {
    expect(await runner.run('1.1')).toEqual({ result: { studyInstanceUid: '1.1', status: 'reviewed', error: null, root: DATA.root }, inventory: null });
    const { result: exited } = await runner.run('1.666');
    expect([exited.studyInstanceUid, exited.status, exited.error]).toEqual(['1.666', 'failed', 'the worker judging it stopped: it exited with code 7']);
    expect((await runner.run('1.2')).result.status).toBe('reviewed');
    const { result: thrown } = await runner.run('1.667');
    expect([thrown.status, thrown.error]).toEqual(['failed', 'the worker judging it stopped: out of memory']);
    expect((await runner.run('1.3')).result.studyInstanceUid).toBe('1.3');
  } finally {
    await runner.close();
  }
});
