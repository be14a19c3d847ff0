// The programme's reliability read from a (fake) PACS, on SEGs written by SegQC's own writer whose
// box overlaps are counted by hand in pacsProgramme.fixture.ts. Why: the viewer's dashboard and
// `segqc drift` both chart what this reads; which SEGs are compared, against which reference, and
// what is skipped with which reason must hold on the wire, not only on masks handed in.
import { caseInventory } from '../inventory/caseInventory';
import { ctLungNoduleSop } from '../review/review.fixture';
import type { Sop } from '../sop/Sop';
import { observeCaseFromPacs } from './observeCaseFromPacs';
import { ROOT, PEOPLE, lesionIslandProgramme, pacsProgramme } from './pacsProgramme.fixture';
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

// Why (drift statistics issue): the programme's lesion counts must leave out what the review leaves
// out, components below the minimum lesion size of the SOP the case was made under.
describe("lesion counts under the SOP in force: Rivera's 1-voxel island is below the CT lung-nodule SOP's 3 mm", () => {
  const sop = ctLungNoduleSop();
  const islands = lesionIslandProgramme(sop.reference);
  const read = { fetch: islands.fetch };
  const counts = async (study: { studyInstanceUid: string }, library?: readonly Sop[]) => {
    const { observations } = await observeCaseFromPacs(ROOT, await caseInventory(ROOT, study.studyInstanceUid, read), read, library);
    return observations!.lesionCounts.map(({ annotator, structure, count }) => [annotator, structure, count]);
  };
  const ONE_EACH = [[PEOPLE.rivera, 'Lung nodule', 1], [PEOPLE.chen, 'Lung nodule', 1]];
  const ISLAND_COUNTED = [[PEOPLE.rivera, 'Lung nodule', 2], [PEOPLE.chen, 'Lung nodule', 1]];

  it('with the library, the SOP the SEGs name leaves the island out: the counts of the same case without the island', async () => {
    expect(await counts(islands.clean, [sop])).toEqual(ONE_EACH);
    expect(await counts(islands.named, [sop])).toEqual(ONE_EACH);
  });

  it('without a library, the island is counted as a second nodule', async () => {
    expect(await counts(islands.named)).toEqual(ISLAND_COUNTED);
    expect(await counts(islands.clean)).toEqual(ONE_EACH);
  });

  it('SEGs that name no SOP are measured under the SOP that applies to their CT series', async () => {
    expect(await counts(islands.unnamed, [sop])).toEqual(ONE_EACH);
  });

  it('SEGs that name a version the library does not hold are measured as without a SOP, never under another version', async () => {
    expect(await counts(islands.unknown, [sop])).toEqual(ISLAND_COUNTED);
  });

  it('reliabilityFromPacs hands its library to every case: the lesion-count labels are 1 and 1 on each case with a SOP', async () => {
    const names = new Map((['named', 'unnamed', 'unknown', 'clean'] as const).map((name) => [islands[name].studyInstanceUid, name]));
    const labelsOf = async (sops?: readonly Sop[]) => {
      const { reliability } = await reliabilityFromPacs(ROOT, { ...read, sops, reliability: { labels: { bootstrap: false } } });
      return reliability.lesionLabels.find((l) => l.kind === 'lesion-count')!.labels.map((l) => [names.get(l.caseId), l.annotator === PEOPLE.rivera ? 'Rivera' : 'Chen', l.label]);
    };
    expect(await labelsOf([sop])).toEqual([
      ['named', 'Rivera', 1], ['named', 'Chen', 1], ['unnamed', 'Rivera', 1], ['unnamed', 'Chen', 1],
      ['unknown', 'Rivera', 2], ['unknown', 'Chen', 1], ['clean', 'Rivera', 1], ['clean', 'Chen', 1],
    ]);
    expect(await labelsOf()).toEqual([
      ['named', 'Rivera', 2], ['named', 'Chen', 1], ['unnamed', 'Rivera', 2], ['unnamed', 'Chen', 1],
      ['unknown', 'Rivera', 2], ['unknown', 'Chen', 1], ['clean', 'Rivera', 1], ['clean', 'Chen', 1],
    ]);
  });
});
