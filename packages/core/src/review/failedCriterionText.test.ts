import { failedCriterionText } from './failedCriterionText';

describe('failedCriterionText', () => {
  it.each([
    [{ criterion: 'minDice', threshold: 0.7, value: 0.3912 }, 'Dice 0.39 < 0.70'],
    [{ criterion: 'maxHd95Mm', threshold: 3, value: 4.012 }, 'HD95 4.0 mm > 3.0 mm'],
    [{ criterion: 'minNsd', threshold: 0.8, value: 0.614 }, 'NSD 0.61 < 0.80'],
    [{ criterion: 'maxHd95Mm', threshold: 3, value: null }, 'HD95 undefined (one surface is empty)'],
    [{ criterion: 'missing', missingFrom: 'Chen, Wei' }, 'missing from Chen, Wei'],
  ] as const)('%p → %p', (failure, text) => expect(failedCriterionText(failure)).toBe(text));
});
