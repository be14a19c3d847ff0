// The verdict rule: which criteria fail for given metrics and thresholds, and the margin that orders rows.
import { judgeAgainstThresholds, judgeMissing } from './judgeAgainstThresholds';

// The CT lung-nodule SOP's lung thresholds.
const LUNG = { minDice: 0.95, maxHd95Mm: 3, nsdToleranceMm: 2, minNsd: 0.95 };

test('every criterion met: pass, margin the smallest of (0.97−0.95)/0.95, (3−1)/3, (0.99−0.95)/0.95', () => {
  const judgement = judgeAgainstThresholds({ dice: 0.97, hd95Mm: 1, nsd: 0.99, bothEmpty: false }, LUNG);
  expect(judgement.verdict).toBe('pass');
  expect(judgement.failed).toEqual([]);
  expect(judgement.worstMargin).toBeCloseTo(0.02 / 0.95, 12);
});

test('a value equal to its threshold passes (escalate below a minimum, above a maximum)', () => {
  expect(judgeAgainstThresholds({ dice: 0.95, hd95Mm: 3, nsd: 0.95, bothEmpty: false }, LUNG)).toEqual({ verdict: 'pass', failed: [], worstMargin: 0 });
});

test('Dice 0.91 < 0.95: escalate with that criterion, threshold and value', () => {
  const judgement = judgeAgainstThresholds({ dice: 0.91, hd95Mm: 2, nsd: 0.97, bothEmpty: false }, LUNG);
  expect(judgement.verdict).toBe('escalate');
  expect(judgement.failed).toEqual([{ criterion: 'minDice', threshold: 0.95, value: 0.91 }]);
  expect(judgement.worstMargin).toBeCloseTo(-0.04 / 0.95, 12);
});

test('all three fail, listed in the order Dice, HD95, NSD; the worst margin is HD95 (3−12)/3 = −3', () => {
  const judgement = judgeAgainstThresholds({ dice: 0.5, hd95Mm: 12, nsd: 0.4, bothEmpty: false }, LUNG);
  expect(judgement.failed).toEqual([
    { criterion: 'minDice', threshold: 0.95, value: 0.5 },
    { criterion: 'maxHd95Mm', threshold: 3, value: 12 },
    { criterion: 'minNsd', threshold: 0.95, value: 0.4 },
  ]);
  expect(judgement.worstMargin).toBeCloseTo(-3, 12);
});

test('one mask empty: the undefined distances fail (value null, margin −∞)', () => {
  const judgement = judgeAgainstThresholds({ dice: 0, hd95Mm: null, nsd: null, bothEmpty: false }, LUNG);
  expect(judgement.failed.map((f) => [f.criterion, 'value' in f ? f.value : undefined])).toEqual([['minDice', 0], ['maxHd95Mm', null], ['minNsd', null]]);
  expect(judgement.worstMargin).toBe(-Infinity);
});

test('both masks empty: Dice 1 and no distance to judge, so it passes', () => {
  expect(judgeAgainstThresholds({ dice: 1, hd95Mm: null, nsd: null, bothEmpty: true }, LUNG)).toEqual({ verdict: 'pass', failed: [], worstMargin: (1 - 0.95) / 0.95 });
});

test('a minimum of 0 cannot fail and does not divide by zero', () => {
  const judgement = judgeAgainstThresholds({ dice: 0, hd95Mm: 1, nsd: 0, bothEmpty: false }, { ...LUNG, minDice: 0, minNsd: 0 });
  expect(judgement).toEqual({ verdict: 'pass', failed: [], worstMargin: 0 });
});

test('no SOP structure: no-thresholds, no margin', () => {
  expect(judgeAgainstThresholds({ dice: 0.1, hd95Mm: 40, nsd: 0.1, bothEmpty: false }, null)).toEqual({ verdict: 'no-thresholds', failed: [], worstMargin: null });
});

test('a missing segment escalates whatever the thresholds, naming the annotation without it', () => {
  expect(judgeMissing('reader-2')).toEqual({ verdict: 'escalate', failed: [{ criterion: 'missing', missingFrom: 'reader-2' }], worstMargin: -Infinity });
});
