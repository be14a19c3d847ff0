import { ANNOTATORS, PROGRAMME_DAYS, PROGRAMME_START, demoManifest, generateDemoFiles, type AnnotatorKey } from '@segqc/demo-data';
import { describeJudgedSeg, readSegmentation, readSourceImages, reviewCase, writeReviewReport, type BitMask } from '@segqc/core';
import { stowInstances } from '@segqc/server';
import { SIGNED_AT } from '../../packages/core/src/adjudication/adjudication.fixture';
import { ctLungNoduleSop } from '../../packages/core/src/review/review.fixture';
import { browserSession } from '../harness/browserSession';
import { demoCaseMasks } from '../harness/demoCaseMasks';

// The QA lead's view of the demo programme: eight CT cases a week apart, read by Rivera, Chen and
// Okafor (Okafor drifts to segmenting the lungs ever larger), a calibration case with a gold
// reference; ct-01..ct-07 were adjudicated by the senior radiologist (the demo's signed
// adjudications, whose reference SEG is the phantom's truth), ct-08 is still open. Before the viewer
// opens, the PACS receives what a reviewer wrote afterwards: a review of ct-01 that revises its
// adjudication (judging the same SEGs, so the adjudication stands). The dashboard is reached from the study list; every number it draws is checked
// against one computed here, voxel by voxel, from the generator's own SEG files: each annotator's
// Dice against the case's reference standard (the adjudicated SEG of ct-01..ct-07, the gold of
// ct-cal), charted and monitored; ct-08's Dice against the majority vote of its three annotators,
// shown but not monitored; the EWMA chart written out again, the pairwise Dice, the lesion-count
// kappa and alpha, the calibration scores.
jest.setTimeout(900_000);

const CT_CASES = ['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07', 'ct-08'];
/** The cases with the demo's signed adjudication; ct-08 has none. */
const ADJUDICATED = CT_CASES.filter((c) => c !== 'ct-08');
const CASES = [...CT_CASES, 'ct-cal'];
const READERS: AnnotatorKey[] = ['rivera', 'chen', 'okafor'];
const STRUCTURES = ['Right lung', 'Left lung', 'Lung nodule'];
const manifest = demoManifest({ cases: CASES });
const planOf = (caseId: string) => manifest.cases.find((c) => c.caseId === caseId)!;
const caseOfStudy = (uid: string) => manifest.cases.find((c) => c.StudyInstanceUID === uid)!.caseId;
const nameOf = (reader: string) => ANNOTATORS[reader as AnnotatorKey].name;
const segOf = (caseId: string, reader: string) => planOf(caseId).segs.find((s) => s.annotator.key === reader)!;

/** A mask as one byte per voxel. */
const bytesOf = (mask: BitMask, voxels: number): Uint8Array => {
  const out = new Uint8Array(voxels);
  for (let i = 0; i < voxels; i++) if (mask.get(i)) out[i] = 1;
  return out;
};
function dice(a: Uint8Array, b: Uint8Array): number {
  let both = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    na += a[i];
    nb += b[i];
    both += a[i] & b[i];
  }
  return na + nb === 0 ? 1 : (2 * both) / (na + nb);
}
/** In at least 2 of the 3. */
function majority(masks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(masks[0].length);
  for (let i = 0; i < out.length; i++) out[i] = masks[0][i] + masks[1][i] + masks[2][i] >= 2 ? 1 : 0;
  return out;
}
/** 26-connected components, by flood fill. */
function components(mask: Uint8Array, columns: number, rows: number, slices: number): number {
  const seen = new Uint8Array(mask.length);
  let count = 0;
  for (let seed = 0; seed < mask.length; seed++) {
    if (!mask[seed] || seen[seed]) continue;
    count++;
    const stack = [seed];
    seen[seed] = 1;
    while (stack.length > 0) {
      const v = stack.pop()!;
      const i = v % columns, j = Math.floor(v / columns) % rows, k = Math.floor(v / (columns * rows));
      for (let dk = -1; dk <= 1; dk++) for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) {
        const [x, y, z] = [i + di, j + dj, k + dk];
        if (x < 0 || y < 0 || z < 0 || x >= columns || y >= rows || z >= slices) continue;
        const n = x + columns * (y + rows * z);
        if (mask[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
  }
  return count;
}

/** Γ at an integer or half-integer > 0. */
const gamma = (x: number): number => (x === 1 ? 1 : x === 0.5 ? Math.sqrt(Math.PI) : (x - 1) * gamma(x - 1));
interface HandChartPoint { ewma: number | null; lower: number | null; upper: number | null; alarm: 'above' | 'below' | null }
/** The EWMA chart written out: the first 4 values give the centre and σ = s / c4(4); then λ 0.2, L 3, exact limits. */
/**
 * The drift chart's rule written out (issue 14): σ = max(s / c4(4), floor) with floor = m / L, m the
 * SOP's meaningful Dice change of the structure (0 for the schedule's offsets, whose scale is not Dice);
 * only a fall below the lower limit alarms.
 */
function ewmaByHand(values: number[], floor = 0): HandChartPoint[] {
  const n = 4, lambda = 0.2, width = 3;
  const baseline = values.slice(0, n);
  const centre = baseline.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(baseline.reduce((a, x) => a + (x - centre) ** 2, 0) / (n - 1));
  const sigma = Math.max(s / (Math.sqrt(2 / (n - 1)) * (gamma(n / 2) / gamma((n - 1) / 2))), floor);
  let z = centre;
  return values.map((value, index) => {
    if (index < n) return { ewma: null, lower: null, upper: null, alarm: null };
    const i = index - n + 1;
    z = lambda * value + (1 - lambda) * z;
    const half = width * sigma * Math.sqrt((lambda / (2 - lambda)) * (1 - (1 - lambda) ** (2 * i)));
    return { ewma: z, lower: centre - half, upper: centre + half, alarm: z < centre - half ? 'below' : null };
  });
}

/** The CT lung-nodule SOP's meaningful Dice change (platform-config/sops/ct-lung-nodule.json), which the dashboard takes from the served library. */
const MEANINGFUL_DICE_CHANGE: Record<string, number> = { 'Right lung': 0.02, 'Left lung': 0.02, 'Lung nodule': 0.05 };

interface CaseTruth {
  /** Dice of each reader against the case's reference, per structure. */
  againstReference: Record<string, Record<string, number>>;
  reference: 'adjudicated' | 'peer' | 'gold';
  pairs: Record<string, Record<string, number>>;
  lesions: Record<string, number>;
}

const session = browserSession({ cases: CASES, name: 'programme-dashboard' });
const truth = new Map<string, CaseTruth>();

beforeAll(async () => {
  // What a reviewer wrote after the adjudication: ct-01 reviewed again, revising the demo's adjudication (its latest report).
  expect(manifest.cases.filter((c) => c.reference !== null).map((c) => c.caseId)).toEqual(ADJUDICATED);
  const files01 = [...generateDemoFiles({ cases: ['ct-01'] })];
  const sourceImages01 = readSourceImages(files01.filter((f) => f.path.startsWith('ct-01/ct/')).map((f) => f.bytes));
  const judged01 = READERS.map((reader) => {
    const bytes = files01.find((f) => f.path === `ct-01/seg/${reader}.dcm`)!.bytes;
    return { info: describeJudgedSeg(bytes), segmentation: readSegmentation(bytes, sourceImages01) };
  });
  const sop = ctLungNoduleSop();
  const review01 = reviewCase(judged01.map((annotation, n) => ({ id: 'ABC'[n], segmentation: annotation.segmentation })), sop);
  const { report: review01Report } = writeReviewReport({
    annotations: judged01, review: review01, sourceImages: sourceImages01, sop, now: SIGNED_AT,
    reviewer: { name: 'Novak^Petra', login: 'pnovak' },
    predecessor: files01.find((f) => f.path === planOf('ct-01').reference!.report.path)!.bytes,
  });

  // The expected numbers, case by case, from the generator's files.
  for (const caseId of CASES) {
    const masks = demoCaseMasks(caseId);
    const { Columns: columns, Rows: rows } = masks.sourceImages[0];
    const slices = masks.sourceImages.length;
    const voxels = columns * rows * slices;
    const { adjudicated } = masks;
    const entry: CaseTruth = { againstReference: {}, reference: caseId === 'ct-cal' ? 'gold' : adjudicated ? 'adjudicated' : 'peer', pairs: {}, lesions: {} };
    for (const structure of STRUCTURES) {
      const readers = READERS.map((reader) => bytesOf(masks.maskOf(reader, structure), voxels));
      const reference = caseId === 'ct-cal'
        ? bytesOf(masks.maskOf('gold', structure), voxels)
        : adjudicated ? bytesOf(adjudicated.segments.find((s) => s.label === structure)!.mask, voxels) : majority(readers);
      entry.againstReference[structure] = Object.fromEntries(READERS.map((reader, r) => [reader, dice(readers[r], reference)]));
      entry.pairs[structure] = { 'rivera|chen': dice(readers[0], readers[1]), 'rivera|okafor': dice(readers[0], readers[2]), 'chen|okafor': dice(readers[1], readers[2]) };
      if (structure === 'Lung nodule') READERS.forEach((reader, r) => (entry.lesions[reader] = components(readers[r], columns, rows, slices)));
    }
    truth.set(caseId, entry);
  }

  // Before any page opens: the viewer reads the PACS when a page asks.
  await stowInstances(session.pacs.dicomwebUrl, [review01Report]);
});

interface ChartRead {
  annotator: string; structure: string; modality: string; alarms: number; meaningfulDiceChange: number; firstAlarmCase: string | null; recalibrationDue: boolean; legend: string; unmonitoredLegend: string;
  points: Array<{ case: string; date: string; reference: string; phase: string; dice: number; ewma: number | null; lower: number | null; upper: number | null; alarm: string }>;
  unmonitored: Array<{ case: string; reference: string; dice: number }>;
}

test('from the study list to the reliability dashboard: drift charts, recalibration, pairwise agreement, lesion labels and calibration scores as computed from the SEGs', async () => {
  const { page, screenshot, errors } = session.browser;
  const { viewer } = session;
  await page.goto(`${viewer.baseUrl}/`, { waitUntil: 'domcontentloaded' });
  // The study list's settings menu (OHIF's workList.settingsMenuItems) holds the SegQC pages.
  await page.locator('button[aria-label="Open settings"]').first().click({ timeout: 120_000 });
  await page.getByText('SegQC: reliability dashboard', { exact: true }).click();
  await page.waitForURL(`${viewer.baseUrl}/qc-dashboard`);
  await page.getByTestId('segqc-programme-progress').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=segqc-dashboard][data-status=done]').waitFor({ timeout: 600_000 });
  await screenshot('01-dashboard');

  const charts: ChartRead[] = await page.getByTestId('segqc-ewma-figure').evaluateAll((figures) => figures.map((figure) => {
    const svg = figure.querySelector('[data-testid=segqc-ewma-chart]')!;
    const number = (value: string | null) => (value === null ? null : Number(value));
    return {
      annotator: svg.getAttribute('data-annotator')!,
      structure: svg.getAttribute('data-structure')!,
      modality: svg.getAttribute('data-modality')!,
      alarms: Number(svg.getAttribute('data-alarms')),
      meaningfulDiceChange: Number(svg.getAttribute('data-meaningful-dice-change')),
      firstAlarmCase: svg.getAttribute('data-first-alarm-case'),
      recalibrationDue: svg.getAttribute('data-recalibration-due') === 'true',
      legend: figure.querySelector('[data-testid=segqc-ewma-reference]')!.textContent ?? '',
      unmonitoredLegend: figure.querySelector('[data-testid=segqc-ewma-unmonitored-legend]')?.textContent ?? '',
      unmonitored: [...svg.querySelectorAll('[data-testid=segqc-ewma-unmonitored]')].map((p) => ({
        case: p.getAttribute('data-case')!, reference: p.getAttribute('data-reference')!, dice: Number(p.getAttribute('data-dice')),
      })),
      points: [...svg.querySelectorAll('[data-testid=segqc-ewma-point]')].map((p) => ({
        case: p.getAttribute('data-case')!,
        date: p.getAttribute('data-date')!,
        reference: p.getAttribute('data-reference')!,
        phase: p.getAttribute('data-phase')!,
        dice: Number(p.getAttribute('data-dice')),
        ewma: number(p.getAttribute('data-ewma')),
        lower: number(p.getAttribute('data-lower')),
        upper: number(p.getAttribute('data-upper')),
        alarm: p.getAttribute('data-alarm')!,
      })),
    };
  }));

  // One chart per reader and structure.
  expect(charts.map((c) => `${c.annotator}|${c.structure}|${c.modality}`).sort()).toEqual(
    READERS.flatMap((reader) => STRUCTURES.map((structure) => `${nameOf(reader)}|${structure}|CT`)).sort(),
  );
  const chartOf = (reader: string, structure: string) => charts.find((c) => c.annotator === nameOf(reader) && c.structure === structure)!;
  const monitoredCases = (chart: ChartRead) => chart.points.map((p) => caseOfStudy(p.case));
  const valuesOf = (chart: ChartRead, reader: string, structure: string) => monitoredCases(chart).map((c) => truth.get(c)!.againstReference[structure][reader]);
  for (const reader of READERS) {
    for (const structure of STRUCTURES) {
      const chart = chartOf(reader, structure);
      // Monitored: the cases with a reference standard (ct-01..ct-07 adjudicated, ct-cal gold), oldest first.
      expect([...monitoredCases(chart)].sort()).toEqual([...ADJUDICATED, 'ct-cal'].sort());
      expect(chart.points.map((p) => p.date)).toEqual(chart.points.map((p) => p.date).sort());
      expect(chart.points.map((p) => p.reference)).toEqual(monitoredCases(chart).map((c) => truth.get(c)!.reference));
      const values = valuesOf(chart, reader, structure);
      chart.points.forEach((point, i) => expect(point.dice).toBeCloseTo(values[i], 9));
      // The chart's EWMA, limits and alarms are the rule written out again on these values.
      const byHand = ewmaByHand(values, MEANINGFUL_DICE_CHANGE[structure] / 3);
      expect(chart.meaningfulDiceChange).toBe(MEANINGFUL_DICE_CHANGE[structure]);
      chart.points.forEach((point, i) => {
        expect(point.phase).toBe(i < 4 ? 'baseline' : 'monitoring');
        for (const key of ['ewma', 'lower', 'upper'] as const) {
          if (byHand[i][key] === null) expect(point[key]).toBeNull();
          else expect(point[key]).toBeCloseTo(byHand[i][key]!, 9);
        }
        expect(point.alarm).toBe(byHand[i].alarm ?? 'none');
      });
      expect(chart.alarms).toBe(byHand.filter((p) => p.alarm !== null).length);
      expect(chart.legend).toContain('adjudicated reference SEG (7 cases)');
      expect(chart.legend).toContain('gold reference SEG (1 case)');
      // ct-08, still open, against the majority vote of its three annotators: shown, not monitored.
      expect(chart.unmonitored.map((p) => [caseOfStudy(p.case), p.reference])).toEqual([['ct-08', 'peer']]);
      expect(chart.unmonitored[0].dice).toBeCloseTo(truth.get('ct-08')!.againstReference[structure][reader], 9);
      expect(chart.unmonitoredLegend).toContain('not monitored: Dice against the majority vote of the case’s annotators (no adjudicated or gold SEG) (1 case)');
    }
  }

  // Okafor's lungs first alarm, below, at the case the drift schedule predicts. His boundary offset is
  // bias + drift × share of the programme elapsed; against a reference standard (the truth, offset 0)
  // his Dice deficit follows −|offset(Okafor)|; charting that with the same rule gives the case. His
  // nodules grow with his boundary: they alarm too.
  const isoDate = (da: string) => `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}`;
  const offset = (reader: AnnotatorKey, caseId: string) => {
    const days = (Date.parse(isoDate(segOf(caseId, reader).ContentDate)) - Date.parse(isoDate(PROGRAMME_START))) / 86_400_000;
    return ANNOTATORS[reader].biasVoxels + ANNOTATORS[reader].driftVoxels * Math.min(1, Math.max(0, days / PROGRAMME_DAYS));
  };
  for (const structure of STRUCTURES) {
    const chart = chartOf('okafor', structure);
    const order = monitoredCases(chart);
    const predicted = ewmaByHand(order.map((c) => -Math.abs(offset('okafor', c)))).findIndex((p) => p.alarm !== null);
    expect(predicted).toBeGreaterThanOrEqual(4);
    if (structure !== 'Lung nodule') expect(caseOfStudy(chart.firstAlarmCase!)).toBe(order[predicted]);
    expect(chart.alarms).toBeGreaterThan(0);
    expect(chart.points.filter((p) => p.alarm !== 'none').every((p) => p.alarm === 'below')).toBe(true);
    expect(chart.recalibrationDue).toBe(true);
  }
  // Rivera and Chen do not drift: against the reference standard neither chart alarms.
  for (const reader of ['rivera', 'chen']) {
    for (const structure of STRUCTURES) {
      expect([reader, structure, chartOf(reader, structure).alarms, chartOf(reader, structure).recalibrationDue]).toEqual([reader, structure, 0, false]);
    }
  }

  // Recalibration: whoever's latest point is below the limit, with the calibration case to annotate again.
  const due = await page.getByTestId('segqc-recalibration-due').evaluateAll((items) => items.map((item) => ({
    annotator: item.getAttribute('data-annotator'), cases: JSON.parse(item.getAttribute('data-calibration-cases')!) as string[],
  })));
  const dueByHand = READERS.filter((reader) => STRUCTURES.some((structure) => {
    const byHand = ewmaByHand(valuesOf(chartOf(reader, structure), reader, structure));
    return byHand[byHand.length - 1].alarm === 'below';
  }));
  expect(dueByHand).toEqual(['okafor']);
  expect(due.map((d) => d.annotator).sort()).toEqual(dueByHand.map(nameOf).sort());
  for (const entry of due) expect(entry.cases).toEqual([planOf('ct-cal').StudyInstanceUID]);

  // Pairwise inter-rater agreement: mean Dice of each pair over the eight programme cases (ct-cal is scored against its gold, not paired).
  await page.getByTestId('segqc-irr-matrix').first().scrollIntoViewIfNeeded();
  await screenshot('01b-agreement-tables');
  const cells = await page.getByTestId('segqc-irr-cell').evaluateAll((items) => items.map((item) => ({
    structure: item.closest('[data-testid=segqc-irr-matrix]')!.getAttribute('data-structure'),
    a: item.getAttribute('data-a'), b: item.getAttribute('data-b'), dice: Number(item.getAttribute('data-dice')), cases: Number(item.getAttribute('data-cases')),
  })));
  for (const structure of STRUCTURES) {
    for (const pair of ['rivera|chen', 'rivera|okafor', 'chen|okafor']) {
      const [x, y] = pair.split('|');
      const mean = CT_CASES.reduce((sum, c) => sum + truth.get(c)!.pairs[structure][pair], 0) / CT_CASES.length;
      const cell = cells.find((c) => c.structure === structure && c.a === nameOf(x) && c.b === nameOf(y))!;
      expect(cell.cases).toBe(CT_CASES.length);
      expect(cell.dice).toBeCloseTo(mean, 9);
    }
  }

  // Case-level labels: the number of nodules each reader segmented (26-connected components) in the programme cases.
  const counts = CT_CASES.map((c) => READERS.map((reader) => truth.get(c)!.lesions[reader]));
  const categories = [...new Set(counts.flat())].sort((a, b) => a - b);
  const m = READERS.length;
  const perCase = counts.map((labels) => categories.map((k) => labels.filter((l) => l === k).length));
  const meanAgreement = perCase.reduce((a, row) => a + (row.reduce((s, x) => s + x * x, 0) - m) / (m * (m - 1)), 0) / perCase.length;
  const shares = categories.map((_, j) => perCase.reduce((a, row) => a + row[j], 0) / (perCase.length * m));
  const chance = shares.reduce((a, p) => a + p * p, 0);
  const fleiss = (meanAgreement - chance) / (1 - chance);
  // Krippendorff's α, nominal, complete data: coincidences o_ck over ordered pairs within a case, / (m − 1).
  const n = perCase.length * m;
  const disagreeingCoincidences = perCase.reduce((a, row) => a + (m * m - row.reduce((s, x) => s + x * x, 0)) / (m - 1), 0);
  const totals = categories.map((_, j) => perCase.reduce((a, row) => a + row[j], 0));
  const expectedDisagreement = (n * n - totals.reduce((a, t) => a + t * t, 0)) / (n * (n - 1));
  const alpha = 1 - disagreeingCoincidences / n / expectedDisagreement;
  const countLabels = page.locator('[data-testid=segqc-label-agreement][data-kind=lesion-count][data-structure="Lung nodule"]');
  expect(Number(await countLabels.getByTestId('segqc-fleiss').getAttribute('data-kappa'))).toBeCloseTo(fleiss, 9);
  expect(Number(await countLabels.getByTestId('segqc-krippendorff').getAttribute('data-alpha'))).toBeCloseTo(alpha, 9);
  // Every reader found a nodule in every case: "lesion present" has one category, κ undefined and shown as such.
  const present = page.locator('[data-testid=segqc-label-agreement][data-kind=lesion-present][data-structure="Lung nodule"]');
  expect(await present.getByTestId('segqc-fleiss').getAttribute('data-kappa')).toBe('');
  expect(await present.getByTestId('segqc-fleiss').textContent()).toContain('undefined');

  // Calibration scores: each reader's Dice against the gold of ct-cal.
  await page.getByTestId('segqc-calibration').scrollIntoViewIfNeeded();
  await screenshot('01c-calibration');
  const calibration = await page.getByTestId('segqc-calibration-row').evaluateAll((rows) => rows.map((row) => ({
    annotator: row.getAttribute('data-annotator'), case: row.getAttribute('data-case'), structure: row.getAttribute('data-structure'), dice: Number(row.getAttribute('data-dice')),
  })));
  expect(calibration).toHaveLength(READERS.length * STRUCTURES.length);
  for (const row of calibration) {
    const reader = READERS.find((r) => nameOf(r) === row.annotator)!;
    expect(row.case).toBe(planOf('ct-cal').StudyInstanceUID);
    expect(row.dice).toBeCloseTo(truth.get('ct-cal')!.againstReference[row.structure!][reader], 9);
  }
  expect(errors).toEqual([]);
});

test('the QC overview lists every case with the state the PACS implies, filters, and opens a case in the review flow', async () => {
  const { page, screenshot, errors } = session.browser;
  const { viewer } = session;
  await page.getByTestId('segqc-nav-overview').click();
  await page.waitForURL(`${viewer.baseUrl}/qc-overview`);
  await page.locator('[data-testid=segqc-overview][data-status=done]').waitFor({ timeout: 300_000 });
  await screenshot('02-overview');

  const readRows = () => page.getByTestId('segqc-overview-row').evaluateAll((rows) => rows.map((row) => ({
    study: row.getAttribute('data-study')!, state: row.getAttribute('data-state'), modality: row.getAttribute('data-modality'),
    annotators: JSON.parse(row.getAttribute('data-annotators')!) as string[], calibration: row.getAttribute('data-calibration') === 'true',
  })));
  const rows = await readRows();
  // Three annotations and no report: awaiting review (ct-08, ct-cal); ct-01..ct-07 adjudicated (signed). The review that revised
  // ct-01's adjudication judged the same SEGs, so the adjudication stands.
  const expectedState = (caseId: string) => (ADJUDICATED.includes(caseId) ? 'adjudicated' : 'awaiting-review');
  expect(rows.map((r) => [caseOfStudy(r.study), r.state, r.modality, r.calibration]).sort()).toEqual(
    CASES.map((c) => [c, expectedState(c), 'CT', c === 'ct-cal']).sort(),
  );
  for (const row of rows) expect([...row.annotators].sort()).toEqual(READERS.map(nameOf).sort());

  await page.getByTestId('segqc-overview-filter-state').selectOption('adjudicated');
  expect((await readRows()).map((r) => caseOfStudy(r.study)).sort()).toEqual(ADJUDICATED);
  await page.getByTestId('segqc-overview-filter-state').selectOption('');
  await page.getByTestId('segqc-overview-filter-annotator').selectOption(nameOf('okafor'));
  expect(await page.getByTestId('segqc-overview-row').count()).toBe(CASES.length);

  // A click opens the case in the review flow.
  const ct03 = planOf('ct-03').StudyInstanceUID;
  await page.locator(`[data-testid=segqc-overview-row][data-study="${ct03}"]`).click();
  await page.waitForURL(`${viewer.baseUrl}/segmentation-qc?StudyInstanceUIDs=${ct03}`);
  await page.getByTestId('segqc-review').first().waitFor({ timeout: 120_000 });

  // The overview's address opens it directly too (a bookmark, a reload).
  await page.goto(`${viewer.baseUrl}/qc-overview`, { waitUntil: 'domcontentloaded' });
  await page.locator('[data-testid=segqc-overview][data-status=done]').waitFor({ timeout: 300_000 });
  expect(await page.getByTestId('segqc-overview-row').count()).toBe(CASES.length);
  expect(errors).toEqual([]);
});
