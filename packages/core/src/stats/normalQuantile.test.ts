import { normalQuantile } from './normalQuantile';
import { StatsInputError } from './StatsInputError';

// Reference values: scipy.special.ndtri (Cephes), independent of AS 241.
test.each([
  [0.975, 1.959963984540054],
  [0.5, 0],
  [0.001, -3.090232306167813],
  [0.3, -0.5244005127080409],
  [0.7, 0.5244005127080407],
  [0.9, 1.2815515655446004],
  [1e-10, -6.361340902404056],
  [1e-300, -37.0470962993612],
])('Φ⁻¹(%p) = %p', (p, z) => {
  expect(normalQuantile(p)).toBeCloseTo(z, 13);
});

test('p outside (0, 1) is a typed error', () => {
  expect(() => normalQuantile(1)).toThrow(StatsInputError);
  expect(() => normalQuantile(Number.NaN)).toThrow(StatsInputError);
});
