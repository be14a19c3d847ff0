// HD, HD95, ASSD and NSD as functions of two distance lists written by hand.
import { assd } from './assd';
import { hausdorff } from './hausdorff';
import { hd95 } from './hd95';
import { MetricInputError } from './MetricInputError';
import { nsd } from './nsd';

// d_AB = [0, 1, 1, 4], d_BA = [0, 2]: pooled sorted [0, 0, 1, 1, 2, 4].
const d = { aToB: Float64Array.of(0, 1, 1, 4), bToA: Float64Array.of(0, 2) };

test('HD = max of the directed maxima = max(4, 2) = 4', () => expect(hausdorff(d)).toBe(4));

test('HD95 pooled: rank 5·0.95 = 4.75 → 2 + 0.75·(4 − 2) = 3.5', () => expect(hd95(d)).toBeCloseTo(3.5, 14));

test('HD95 directed-max: max(P95[0,1,1,4] = 1 + 0.85·3 = 3.55, P95[0,2] = 1.9) = 3.55', () => {
  expect(hd95(d, 'directed-max')).toBeCloseTo(3.55, 14);
});

test('ASSD = mean of the pooled distances = 8/6', () => expect(assd(d)).toBeCloseTo(8 / 6, 15));

test('NSD at τ = 1.5 (between the distances 1 and 2): 4/6; at τ = 2: 5/6; at τ = 0: 2/6', () => {
  expect(nsd(d, 1.5)).toBeCloseTo(4 / 6, 15);
  expect(nsd(d, 2)).toBeCloseTo(5 / 6, 15);
  expect(nsd(d, 0)).toBeCloseTo(2 / 6, 15);
  expect(() => nsd(d, -1)).toThrow(MetricInputError);
});
