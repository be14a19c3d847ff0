// How colours look to readers with colour vision deficiency, for tests of display palettes:
// Machado, Oliveira & Fernandes 2009 ("A physiologically-based model for simulation of color
// vision deficiency", IEEE TVCG 15(6)), severity 1.0 matrices on linear sRGB, and CIE 1976 L*a*b*
// colour difference (ΔE*ab) under D65.

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
type Rgb = readonly [number, number, number];

const MACHADO_2009: Record<Vision, readonly Rgb[]> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
};

const toLinear = (channel: number) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

function lab([r, g, b]: Rgb): Rgb {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** L*a*b* of an sRGB colour (0–255) as a reader with `vision` sees it. */
export function seenAs(rgb: Rgb, vision: Vision): Rgb {
  const linear = rgb.map(toLinear);
  const simulated = MACHADO_2009[vision].map((row) => Math.min(1, Math.max(0, row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])));
  return lab(simulated as unknown as Rgb);
}

/** ΔE*ab between two sRGB colours for a reader with `vision`. */
export function colourDifference(p: Rgb, q: Rgb, vision: Vision): number {
  const [a, b] = [seenAs(p, vision), seenAs(q, vision)];
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
