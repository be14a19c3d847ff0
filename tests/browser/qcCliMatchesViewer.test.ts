import { demoManifest, realSizeChestCase } from '@segqc/demo-data';
import { stowInstances } from '@segqc/server';
import { failedCriterionText } from '@segqc/core';
import { browserSession } from '../harness/browserSession';
import type { QcCaseResult, QcPairResult } from '../../packages/cli/src/qc/QcCaseResult';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { segqc } from '../harness/segqcCommand';

// "`segqc qc` over the demo PACS finishes with a progress bar and the same numbers as the viewer."
// One Orthanc holds two triple-read demo CT cases: ct-08, open for review (Okafor drifting on the
// lungs), and ct-01, adjudicated (its reference-standard SEG is not one more opinion, on either
// side); and the MR case mr-01, whose viewer opens with the T1 series on screen while the lesions
// were drawn on FLAIR: both sides must judge it against the SOP for the annotated series (the FLAIR
// lesion SOP), not the one on screen. The built `segqc qc --json` runs over it in worker threads;
// then each case is opened in the reviewer mode of the prebuilt OHIF viewer, whose Web Worker
// computes the agreement from the same PACS on its own. Every row of the agreement table — the
// structure, the pair, Dice, HD95, NSD, the volumes, missed / extra lesions, the verdict and the
// failed criteria in words — must be the CLI's number for that pair and structure: as text at the
// precision the panel shows it, and from the row's data-* attributes to 1e-9. Neither side may hold
// a row the other lacks, and the CLI's progress on stderr ends at 100 %. The SOP the panel shows
// in force is the one the CLI judged by (id, version, hash).
jest.setTimeout(400_000);

const CASES = ['ct-08', 'ct-01', 'mr-01'];
const manifest = demoManifest({ cases: CASES });
const FULL_PRECISION = 1e-9;

const session = browserSession({ cases: CASES, name: 'qc-cli-matches-viewer' });


/**
 * One pair row of the agreement as the page holds it: its data-* attributes (without "data-"), the
 * texts of its structure, pair, measures (Dice, HD95, NSD, volumes, missed / extra) and verdict, in
 * that order, and why it escalates in words.
 */
interface TableRow {
  data: Record<string, string>;
  cells: string[];
  why: string;
}

async function agreementTable(): Promise<TableRow[]> {
  return session.browser.page.getByTestId('segqc-review-row').evaluateAll((rows) =>
    rows.map((row) => {
      const text = (element: Element | null | undefined) => (element?.textContent ?? '').trim();
      return {
        data: Object.fromEntries([...row.attributes].filter((a) => a.name.startsWith('data-')).map((a) => [a.name.slice('data-'.length), a.value])),
        cells: [
          text(row.closest('[data-testid=segqc-review-structure]')?.querySelector('.segqc-review-structure-label')),
          text(row.querySelector('[data-testid=segqc-review-pair]')),
          ...[...row.querySelectorAll('.segqc-review-measures dd')].map(text),
          text(row.querySelector('[data-testid=segqc-review-verdict]')),
        ],
        why: text(row.querySelector('[data-testid=segqc-review-why]')),
      };
    }),
  );
}

const key = (structure: string, a: string, b: string) => `${structure} | ${a} – ${b}`;

/**
 * Compares what a table cell shows with the CLI's value at the precision shown: "—" for null, else
 * a plain decimal (an optional unit after it) that is the CLI value rounded to as many decimals.
 */
function checkShown(mismatches: string[], where: string, shown: string, cli: number | null): void {
  if (cli === null) {
    if (shown !== '—') mismatches.push(`${where}: table shows "${shown}", CLI has null`);
    return;
  }
  const match = /^(-?\d+(?:\.(\d+))?)/.exec(shown);
  if (!match) {
    mismatches.push(`${where}: table shows "${shown}", CLI has ${cli}`);
    return;
  }
  const decimals = match[2]?.length ?? 0;
  if (match[1] !== cli.toFixed(decimals)) mismatches.push(`${where}: table shows ${match[1]}, CLI has ${cli} (${cli.toFixed(decimals)} at that precision)`);
}

/** Compares a full-precision data-* attribute ('' for null) with the CLI's value. */
function checkExact(mismatches: string[], where: string, attribute: string | undefined, cli: number | null): void {
  if (attribute === undefined) {
    mismatches.push(`${where}: the row has no such data attribute`);
    return;
  }
  if (cli === null || attribute === '') {
    if (!(cli === null && attribute === '')) mismatches.push(`${where}: data attribute "${attribute}", CLI has ${cli}`);
    return;
  }
  const value = Number(attribute);
  if (!(Math.abs(value - cli) <= FULL_PRECISION)) mismatches.push(`${where}: data attribute ${attribute}, CLI has ${cli} (difference ${value - cli})`);
}

const VERDICT_TEXT = { escalate: 'Escalate', pass: 'Pass', 'no-thresholds': 'No SOP limits' } as const;

/** Why the row escalates, in words, against the CLI's failed criteria in the same words ("Dice 0.39 < 0.70; missing from Okafor, Chidi"). */
function checkFailed(mismatches: string[], where: string, why: string, cli: QcPairResult['failed']): void {
  const expected = cli.map(failedCriterionText).join('; ');
  if (why !== expected) mismatches.push(`${where} failed criteria: panel "${why}", CLI "${expected}"`);
}

/** The CLI's worst-first rows as the panel groups them: by structure, each structure where its worst row is, rows in order within it. */
function groupedByStructure(pairs: QcPairResult[]): QcPairResult[] {
  return [...new Set(pairs.map((pair) => pair.structure))].flatMap((structure) => pairs.filter((pair) => pair.structure === structure));
}

/** Every difference between one table row and the CLI's result for the same structure and (ordered) pair. */
function compareRow(where: string, row: TableRow, pair: QcPairResult): string[] {
  const mismatches: string[] = [];
  const [structure, shownPair, dice, hd95, nsd, volumes, lesions, verdict] = row.cells;
  if (row.cells.length !== 8) mismatches.push(`${where}: ${row.cells.length} texts, expected 8: ${JSON.stringify(row.cells)}`);
  if (structure !== pair.structure) mismatches.push(`${where}: structure cell "${structure}"`);
  if (shownPair !== `${pair.a} – ${pair.b}`) mismatches.push(`${where}: pair cell "${shownPair}"`);

  checkShown(mismatches, `${where} Dice`, dice, pair.dice);
  checkShown(mismatches, `${where} HD95`, hd95, pair.hd95Mm);
  checkShown(mismatches, `${where} NSD`, nsd, pair.nsdToleranceMm === null ? null : pair.nsd);
  const [volumeA, volumeB, ...restOfVolumes] = volumes.split(' / ');
  if (restOfVolumes.length > 0 || volumeB === undefined) mismatches.push(`${where}: volume cell "${volumes}"`);
  checkShown(mismatches, `${where} volume A`, volumeA, pair.volumeAMl);
  checkShown(mismatches, `${where} volume B`, volumeB ?? '', pair.volumeBMl);
  const expectedLesions = pair.lesions.missedByB === null ? '—' : `${pair.lesions.missedByB} / ${pair.lesions.extraInB}`;
  if (lesions !== expectedLesions) mismatches.push(`${where}: miss/extra cell "${lesions}", CLI "${expectedLesions}"`);
  if (verdict !== VERDICT_TEXT[pair.verdict]) mismatches.push(`${where}: verdict cell "${verdict}", CLI ${pair.verdict}`);
  checkFailed(mismatches, where, row.why, pair.failed);

  // Full precision, from the row's attributes.
  if (row.data.verdict !== pair.verdict) mismatches.push(`${where}: data-verdict ${row.data.verdict}, CLI ${pair.verdict}`);
  checkExact(mismatches, `${where} data-dice`, row.data.dice, pair.dice);
  checkExact(mismatches, `${where} data-hd95`, row.data.hd95, pair.hd95Mm);
  checkExact(mismatches, `${where} data-nsd`, row.data.nsd, pair.nsd);
  checkExact(mismatches, `${where} data-nsd-tolerance`, row.data['nsd-tolerance'], pair.nsdToleranceMm);
  checkExact(mismatches, `${where} data-volume-a`, row.data['volume-a'], pair.volumeAMl);
  checkExact(mismatches, `${where} data-volume-b`, row.data['volume-b'], pair.volumeBMl);
  checkExact(mismatches, `${where} data-missed`, row.data.missed, pair.lesions.missedByB);
  checkExact(mismatches, `${where} data-extra`, row.data.extra, pair.lesions.extraInB);
  return mismatches;
}

test('segqc qc --json over the demo PACS ends its progress at 100 % and gives every row of the viewer\'s agreement table, number for number', async () => {
  // The CLI, as a user runs it; stderr is not a terminal, so the progress comes as plain lines.
  const started = Date.now();
  const { code, stdout, stderr } = await segqc(['qc', '--pacs', session.pacs.dicomwebUrl, '--workers', '2', '--json']);
  const cliSeconds = (Date.now() - started) / 1000;
  expect([code, stderr.split('\n')[0]]).toEqual([0, `segqc qc: ${CASES.length} cases`]);
  const progressLines = stderr.trim().split('\n');
  expect(progressLines.pop()).toMatch(new RegExp(`^segqc qc: ${CASES.length}/${CASES.length} cases, \\d+ escalated, (\\d+ s|\\d+m\\d\\ds) \\(100%\\)$`));
  // Any line in between is an earlier state of the same progress, below 100 %.
  for (const line of progressLines.slice(1)) expect(line).toMatch(/^segqc qc: \d+\/\d+ cases, .* \((\d|[1-9]\d)%\)$/);
  const cli = JSON.parse(stdout) as QcJson;
  expect(cli.summary).toMatchObject({ cases: CASES.length, reviewed: CASES.length, failed: 0, notDoubleRead: 0 });
  expect(cli.cases.map((c) => c.studyInstanceUid).sort()).toEqual(manifest.cases.map((c) => c.StudyInstanceUID).sort());

  const report: string[] = [];
  for (const demoCase of manifest.cases) {
    const result = cli.cases.find((c) => c.studyInstanceUid === demoCase.StudyInstanceUID)!;
    report.push(await expectViewerTableIsCli(demoCase.caseId, result));
  }
  console.log(`segqc qc: ${cliSeconds.toFixed(1)} s for ${CASES.length} cases; last progress line "${stderr.trim().split('\n').pop()}"\n${report.join('\n')}`);
  expect(session.browser.errors).toEqual([]);
});

// Issue 16: the same at real size — a generated 512×512×300 chest CT with three annotators' ~17 MB
// SEGs (realSizeChestCase), stored in the same PACS; `segqc qc --study` and the viewer's table agree
// number for number. The timings of it are `npm run bench realSizeReview`'s.
test('at real size (512×512×300, three annotators), the viewer\'s agreement table is segqc qc --json\'s, row for row', async () => {
  const realSize = realSizeChestCase({ name: 'qc-cli-matches-viewer' });
  let batch: Uint8Array[] = [];
  const { orthanc } = session.pacs;
  for (const file of realSize.files()) {
    batch.push(file.bytes);
    if (batch.length === 20) {
      await stowInstances(orthanc.dicomwebUrl, batch, { Authorization: orthanc.authorization });
      batch = [];
    }
  }
  if (batch.length > 0) await stowInstances(orthanc.dicomwebUrl, batch, { Authorization: orthanc.authorization });

  const { code, stdout, stderr } = await segqc(['qc', '--pacs', session.pacs.dicomwebUrl, '--study', realSize.studyInstanceUid, '--json']);
  expect([code, stderr.split('\n')[0]]).toEqual([0, 'segqc qc: 1 case']);
  const [result] = (JSON.parse(stdout) as QcJson).cases;
  expect(result!.annotations).toHaveLength(3);
  expect(result!.pairs).toHaveLength(9);
  console.log(await expectViewerTableIsCli('real-size', result!));
  expect(session.browser.errors).toEqual([]);
});

/** Opens the case in the reviewer mode and expects its agreement table to be the CLI's result for it; returns a line for the log. */
async function expectViewerTableIsCli(name: string, result: QcCaseResult): Promise<string> {
  const { page, screenshot } = session.browser;
  expect([name, result.status, result.excluded]).toEqual([name, 'reviewed', []]);
  // Two or more annotations, so at least one pair on every structure.
  expect(result.annotations.length).toBeGreaterThanOrEqual(2);
  expect(result.pairs.length).toBeGreaterThan(0);

  // The same case in the viewer, opened as a reviewer opens it.
  const opened = Date.now();
  await page.goto(`${session.viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${result.studyInstanceUid}`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid=segqc-review][data-status=done]').waitFor({ timeout: 240_000 });
  const viewerSeconds = (Date.now() - opened) / 1000;
  await screenshot(`${name}-agreement-table`);
  // The SOP judged by: the CLI's, whatever series the viewport shows.
  expect(result.sop).not.toBeNull();
  const shownSop = [await page.getByTestId('segqc-sop-id').textContent(), await page.getByTestId('segqc-sop-version').textContent(), await page.getByTestId('segqc-sop-hash').textContent()];
  expect([name, ...shownSop]).toEqual([name, result.sop!.id, result.sop!.version, result.sop!.sha256.slice(0, 16)]);
  expect(await page.getByTestId('segqc-review-excluded').count()).toBe(0);
  const table = await agreementTable();

  // Nothing missing on either side: the same pair × structure rows, each once, in the same (worst-first) order, grouped by structure.
  const tableKeys = table.map((row) => key(row.data.structure, row.data.a, row.data.b));
  const cliKeys = groupedByStructure(result.pairs).map((pair) => key(pair.structure, pair.a, pair.b));
  expect(new Set(tableKeys).size).toBe(tableKeys.length);
  expect(new Set(cliKeys).size).toBe(cliKeys.length);
  expect([name, table.length]).toEqual([name, result.pairs.length]);
  expect([...tableKeys].sort()).toEqual([...cliKeys].sort());
  expect(tableKeys).toEqual(cliKeys);

  const mismatches = result.pairs.flatMap((pair) => {
    const where = `${name} ${key(pair.structure, pair.a, pair.b)}`;
    const row = table.find((r) => r.data.structure === pair.structure && r.data.a === pair.a && r.data.b === pair.b)!;
    return compareRow(where, row, pair);
  });
  expect(mismatches).toEqual([]);
  return `${name}: ${table.length} rows (${new Set(result.pairs.map((p) => p.structure)).size} structures × ${result.annotations.length} annotations), ` +
    `${table.filter((r) => r.data.verdict === 'escalate').length} escalated; viewer ${viewerSeconds.toFixed(1)} s`;
}
