// The dashboard (extension) and `segqc drift` reach these only through the package index; a missing
// re-export would break them at bundle time, not when this package compiles.
import * as core from '../index';

it.each([
  'ProgrammeInputError', 'isoInstant', 'c4', 'ewmaChart', 'agreementSeries', 'driftState', 'calibrationScores', 'caseLabelAgreement', 'caseMeasureIcc',
])('@segqc/core exports %s', (name) => {
  expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
});

it('exports the chart defaults', () => {
  expect(core.EWMA_DEFAULTS).toEqual({ lambda: 0.2, limitWidth: 3, baselinePoints: 4, sigmaEstimator: 'standardDeviation' });
  expect(core.AGREEMENT_REFERENCES).toEqual(['adjudicated', 'gold', 'peer']);
});
