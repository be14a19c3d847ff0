// Segment colours travel as scaled CIELab; a wrong conversion shows every structure in the wrong
// colour in OHIF and in other viewers. Reference values: sRGB red is L*a*b* (D65)
// 53.2408, 80.0925, 67.2032 (Lindbloom; IEC 61966-2-1 matrices).
import dcmjs from 'dcmjs';
import { dicomLabToSrgb, srgbToCielab, srgbToDicomLab } from './cielab';

describe('sRGB to CIELab', () => {
  it('converts sRGB red to the reference L*a*b* (D65)', () => {
    const [l, a, b] = srgbToCielab([255, 0, 0]);
    expect(l).toBeCloseTo(53.2408, 3);
    expect(a).toBeCloseTo(80.0925, 2);
    expect(b).toBeCloseTo(67.2032, 2);
  });

  it('scales red onto 0..65535 as PS3.3 C.10.7.1.1 defines', () => {
    // L 53.2408 * 65535/100 = 34891.3; a (80.0925+128) * 65535/255 = 53479.8; b (67.2032+128) * 257 = 50167.2
    expect(srgbToDicomLab([255, 0, 0])).toEqual([34891, 53480, 50167]);
  });

  it('maps white and black to the ends of the L* scale with neutral a*, b*', () => {
    expect(srgbToDicomLab([255, 255, 255])).toEqual([65535, 32896, 32896]);
    expect(srgbToDicomLab([0, 0, 0])).toEqual([0, 32896, 32896]);
  });

  it('agrees with dcmjs Colors within 12 units of 65535 (its white point differs in the 4th digit)', () => {
    const colors = (dcmjs.data as unknown as { Colors: { rgb2DICOMLAB(rgb: number[]): number[] } }).Colors;
    for (const rgb of [[80, 160, 220], [90, 200, 140], [240, 80, 60], [250, 200, 40]] as const) {
      const theirs = colors.rgb2DICOMLAB(rgb.map((c) => c / 255));
      srgbToDicomLab(rgb).forEach((v, i) => expect(Math.abs(v - theirs[i])).toBeLessThanOrEqual(12));
    }
  });

  it('round-trips sRGB through the DICOM encoding', () => {
    for (const rgb of [[80, 160, 220], [90, 200, 140], [240, 80, 60], [250, 200, 40], [12, 34, 56]] as const) {
      expect(dicomLabToSrgb(srgbToDicomLab(rgb))).toEqual([...rgb]);
    }
  });
});
