// The extension and the CLI reach the statistics and consensus only through the package index; a
// missing re-export would break them at bundle time, not when this package compiles.
import * as core from '../index';

it.each([
  'StatsInputError', 'cohensKappa', 'cohensKappaFromRatings', 'fleissKappa', 'fleissKappaFromRatings', 'krippendorffAlpha',
  'icc', 'blandAltman', 'pairwiseMatrix', 'percentileBootstrap', 'SeededRandom', 'normalQuantile', 'fCdf', 'fSurvival',
  'fQuantile', 'tCriticalValue', 'regularizedIncompleteBeta', 'inverseRegularizedIncompleteBeta',
  'ConsensusInputError', 'majorityVote', 'staple',
])('@segqc/core exports %s', (name) => {
  expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
});
