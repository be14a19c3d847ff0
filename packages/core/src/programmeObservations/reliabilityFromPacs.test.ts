// The programme's reliability read from a (fake) PACS, on SEGs written by SegQC's own writer whose
// box overlaps are counted by hand in pacsProgramme.fixture.ts. Why: the viewer's dashboard and
// `segqc drift` both chart what this reads; which SEGs are compared, against which reference, and
// what is skipped with which reason must hold on the wire, not only on masks handed in.
import { observeCaseFromPacs } from './observeCaseFromPacs';
import { ROOT, PEOPLE, pacsProgramme } from './pacsProgramme.fixture';
import { reliabilityFromPacs, type ReliabilityStage } from './reliabilityFromPacs';

const programme = pacsProgramme();
const options = { fetch: programme.fetch, reliability: { labels: { bootstrap: false as const } } };

describe('a programme of five studies', () => {
  const progress: Array<[ReliabilityStage, number, number]> = [];
  const reading = reliabilityFromPacs(ROOT, { ...options, onProgress: (...event) => progress.push(event) });

  it('observes the triple-read and the calibration case; the single and the broken one have nothing to compare', async () => {
    const { observed, inventory, calibrationCases } = await reading;
    expect(inventory.cases.map((c) => c.studyInstanceUid)).toEqual([programme.triple, programme.calibration, programme.single, programme.broken].map((s) => s.studyInstanceUid));
    expect(observed.map((o) => o.caseId)).toEqual([programme.triple.studyInstanceUid, programme.calibration.studyInstanceUid]);
    expect(calibrationCases).toEqual([{ caseId: programme.calibration.studyInstanceUid, modality: 'CT' }]);
  });

  it('monitors each annotator’s Dice against the gold, dated by ContentDate and ContentTime, and shows the Dice against the triple-read case’s majority unmonitored', async () => {
    const { reliability } = await reading;
    const charts = reliability.drift.map((d) => [
      d.series.annotator, d.series.structure, d.series.modality, d.series.values, d.series.observations.map((o) => `${o.date} ${o.reference}`),
      d.unmonitored.map((o) => [o.dice, `${o.date} ${o.reference}`]),
    ]);
    expect(charts).toEqual([
      [PEOPLE.chen, 'Lung nodule', 'CT', [1], ['2024-03-12T09:30:00 gold'], [[1, '2024-03-05T09:30:00 peer']]],
      [PEOPLE.chen, 'Right lung', 'CT', [expect.closeTo(32 / 44, 12)], ['2024-03-12T09:30:00 gold'], [[expect.closeTo(32 / 36, 12), '2024-03-05T09:30:00 peer']]],
      [PEOPLE.okafor, 'Lung nodule', 'CT', [], [], [[0, '2024-03-06T09:30:00 peer']]],
      [PEOPLE.okafor, 'Right lung', 'CT', [], [], [[expect.closeTo(32 / 40, 12), '2024-03-06T09:30:00 peer']]],
      [PEOPLE.rivera, 'Lung nodule', 'CT', [expect.closeTo(2 / 3, 12)], ['2024-03-11T09:30:00 gold'], [[expect.closeTo(2 / 3, 12), '2024-03-04T09:30:00 peer']]],
      [PEOPLE.rivera, 'Right lung', 'CT', [expect.closeTo(32 / 40, 12)], ['2024-03-11T09:30:00 gold'], [[1, '2024-03-04T09:30:00 peer']]],
    ]);
    // One point is all baseline: nothing is due.
    expect(reliability.drift.some((d) => d.state.recalibrationDue)).toBe(false);
  });

  it('scores the calibration case against its gold', async () => {
    const { reliability } = await reading;
    const scores = reliability.calibration.flatMap((a) => a.cases.map((c) => [a.annotator, c.caseId, c.structure, c.dice]));
    expect(scores).toEqual(expect.arrayContaining([
      [PEOPLE.rivera, programme.calibration.studyInstanceUid, 'Right lung', expect.closeTo(32 / 40, 12)],
      [PEOPLE.rivera, programme.calibration.studyInstanceUid, 'Lung nodule', expect.closeTo(2 / 3, 12)],
      [PEOPLE.chen, programme.calibration.studyInstanceUid, 'Right lung', expect.closeTo(32 / 44, 12)],
      [PEOPLE.chen, programme.calibration.studyInstanceUid, 'Lung nodule', 1],
    ]));
    expect(scores).toHaveLength(4);
  });

  it('averages each pair’s Dice over the programme cases both read; the calibration case is scored against its gold, not paired', async () => {
    const lung = (await reading).reliability.irr.find((m) => m.structure === 'Right lung')!;
    expect(lung.annotators).toEqual([PEOPLE.chen, PEOPLE.okafor, PEOPLE.rivera]);
    expect(lung.meanDice).toEqual([
      [null, expect.closeTo(32 / 44, 12), expect.closeTo(32 / 36, 12)],
      [expect.closeTo(32 / 44, 12), null, expect.closeTo(32 / 40, 12)],
      [expect.closeTo(32 / 36, 12), expect.closeTo(32 / 40, 12), null],
    ]);
    expect(lung.cases).toEqual([[0, 1, 1], [1, 0, 1], [1, 1, 0]]);
  });

  it('counts the nodules as case labels: Rivera 2, Chen 1, Okafor 0 on the triple-read case; the calibration case gives none', async () => {
    const counted = (await reading).reliability.lesionLabels.find((l) => l.kind === 'lesion-count')!;
    expect(counted.labels.map((l) => [l.caseId, l.annotator, l.label])).toEqual([
      [programme.triple.studyInstanceUid, PEOPLE.rivera, 2], [programme.triple.studyInstanceUid, PEOPLE.chen, 1], [programme.triple.studyInstanceUid, PEOPLE.okafor, 0],
    ]);
  });

  it('skips the refused study and the SEG the PACS cannot give, each with its reason', async () => {
    const { skipped } = await reading;
    expect(skipped).toEqual([
      { studyInstanceUid: programme.refused.studyInstanceUid, reason: expect.stringMatching(/^its inventory could not be read: .*503/) },
      { studyInstanceUid: programme.broken.studyInstanceUid, reason: expect.stringMatching(new RegExp(`^the SEG ${programme.broken.segs.chen} of Chen\\^Wei was left out: .*404`)) },
    ]);
  });

  it('reports progress: the inventory, then each case read', async () => {
    await reading;
    expect(progress[0]).toEqual(['inventory', 0, 0]);
    expect(progress.filter(([stage]) => stage === 'inventory').pop()).toEqual(['inventory', 5, 5]);
    expect(progress.filter(([stage]) => stage === 'reading')).toEqual([['reading', 0, 4], ['reading', 1, 4], ['reading', 2, 4], ['reading', 3, 4], ['reading', 4, 4]]);
  });
});

test('an inventory given is not read again; cases observed elsewhere two at a time keep the inventory order, and a case that fails is skipped', async () => {
  const first = await reliabilityFromPacs(ROOT, options);
  const before = programme.requests.length;
  let running = 0;
  let mostAtOnce = 0;
  const result = await reliabilityFromPacs(ROOT, {
    ...options,
    inventory: first.inventory,
    concurrency: 2,
    observe: async (c) => {
      mostAtOnce = Math.max(mostAtOnce, ++running);
      try {
        // The triple-read case finishes last.
        if (c.studyInstanceUid === programme.triple.studyInstanceUid) await new Promise((resolve) => setTimeout(resolve, 20));
        if (c.studyInstanceUid === programme.single.studyInstanceUid) throw new Error('the worker stopped');
        return await observeCaseFromPacs(ROOT, c, { fetch: programme.fetch });
      } finally {
        running--;
      }
    },
  });
  expect(mostAtOnce).toBe(2);
  expect(programme.requests.slice(before).some((url) => url.startsWith('/studies?'))).toBe(false);
  expect(result.observed.map((o) => o.caseId)).toEqual(first.observed.map((o) => o.caseId));
  expect(result.reliability).toEqual(first.reliability);
  expect(result.skipped.map((s) => [s.studyInstanceUid, s.reason.split(':')[0]])).toEqual([
    [programme.refused.studyInstanceUid, 'its inventory could not be read'],
    [programme.single.studyInstanceUid, 'its SEGs could not be compared'],
    [programme.broken.studyInstanceUid, `the SEG ${programme.broken.segs.chen} of Chen^Wei was left out`],
  ]);
});

test('concurrency must be a whole number ≥ 1', async () => {
  await expect(reliabilityFromPacs(ROOT, { ...options, concurrency: 0 })).rejects.toMatchObject({ name: 'ProgrammeInputError', argument: 'options.concurrency' });
});
