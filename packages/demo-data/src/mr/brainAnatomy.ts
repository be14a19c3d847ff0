/**
 * The anatomy of one synthetic head, drawn from the case's own random stream (patient
 * coordinates, mm): scalp, skull with diploe, CSF, folded cortex over white matter, deep grey
 * nuclei, lateral ventricles, and the posterior fossa below the skull base.
 */
import { Random } from '../random/Random';

// Math bound once at module scope: inside a vm context (Jest's test environment) every `Math.x`
// is a global look-up V8 cannot cache, which slows the per-voxel loops below about 30-fold.
const { cos, PI } = Math;

export interface Ellipsoid {
  cx: number;
  cy: number;
  cz: number;
  a: number;
  b: number;
  c: number;
}

export interface FoldWave {
  kx: number;
  ky: number;
  kz: number;
  phase: number;
}

export interface BrainAnatomy {
  head: Ellipsoid;
  scalpThickness: number;
  skullThickness: number;
  csfThickness: number;
  cortexThickness: number;
  /** Gyral folding: sum of waves times `foldAmplitude` (mm) displaces the pial surface. */
  folds: FoldWave[];
  foldAmplitude: number;
  /** Finer waves that make the grey/white boundary wander (gyri), amplitude in mm. */
  gyri: FoldWave[];
  gyriAmplitude: number;
  /** Lateral ventricles (mirror pair at ±x) and the third ventricle. */
  ventricles: Ellipsoid[];
  deepGrey: Ellipsoid[];
  /**
   * Cerebrum lies above the cranial floor z = skullBaseZ + skullBaseSlope (y − head.cy)
   * + 6 exp(−(x / 18)²) − 0.004 x²: raised in the midline (sella, brainstem), lower laterally
   * (middle cranial fossae), rising posteriorly (tentorium).
   */
  skullBaseZ: number;
  skullBaseSlope: number;
  cerebellum: Ellipsoid;
  brainstem: { cy: number; r: number };
  sinus: Ellipsoid;
  /** Multiplicative receive-coil bias: 1 + amplitude · sin(k · p + phase). */
  bias: FoldWave & { amplitude: number };
  noiseSigma: number;
}

export function brainAnatomy(caseId: string): BrainAnatomy {
  const random = new Random(`segqc-demo/${caseId}/anatomy`);
  const u = (min: number, max: number): number => random.uniform(min, max);
  const head: Ellipsoid = { cx: 0, cy: u(2, 8), cz: u(-8, -2), a: u(70, 76), b: u(90, 98), c: u(96, 104) };
  const ventricleSize = u(0.9, 1.25); // larger with age/atrophy
  const vx = u(9, 12), vcy = head.cy + u(-8, -3), vcz = head.cz + u(18, 24);
  const wave = (wavelengthMin: number, wavelengthMax: number): FoldWave => {
    const theta = u(0, PI), phi = u(0, 2 * PI), k = (2 * PI) / u(wavelengthMin, wavelengthMax);
    return { kx: k * Math.sin(theta) * cos(phi), ky: k * Math.sin(theta) * Math.sin(phi), kz: k * cos(theta), phase: u(0, 2 * PI) };
  };
  return {
    head,
    scalpThickness: u(5, 7),
    skullThickness: u(6, 8),
    csfThickness: u(2, 3),
    cortexThickness: u(2.6, 3.2),
    folds: [wave(14, 20), wave(16, 24), wave(18, 28), wave(22, 34)],
    foldAmplitude: u(2.2, 2.9),
    gyri: [wave(8, 12), wave(9, 14), wave(10, 15), wave(11, 16)],
    gyriAmplitude: u(1.3, 1.7),
    ventricles: [
      { cx: -vx, cy: vcy, cz: vcz, a: 6.5 * ventricleSize, b: 29 * ventricleSize, c: 10 * ventricleSize },
      { cx: vx, cy: vcy, cz: vcz, a: 6.5 * ventricleSize, b: 29 * ventricleSize, c: 10 * ventricleSize },
      { cx: 0, cy: vcy + 8, cz: vcz - 14, a: 2.2, b: 13, c: 9 },
    ],
    deepGrey: [
      { cx: -13, cy: vcy + 12, cz: vcz - 14, a: 9, b: 14, c: 10 }, // thalami
      { cx: 13, cy: vcy + 12, cz: vcz - 14, a: 9, b: 14, c: 10 },
      { cx: -24, cy: vcy - 6, cz: vcz - 12, a: 6.5, b: 15, c: 11 }, // lentiform nuclei
      { cx: 24, cy: vcy - 6, cz: vcz - 12, a: 6.5, b: 15, c: 11 },
    ],
    skullBaseZ: head.cz - u(32, 38),
    skullBaseSlope: u(0.15, 0.25),
    cerebellum: { cx: 0, cy: head.cy + u(40, 48), cz: head.cz - u(50, 56), a: u(46, 52), b: u(30, 36), c: u(22, 26) },
    brainstem: { cy: head.cy + u(12, 18), r: u(11, 13) },
    sinus: { cx: 0, cy: head.cy - u(70, 78), cz: head.cz - u(55, 62), a: u(16, 22), b: u(12, 16), c: u(14, 18) },
    bias: { ...wave(220, 320), amplitude: u(0.05, 0.1) },
    noiseSigma: u(11, 16),
  };
}
