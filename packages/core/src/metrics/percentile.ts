import { MetricInputError } from './MetricInputError';

const { floor } = Math;

/**
 * The q-th percentile (0 ≤ q ≤ 100) of `values` with linear interpolation between the closest
 * ranks: numpy's default (`method='linear'`), which MedPy's and MONAI's HD95 use. Reorders
 * `values` (a selection, O(n), not a sort); NaN for no values. See `percentile` for a copy.
 */
export function percentileInPlace(values: Float64Array, q: number): number {
  if (!(q >= 0 && q <= 100)) throw new MetricInputError('q', `a percentile is between 0 and 100, got ${q}`);
  const n = values.length;
  if (n === 0) return NaN;
  // As numpy: virtual index (n − 1)·q/100 between ranks ⌊·⌋ and ⌊·⌋ + 1 (clipped), weight gamma.
  const position = (n - 1) * (q / 100);
  const below = floor(position);
  const gamma = position - below;
  const low = selectInPlace(values, below);
  let high = low;
  if (below + 1 < n) {
    // After the selection every value past `below` is ≥ low: the next rank is their minimum.
    high = Infinity;
    for (let p = below + 1; p < n; p++) if (values[p] < high) high = values[p];
  }
  // numpy's _lerp: from the nearer end, so gamma = 1 returns `high` exactly.
  const span = high - low;
  return gamma >= 0.5 ? high - span * (1 - gamma) : low + span * gamma;
}

/** The q-th percentile of `values` (numpy's default linear interpolation), leaving them as they are. */
export function percentile(values: ArrayLike<number>, q: number): number {
  return percentileInPlace(Float64Array.from(values), q);
}

/**
 * Reorders `a` so that a[k] is its k-th smallest value, smaller ones before it, larger after;
 * returns a[k]. Hoare partitioning stops on equal keys, so the many equal distances of a surface
 * (all the zeros where two annotations coincide) split evenly instead of degrading to O(n²).
 */
function selectInPlace(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const x = a[lo];
    const y = a[(lo + hi) >>> 1];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}
