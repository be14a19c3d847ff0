/**
 * RecommendedDisplayCIELabValue (PS3.3 C.10.7.1.1: L*, a*, b* scaled to 0..65535) to 8-bit sRGB,
 * through CIE XYZ with the D65 white point (IEC 61966-2-1), for colour swatches.
 */
export function dicomLabToRgb(scaled: readonly number[]): [number, number, number] {
  const L = (scaled[0] * 100) / 65535;
  const a = (scaled[1] * 255) / 65535 - 128;
  const b = (scaled[2] * 255) / 65535 - 128;
  const fy = (L + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - b / 200;
  const inverse = (t: number) => (t ** 3 > 0.008856 ? t ** 3 : (t - 16 / 116) / 7.787);
  const [X, Y, Z] = [0.95047 * inverse(fx), 1.0 * inverse(fy), 1.08883 * inverse(fz)];
  const linear = [
    3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z,
    -0.969266 * X + 1.8760108 * Y + 0.041556 * Z,
    0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z,
  ];
  const gamma = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
  const [r, g, bl] = linear.map((c) => Math.round(Math.min(1, Math.max(0, gamma(c))) * 255));
  return [r, g, bl];
}
