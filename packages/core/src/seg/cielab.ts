/**
 * Colour for RecommendedDisplayCIELabValue (0062,000D): PS3.3 C.10.7.1.1 encodes CIELab (CIE 1976
 * L*a*b*, D65 white) as three unsigned 16-bit values, L* 0..100 and a*, b* -128..127 each scaled
 * linearly onto 0..65535.
 */

export type Srgb = readonly [number, number, number];
export type DicomLab = readonly [number, number, number];

// IEC 61966-2-1 sRGB primaries to CIE XYZ, and the D65 reference white (Y = 1).
const SRGB_TO_XYZ = [
  [0.4124564, 0.3575761, 0.1804375],
  [0.2126729, 0.7151522, 0.072175],
  [0.0193339, 0.119192, 0.9503041],
] as const;
const XYZ_TO_SRGB = [
  [3.2404542, -1.5371385, -0.4985314],
  [-0.969266, 1.8760108, 0.041556],
  [0.0556434, -0.2040259, 1.0572252],
] as const;
const D65 = [0.95047, 1.0, 1.08883] as const;
const EPSILON = (6 / 29) ** 3;
const KAPPA = 3 * (6 / 29) ** 2;

/** CIE L*a*b* (D65) of an 8-bit sRGB colour. */
export function srgbToCielab(rgb: Srgb): [number, number, number] {
  const linear = rgb.map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const [fx, fy, fz] = SRGB_TO_XYZ.map((row, i) => {
    const t = (row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2]) / D65[i];
    return t > EPSILON ? Math.cbrt(t) : t / KAPPA + 4 / 29;
  }) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** The RecommendedDisplayCIELabValue of an 8-bit sRGB colour. */
export function srgbToDicomLab(rgb: Srgb): [number, number, number] {
  const [l, a, b] = srgbToCielab(rgb);
  return [scale(l, 0, 100), scale(a, -128, 127), scale(b, -128, 127)];
}

/** The 8-bit sRGB colour of a RecommendedDisplayCIELabValue (out-of-gamut values clipped). */
export function dicomLabToSrgb(lab: DicomLab): [number, number, number] {
  const l = (lab[0] / 65535) * 100;
  const a = (lab[1] / 65535) * 255 - 128;
  const b = (lab[2] / 65535) * 255 - 128;
  const fy = (l + 16) / 116;
  const f = [fy + a / 500, fy, fy - b / 200];
  const xyz = f.map((v, i) => (v ** 3 > EPSILON ? v ** 3 : (v - 4 / 29) * KAPPA) * D65[i]);
  return XYZ_TO_SRGB.map((row) => {
    const linear = row[0] * xyz[0] + row[1] * xyz[1] + row[2] * xyz[2];
    const v = linear <= 0.0031308 ? 12.92 * linear : 1.055 * linear ** (1 / 2.4) - 0.055;
    return Math.round(Math.min(1, Math.max(0, v)) * 255);
  }) as [number, number, number];
}

function scale(value: number, min: number, max: number): number {
  return Math.min(65535, Math.max(0, Math.round(((value - min) / (max - min)) * 65535)));
}
