import { dicomLabToRgb } from './dicomLabToRgb';

// Reference values: CIE L*a*b* (D65) of sRGB primaries, as published for IEC 61966-2-1 sRGB,
// scaled per PS3.3 C.10.7.1.1 (L*: 0..100 → 0..65535; a*, b*: -128..127 → 0..65535).
const scale = (L: number, a: number, b: number) => [Math.round((L * 65535) / 100), Math.round(((a + 128) * 65535) / 255), Math.round(((b + 128) * 65535) / 255)];

test.each([
  [[100, 0, 0], [255, 255, 255]],
  [[0, 0, 0], [0, 0, 0]],
  [[53.2408, 80.0925, 67.2032], [255, 0, 0]],
  [[87.7347, -86.1827, 83.1793], [0, 255, 0]],
  [[32.297, 79.1875, -107.8602], [0, 0, 255]],
  [[53.585, 0, 0], [128, 128, 128]],
])('L*a*b* %j is sRGB %j', (lab, rgb) => {
  const [L, a, b] = lab;
  const actual = dicomLabToRgb(scale(L, a, b));
  actual.forEach((channel, i) => expect(Math.abs(channel - rgb[i])).toBeLessThanOrEqual(1));
});
