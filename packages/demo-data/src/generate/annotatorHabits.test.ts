// The QC features (drift charts, lesion-level agreement, calibration) are demonstrated on these
// deliberate habits; if a generator change erases them, the demos show nothing. Measured from the
// manifest, i.e. from the masks that are written.
import { demoManifest } from './demoManifest';
import type { DemoCase } from './manifestTypes';

const ctIds = ['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07', 'ct-08'];
const { cases } = demoManifest({ cases: [...ctIds, 'ct-cal'] });
const ct = cases.filter((c) => c.kind === 'ct');

/** Relative excess of an annotator's lung volume (both lungs) over the truth, per case. */
function lungExcess(demoCase: DemoCase, who: string): number {
  const seg = demoCase.segs.find((s) => s.annotator.key === who)!;
  const lungs = (segments: { number: number; voxelCount: number }[]): number => segments.filter((s) => s.number <= 2).reduce((a, s) => a + s.voxelCount, 0);
  return lungs(seg.segments) / lungs(demoCase.truthSegments) - 1;
}

/** Spearman rank correlation (no ties expected in these continuous values). */
function spearman(a: number[], b: number[]): number {
  const ranks = (v: number[]): number[] => {
    const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(v.length);
    order.forEach(([, i], rank) => (r[i] = rank + 1));
    return r;
  };
  const ra = ranks(a), rb = ranks(b), n = a.length;
  const d2 = ra.reduce((s, r, i) => s + (r - rb[i]) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}

describe('annotator habits in the demo cohort', () => {
  const weeks = ct.map((c) => c.week);

  it('Okafor over-segments more and more over the weeks (Spearman > 0.9, +10% lung volume or more by week 8)', () => {
    const excess = ct.map((c) => lungExcess(c, 'okafor'));
    expect(spearman(weeks, excess)).toBeGreaterThan(0.9);
    expect(excess[0]).toBeLessThan(0.03);
    expect(excess[7] - excess[0]).toBeGreaterThan(0.1);
  });

  it('Okafor’s nodules grow too: weeks 5-8 exceed the truth more than weeks 1-4', () => {
    const noduleExcess = ct.map((c) => c.segs.find((s) => s.annotator.key === 'okafor')!.segments[2].voxelCount / c.truthSegments[2].voxelCount - 1);
    const meanOf = (v: number[]): number => v.reduce((s, x) => s + x, 0) / v.length;
    expect(meanOf(noduleExcess.slice(4))).toBeGreaterThan(meanOf(noduleExcess.slice(0, 4)) + 0.3);
  });

  it.each(['rivera', 'chen'])('%s does not drift: a stable bias within ±4%% and no monotone trend', (who) => {
    const excess = ct.map((c) => lungExcess(c, who));
    expect(Math.abs(spearman(weeks, excess))).toBeLessThan(0.9);
    expect(Math.max(...excess) - Math.min(...excess)).toBeLessThan(0.02);
    expect(excess.every((e) => Math.abs(e) < 0.04)).toBe(true);
  });

  it('Chen misses the smallest nodule in ct-02, ct-05 and ct-07 only', () => {
    for (const c of ct) {
      const chen = c.segs.find((s) => s.annotator.key === 'chen')!;
      expect(chen.detection.missed).toEqual(['ct-02', 'ct-05', 'ct-07'].includes(c.caseId) ? [1] : []);
    }
    // The missed nodule is the smallest one and is small.
    for (const id of ['ct-02', 'ct-05', 'ct-07']) {
      const { lesions } = ct.find((c) => c.caseId === id)!;
      expect(lesions[0].diameterMm).toBe(Math.min(...lesions.map((l) => l.diameterMm)));
      expect(lesions[0].diameterMm).toBeLessThan(8);
    }
  });

  it('Rivera adds one false nodule in ct-04 only', () => {
    for (const c of ct) {
      expect(c.segs.find((s) => s.annotator.key === 'rivera')!.detection.falsePositives).toBe(c.caseId === 'ct-04' ? 1 : 0);
    }
  });

  it('every annotator finds every nodule in the calibration case, whose GOLD SEG is the truth', () => {
    const calibration = cases.find((c) => c.kind === 'ct-calibration')!;
    const [gold, ...annotators] = calibration.segs;
    expect(gold.ContentLabel).toBe('GOLD');
    expect(gold.segments.map((s) => s.voxelCount)).toEqual(calibration.truthSegments.map((s) => s.voxelCount));
    expect(calibration.truthSegments[2].voxelCount).toBe(calibration.lesions.reduce((s, l) => s + l.voxelCount, 0));
    for (const seg of annotators) expect(seg.detection.missed).toEqual([]);
    // By then Okafor's margin is about +2.5 voxels: his lungs exceed the gold by more than 12%.
    expect(lungExcess(calibration, 'okafor')).toBeGreaterThan(0.12);
  });
});
