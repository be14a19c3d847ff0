// Case-level label agreement on a table small enough to work out with fractions:
//        A  B  C
//   c1   y  y  y
//   c2   y  y  n
//   c3   n  n  n
//   c4   y  n  y
//   c5   n  n  n
//   c6   y  y  –   (C did not label c6)
import { caseLabelAgreement, type CaseLabel } from './caseLabels';

const TABLE: Record<string, string> = { c1: 'yyy', c2: 'yyn', c3: 'nnn', c4: 'yny', c5: 'nnn', c6: 'yy' };
const labels: CaseLabel[] = Object.entries(TABLE).flatMap(([caseId, row]) =>
  [...row].map((letter, r) => ({ caseId, annotator: 'ABC'[r], label: letter === 'y' ? 'yes' : 'no' })),
);

describe('caseLabelAgreement', () => {
  const result = caseLabelAgreement(labels);

  it('lists annotators, cases and the categories seen', () => {
    expect(result.annotators).toEqual(['A', 'B', 'C']);
    expect(result.cases).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(result.categories).toEqual(['no', 'yes']);
  });

  it('Cohen’s κ per pair over the cases both labelled: A–B 2/3, A–C 8/13, B–C 1/6', () => {
    // A–B, 6 cases: p_o = 5/6, p_e = (2/6)(3/6) + (4/6)(3/6) = 1/2, κ = (1/3)/(1/2).
    // A–C, 5 cases: p_o = 4/5, p_e = (2/5)(3/5) + (3/5)(2/5) = 12/25, κ = (8/25)/(13/25).
    // B–C, 5 cases: p_o = 3/5, p_e = (3/5)² + (2/5)² = 13/25, κ = (2/25)/(12/25).
    expect(result.cohen.map((p) => p.annotators)).toEqual([['A', 'B'], ['A', 'C'], ['B', 'C']]);
    expect(result.cohen.map((p) => p.cases.length)).toEqual([6, 5, 5]);
    [2 / 3, 8 / 13, 1 / 6].forEach((kappa, i) => expect(result.cohen[i].kappa!.kappa).toBeCloseTo(kappa, 14));
    expect(result.cohen[0].kappa!.table).toEqual([[2, 0], [1, 3]]);
    const interval = result.cohen[0].kappa!.interval!;
    // Symmetric about κ̂ on Fisher's z scale (so never past 1), not on κ's.
    expect((Math.atanh(interval.lower) + Math.atanh(interval.upper)) / 2).toBeCloseTo(Math.atanh(2 / 3), 12);
    expect(interval.lower).toBeGreaterThanOrEqual(-1);
    expect(interval.upper).toBeLessThanOrEqual(1);
    expect(interval.confidence).toBe(0.95);
  });

  it('Fleiss’ κ over the 5 cases all three labelled: 13/28', () => {
    // P_i = (Σ n_ij² − 3)/6 = 1, 1/3, 1, 1/3, 1 → P̄ = 11/15; p = (8/15, 7/15), P̄e = 113/225;
    // κ = (165 − 113)/(225 − 113) = 52/112.
    expect(result.fleiss!.cases).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(result.fleiss!.kappa.kappa).toBeCloseTo(13 / 28, 14);
    expect(result.fleiss!.kappa.bootstrap).toMatchObject({ samples: 2000, confidence: 0.95 });
  });

  it('Krippendorff’s α (nominal) over all 6 cases, c6 with 2 labels: 5/9', () => {
    // Coincidences: o_yy = 3 + 1 + 1 + 2 = 7, o_nn = 6, o_yn = o_ny = 2; n_y = 9, n_n = 8, n = 17.
    // α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k = 1 − 16 · 4 / (2 · 9 · 8) = 5/9.
    expect(result.krippendorff!.alpha).toBeCloseTo(5 / 9, 14);
    expect(result.krippendorff!.pairableValues).toBe(17);
    const { lower, upper } = result.krippendorff!.bootstrap!;
    expect(lower).toBeLessThanOrEqual(upper);
  });

  it('is reproducible from the bootstrap seed, and draws none when refused', () => {
    expect(caseLabelAgreement(labels).krippendorff!.bootstrap).toEqual(result.krippendorff!.bootstrap);
    const plain = caseLabelAgreement(labels, { bootstrap: false });
    expect(plain.krippendorff!.bootstrap).toBeUndefined();
    expect(plain.fleiss!.kappa.bootstrap).toBeUndefined();
  });

  it('uses the given label set and confidence', () => {
    const withSet = caseLabelAgreement(labels, { categories: ['yes', 'no', 'unsure'], confidence: 0.9, bootstrap: { samples: 200, seed: 7 } });
    expect(withSet.cohen[0].kappa!.table).toEqual([[3, 1, 0], [0, 2, 0], [0, 0, 0]]);
    expect(withSet.cohen[0].kappa!.kappa).toBeCloseTo(2 / 3, 14);
    expect(withSet.fleiss!.kappa.bootstrap!.confidence).toBe(0.9);
    expect(() => caseLabelAgreement(labels, { categories: ['yes'] })).toThrow(expect.objectContaining({ name: 'StatsInputError' }));
  });

  it('reports κ and α as undefined (null) when every label is the same, not as 0 or 1', () => {
    const same = caseLabelAgreement(labels.map((l) => ({ ...l, label: 'yes' })), { bootstrap: false });
    expect(same.cohen.every((p) => p.kappa!.kappa === null)).toBe(true);
    // …and says why, in words, for the dashboard and the report to print.
    expect(same.cohen.map((p) => p.kappa!.reason)).toEqual([6, 5, 5].map((cases) => `both raters put all ${cases} subjects in category "yes": with no variation, chance agreement is total (p_e = 1) and κ = (p_o − p_e) / (1 − p_e) is 0/0`));
    expect(same.fleiss!.kappa.kappa).toBeNull();
    expect(same.fleiss!.kappa.reason).toMatch(/^all 3 raters put all 5 subjects in category "yes": with no variation, chance agreement is total/);
    expect(same.krippendorff!.alpha).toBeNull();
  });

  it('has no Fleiss’ κ for two annotators, and no Cohen’s κ for a pair without a shared case', () => {
    const two = caseLabelAgreement(labels.filter((l) => l.annotator !== 'C'), { bootstrap: false });
    expect(two.fleiss).toBeNull();
    const apart = caseLabelAgreement([{ caseId: 'c1', annotator: 'A', label: 1 }, { caseId: 'c2', annotator: 'B', label: 1 }]);
    expect(apart.cohen[0]).toEqual({ annotators: ['A', 'B'], cases: [], kappa: null });
    expect(apart.krippendorff).toBeNull();
  });

  it('refuses a second label of one annotator for a case', () => {
    expect(() => caseLabelAgreement([...labels, { caseId: 'c1', annotator: 'A', label: 'no' }])).toThrow('labels[17]: A already labelled case "c1"');
  });
});
