import { failedCriteriaText } from './failedCriteriaText';

// Why: the reason for an escalation was a tooltip in the SOP file's field names
// ("minDice 0.39 (limit 0.70)"); a reviewer reads it on the row, in words.
const nameOf = (id: string) => ({ okafor: 'Okafor, Chidi' })[id] ?? id;

test('thresholds failed, in words with the comparison that failed', () => {
  expect(failedCriteriaText([{ criterion: 'minDice', threshold: 0.7, value: 0.39 }, { criterion: 'maxHd95Mm', threshold: 3, value: 4.01 }, { criterion: 'minNsd', threshold: 0.8, value: null }], nameOf)).toBe(
    'Dice 0.39 < 0.70; HD95 4.0 mm > 3.0 mm; NSD undefined (one surface is empty)',
  );
});

test('a missing structure names the annotator as the panel does', () => {
  expect(failedCriteriaText([{ criterion: 'missing', missingFrom: 'okafor' }], nameOf)).toBe('missing from Okafor, Chidi');
  expect(failedCriteriaText([], nameOf)).toBe('');
});
