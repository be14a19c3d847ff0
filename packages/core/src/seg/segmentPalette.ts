/**
 * A display colour for segment n when its description gives none: hues a golden angle (137.5°)
 * apart, so that neighbouring segment numbers — and any few of 50 — look distinct.
 */
import type { Srgb } from './cielab';

const GOLDEN_ANGLE_DEGREES = 137.50776405003785;

export function defaultSegmentColor(segmentNumber: number): Srgb {
  if (!Number.isInteger(segmentNumber) || segmentNumber < 1) throw new RangeError(`segment numbers start at 1, got ${segmentNumber}`);
  const hue = ((segmentNumber - 1) * GOLDEN_ANGLE_DEGREES) % 360;
  return hsvToSrgb(hue, 0.65, 0.92);
}

function hsvToSrgb(hue: number, saturation: number, value: number): Srgb {
  const chroma = value * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = value - chroma;
  const [r, g, b] =
    hue < 60 ? [chroma, x, 0] : hue < 120 ? [x, chroma, 0] : hue < 180 ? [0, chroma, x] : hue < 240 ? [0, x, chroma] : hue < 300 ? [x, 0, chroma] : [chroma, 0, x];
  return [r, g, b].map((c) => Math.round((c + m) * 255)) as unknown as Srgb;
}
