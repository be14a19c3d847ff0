import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest } from '@segqc/demo-data';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { browserSession } from '../harness/browserSession';
import { segqc } from '../harness/segqcCommand';

// Issue 14's triage: before anyone records a review, the QC overview shows the verdict each case's
// annotations predict against its SOP, read from the case store that `segqc sync` keeps (through
// the gateway, as `npm start` runs it): ct-08 awaits its review, yet 7 of its 9 pair × structure
// rows fail the SOP, so it is "escalation predicted", the failing structures and pairs in words,
// and the "Escalated" filter finds it. Every predicted verdict is the one `segqc qc` gives.
jest.setTimeout(600_000);

const CASES = ['ct-01', 'ct-08', 'mr-01'];
const manifest = demoManifest({ cases: CASES });
const caseOfStudy = (uid: string) => manifest.cases.find((c) => c.StudyInstanceUID === uid)!.caseId;
const storeDir = mkdtempSync(join(tmpdir(), 'segqc-overview-store-'));
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));
const session = browserSession({ cases: CASES, name: 'overview-triage', caseStoreDir: storeDir });

test('the overview predicts each case\'s verdict from the store, names the failing structures and pairs, and filters by it', async () => {
  const { page, screenshot, errors } = session.browser;
  const gateway = `${session.viewer.baseUrl}/dicom-web`;
  const synced = await segqc(['sync', '--pacs', gateway, '--store', storeDir, '--workers', '2']);
  expect([synced.code, synced.stderr]).toEqual([0, expect.stringContaining('segqc sync: 3 cases in the store (3 judged')]);
  const qc = JSON.parse((await segqc(['qc', '--pacs', gateway, '--workers', '2', '--json'])).stdout) as QcJson;
  const expected = new Map(qc.cases.map((c) => [caseOfStudy(c.studyInstanceUid), c]));

  await page.goto(`${session.viewer.baseUrl}/qc-overview`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid=segqc-overview][data-status=done][data-source=store]').waitFor({ timeout: 120_000 });
  await screenshot('01-overview-triage');
  const readRows = () => page.getByTestId('segqc-overview-row').evaluateAll((rows) => rows.map((row) => {
    const triage = row.querySelector('[data-testid=segqc-overview-triage]')!;
    return {
      study: row.getAttribute('data-study')!, state: row.getAttribute('data-state'), predicted: row.getAttribute('data-predicted'), verdict: triage.getAttribute('data-verdict'),
      failing: [...row.querySelectorAll('[data-testid=segqc-overview-failing]')].map((li) => [li.getAttribute('data-structure'), Number(li.getAttribute('data-failing'))]),
    };
  }));
  const rows = await readRows();
  expect(rows.map((row) => caseOfStudy(row.study)).sort()).toEqual(CASES);
  for (const row of rows) {
    const result = expected.get(caseOfStudy(row.study))!;
    const escalatedPairs = result.structures.filter((s) => s.verdict === 'escalate').map((s) => [s.label, s.escalatedPairs]);
    const predicted = row.state === 'awaiting-review' ? { escalate: 'escalation-predicted', pass: 'agreement-predicted', 'no-thresholds': '' }[result.verdict!] : '';
    expect({ case: caseOfStudy(row.study), state: row.state, verdict: row.verdict, predicted: row.predicted, failing: [...row.failing].sort() })
      .toEqual({ case: caseOfStudy(row.study), state: result.state, verdict: result.verdict, predicted, failing: [...escalatedPairs].sort() });
  }
  const ct08 = rows.find((row) => caseOfStudy(row.study) === 'ct-08')!;
  expect([ct08.state, ct08.predicted, ct08.failing.reduce((sum, [, n]) => sum + Number(n), 0)]).toEqual(['awaiting-review', 'escalation-predicted', 7]);
  const ct08Text = await page.locator(`[data-testid=segqc-overview-row][data-study="${ct08.study}"] [data-testid=segqc-overview-triage]`).innerText();
  expect(ct08Text).toMatch(/Escalate against ct-lung-nodule@1\.2\.0/);
  expect(ct08Text).toMatch(/ – .+: (Dice \d\.\d\d < \d\.\d\d|HD95 \d+\.\d mm > \d+\.\d mm|NSD)/);

  // "Escalated" finds the recorded and the predicted escalations; the agreement filter, the predicted verdicts.
  const shown = async () => (await readRows()).map((row) => caseOfStudy(row.study)).sort();
  await page.getByTestId('segqc-overview-filter-state').selectOption('escalated');
  expect(await shown()).toEqual(rows.filter((row) => row.state === 'escalated' || row.predicted === 'escalation-predicted').map((row) => caseOfStudy(row.study)).sort());
  expect(await shown()).toContain('ct-08');
  await page.getByTestId('segqc-overview-filter-state').selectOption('');
  await page.getByTestId('segqc-overview-filter-agreement').selectOption('escalate');
  expect(await shown()).toEqual([...expected].filter(([, result]) => result.verdict === 'escalate').map(([caseId]) => caseId).sort());
  expect(errors).toEqual([]);
});
