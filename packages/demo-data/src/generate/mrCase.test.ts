// A demo MR brain case as written: three sequences with the contrasts a reader expects (T1: white
// matter brighter than grey, T2: CSF brightest, FLAIR: CSF dark and lesions bright) on one frame
// of reference, and FLAIR SEGs whose decoded voxels match the manifest.
import { BRAIN_GRID, brainX, brainY, brainZ } from '../mr/brainGrid';
import { buildBrainPhantom } from '../mr/brainPhantom';
import { cranialFloorZ, ellipsoidDistance, foldAt, gyriAt, headSdf, pialSdf, whiteMatterSdf, whiteSurfaceSdf } from '../mr/brainTissue';
import { lesionSdf } from '../mr/lesions';
import { decodeSeg, generateCase, imagePixels } from './generatedCase.fixture';
import { expectValidatorsPass, validateDicom, validatorUnavailable } from '../../../../tests/harness/validateDicom';

const CASE = 'mr-01';
const { files, manifest } = generateCase(CASE);
const phantom = buildBrainPhantom(CASE, manifest.lesions.length);
const anatomy = phantom.anatomy;
const perSlice = BRAIN_GRID.rows * BRAIN_GRID.columns;
const volumeOf = (folder: string): Uint16Array => {
  const volume = new Uint16Array(perSlice * BRAIN_GRID.slices);
  for (let k = 0; k < BRAIN_GRID.slices; k++) volume.set(imagePixels(files.get(`${CASE}/${folder}/${String(k + 1).padStart(4, '0')}.dcm`)!).pixels, k * perSlice);
  return volume;
};
const t1 = volumeOf('t1'), t2 = volumeOf('t2'), flair = volumeOf('flair');

/** Voxel indices (every 2nd column) where `inside` holds, in slices 4..30. */
function voxelsWhere(inside: (x: number, y: number, z: number) => boolean): number[] {
  const voxels: number[] = [];
  for (let k = 4; k <= 30; k++) for (let r = 0; r < BRAIN_GRID.rows; r++) for (let c = 0; c < BRAIN_GRID.columns; c += 2) {
    if (inside(brainX(c), brainY(r), brainZ(k))) voxels.push(k * perSlice + r * BRAIN_GRID.columns + c);
  }
  return voxels;
}
const mean = (volume: Uint16Array, voxels: number[]): number => voxels.reduce((s, v) => s + volume[v], 0) / voxels.length;
const nearLesion = (x: number, y: number, z: number): boolean => phantom.lesions.some((l) => lesionSdf(l, x, y, z) < 3);

const whiteMatter = voxelsWhere((x, y, z) => whiteMatterSdf(anatomy, x, y, z) < -3 && !nearLesion(x, y, z));
const greyMatter = voxelsWhere((x, y, z) => {
  const dHead = headSdf(anatomy, x, y, z);
  if (dHead > -14) return false;
  const floor = cranialFloorZ(anatomy, x, y);
  const fold = foldAt(anatomy, x, y, z);
  return pialSdf(anatomy, floor, z, dHead, fold) < -0.8 && whiteSurfaceSdf(anatomy, floor, z, dHead, fold, gyriAt(anatomy, x, y, z)) > 0.8;
});
const ventricles = voxelsWhere((x, y, z) => anatomy.ventricles.slice(0, 2).some((v) => ellipsoidDistance(v, x, y, z) < -1.5));
const lesions = voxelsWhere((x, y, z) => phantom.lesions.some((l) => lesionSdf(l, x, y, z) < -0.6));

describe(`demo MR case ${CASE}: contrasts`, () => {
  it('finds enough voxels of each tissue to compare', () => {
    expect(whiteMatter.length).toBeGreaterThan(10_000);
    expect(greyMatter.length).toBeGreaterThan(2_000);
    expect(ventricles.length).toBeGreaterThan(300);
    expect(lesions.length).toBeGreaterThan(100);
  });

  it('T1: white matter brighter than grey matter, grey brighter than CSF', () => {
    expect(mean(t1, whiteMatter)).toBeGreaterThan(mean(t1, greyMatter) * 1.15);
    expect(mean(t1, greyMatter)).toBeGreaterThan(mean(t1, ventricles) * 1.5);
  });

  it('T2: CSF brighter than grey matter, grey brighter than white matter', () => {
    expect(mean(t2, ventricles)).toBeGreaterThan(mean(t2, greyMatter) * 1.4);
    expect(mean(t2, greyMatter)).toBeGreaterThan(mean(t2, whiteMatter) * 1.15);
  });

  it('FLAIR: CSF suppressed, lesions brighter than white matter', () => {
    expect(mean(flair, ventricles)).toBeLessThan(mean(flair, whiteMatter) * 0.5);
    expect(mean(flair, lesions)).toBeGreaterThan(mean(flair, whiteMatter) * 1.6);
  });
});

describe(`demo MR case ${CASE}: series and SEGs`, () => {
  it('writes three MR series of 40 slices with sequence parameters, on one frame of reference', () => {
    const [a, b, c] = ['t1', 't2', 'flair'].map((s) => imagePixels(files.get(`${CASE}/${s}/0001.dcm`)!).dataset);
    expect(a).toMatchObject({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.4', SeriesDescription: 'T1 SE axial', ScanningSequence: 'SE', SequenceVariant: 'NONE', RepetitionTime: 500, EchoTime: 10, MRAcquisitionType: '2D', MagneticFieldStrength: 3 });
    expect(b).toMatchObject({ SeriesDescription: 'T2 TSE axial', ScanningSequence: 'SE', RepetitionTime: 4000, EchoTime: 100, EchoTrainLength: 15 });
    expect(c).toMatchObject({ SeriesDescription: 'FLAIR axial', ScanningSequence: ['IR', 'SE'], RepetitionTime: 9000, EchoTime: 120, InversionTime: 2500 });
    expect(new Set([a, b, c].map((d) => d['FrameOfReferenceUID'])).size).toBe(1);
    expect([a, b, c].map((d) => d['ImagePositionPatient'])).toEqual([[-114.75, -109.75, 86], [-114.75, -109.75, 86], [-114.75, -109.75, 86]]);
    expect([...files.keys()].filter((p) => p.endsWith('.dcm'))).toHaveLength(3 * 40 + 2);
  });

  it('has 3-8 lesions of 3-15 mm', () => {
    expect(manifest.lesions.length).toBeGreaterThanOrEqual(3);
    expect(manifest.lesions.length).toBeLessThanOrEqual(8);
    for (const lesion of manifest.lesions) {
      expect(lesion.diameterMm).toBeGreaterThanOrEqual(3);
      expect(lesion.diameterMm).toBeLessThanOrEqual(15);
      expect(lesion.voxelCount).toBeGreaterThan(0);
    }
  });

  it.each(['rivera', 'chen'])('%s: decoded voxel count equals the manifest’s; frames reference FLAIR slices', (who) => {
    const seg = decodeSeg(files.get(`${CASE}/seg/${who}.dcm`)!);
    const count = seg.frames.reduce((s, f) => s + f.pixels.reduce((a, p) => a + p, 0), 0);
    expect(count).toBe(manifest.segs.find((s) => s.annotator.key === who)!.segments[0].voxelCount);
    const flairUids = new Set(Array.from({ length: 40 }, (_, k) => imagePixels(files.get(`${CASE}/flair/${String(k + 1).padStart(4, '0')}.dcm`)!).dataset['SOPInstanceUID']));
    expect(seg.frames.every((f) => flairUids.has(f.referencedSopInstanceUid))).toBe(true);
    const segment = (seg.dataset['SegmentSequence'] as Record<string, unknown>[])[0];
    expect(segment['SegmentLabel']).toBe('White matter lesion');
    expect((segment['AnatomicRegionSequence'] as Record<string, unknown>[])[0]).toMatchObject({ CodeValue: '12738006', CodeMeaning: 'Brain' });
    expect(seg.dataset['ImageLaterality']).toBe('U');
  });

  it('passes dciodvfy, dcentvfy and PixelMed with no counted error', () => {
      // Required, not optional: without the validators the test fails, saying why (issue 14).
    expect(validatorUnavailable()).toBeUndefined();
    const sources = [...files.entries()].filter(([p]) => p.includes('/flair/')).map(([, b]) => b);
    const result = validateDicom(files.get(`${CASE}/seg/rivera.dcm`)!, sources);
    expectValidatorsPass(result, 'Segmentation');
  }, 60_000);
});
