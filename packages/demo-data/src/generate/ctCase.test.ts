// A demo CT case as written: CT slices with real Hounsfield values and geometry, and SEGs whose
// decoded voxels are exactly what the manifest says. Everything later (metrics, overlays, the
// browser test) is checked against these files, so they are checked here first.
import { segCreatorIdentity } from '@segqc/core';
import { chestAnatomy } from '../ct/chestAnatomy';
import { CHEST_GRID, chestX, chestY } from '../ct/chestGrid';
import { buildChestPhantom } from '../ct/chestPhantom';
import { forEachVoxelNear } from '../ct/nodules';
import { ellipseSdf } from '../geometry/sdf';
import { demoCohort } from '../cohort/cohort';
import { caseModel } from './caseModel';
import { demoManifest } from './demoManifest';
import { decodeSeg, generateCase, imagePixels } from './generatedCase.fixture';
import { expectValidatorsPass, validateDicom, validatorUnavailable } from '../../../../tests/harness/validateDicom';

const CASE = 'ct-05'; // four nodules; Chen misses the smallest
const generated = generateCase(CASE);
const { files, manifest } = generated;
const sliceFile = (k: number): Uint8Array => files.get(`${CASE}/ct/${String(k + 1).padStart(4, '0')}.dcm`)!;
const huCache = new Map<number, Int32Array>();
const hu = (k: number): Int32Array => {
  if (!huCache.has(k)) huCache.set(k, Int32Array.from(imagePixels(sliceFile(k)).pixels, (v) => v - 1024));
  return huCache.get(k)!;
};
const mean = (values: number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
const sd = (values: number[]): number => Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)));

describe(`demo CT case ${CASE}: files`, () => {
  it('writes 100 CT slices and the three annotators’ SEGs', () => {
    expect([...files.keys()].filter((p) => p.includes('/ct/'))).toHaveLength(100);
    expect([...files.keys()].filter((p) => p.includes('/seg/'))).toEqual([`${CASE}/seg/rivera.dcm`, `${CASE}/seg/chen.dcm`, `${CASE}/seg/okafor.dcm`]);
  });

  it('writes CT Image Storage slices with proper geometry and CT attributes', () => {
    const first = imagePixels(sliceFile(0)).dataset;
    const last = imagePixels(sliceFile(99)).dataset;
    expect(first).toMatchObject({
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.2', Modality: 'CT', Rows: 256, Columns: 256, BitsAllocated: 16, BitsStored: 12, HighBit: 11,
      PixelRepresentation: 0, RescaleIntercept: -1024, RescaleSlope: 1, RescaleType: 'HU', KVP: 120, AcquisitionNumber: 1,
      ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'], PixelSpacing: [1.4, 1.4], SliceThickness: 2.5, ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
      PatientID: 'SEGQC-CT-05', StudyDescription: 'CT CHEST WITHOUT CONTRAST', InstanceNumber: 1, PatientPosition: 'HFS',
    });
    expect(first['ImagePositionPatient']).toEqual([-178.5, -178.5, -25]);
    expect(last['ImagePositionPatient']).toEqual([-178.5, -178.5, -272.5]);
    expect(last['InstanceNumber']).toBe(100);
  });
});

describe(`demo CT case ${CASE}: Hounsfield values`, () => {
  const anatomy = chestAnatomy(CASE);
  const phantom = buildChestPhantom(CASE, manifest.lesions.length, { withImage: false });
  const k = 50; // mid-chest
  const slice = hu(k);
  const region = (inside: (x: number, y: number, v: number) => boolean): number[] => {
    const values: number[] = [];
    for (let r = 0; r < CHEST_GRID.rows; r++) for (let c = 0; c < CHEST_GRID.columns; c++) {
      const v = r * CHEST_GRID.columns + c;
      if (inside(chestX(c), chestY(r), k * CHEST_GRID.rows * CHEST_GRID.columns + v)) values.push(slice[v]);
    }
    return values;
  };

  it('has air at -1000 HU with 10-15 HU noise in front of the patient', () => {
    const air = region((_x, y) => y < anatomy.body.cy - anatomy.body.b - 15);
    expect(air.length).toBeGreaterThan(5000);
    expect(mean(air)).toBeGreaterThan(-1010);
    expect(mean(air)).toBeLessThan(-990);
    expect(sd(air)).toBeGreaterThan(8);
    expect(sd(air)).toBeLessThan(16);
  });

  it('has lungs near -850 HU', () => {
    const lung = region((_x, _y, v) => phantom.lungSdf[v] < -3);
    expect(lung.length).toBeGreaterThan(5000);
    expect(mean(lung)).toBeGreaterThan(-900);
    expect(mean(lung)).toBeLessThan(-790);
    const sorted = [...lung].sort((a, b) => a - b);
    expect(sorted[sorted.length >> 1]).toBeLessThan(-800);
  });

  it('has subcutaneous fat near -100 HU and the body wall muscle near +50 HU', () => {
    const zl = 0; // slice 50 is within 1.25 mm of the slab centre
    const A = anatomy.body.a * (1 + (anatomy.body.topWidening * zl) / 124);
    const yb = (y: number): number => y - anatomy.body.cy;
    const fat = region((x, y) => ellipseSdf(x, yb(y), A, anatomy.body.b) < -2.5 && ellipseSdf(x, yb(y), A - anatomy.fatThickness, anatomy.body.b - anatomy.fatThickness) > 2.5);
    expect(mean(fat)).toBeGreaterThan(-125);
    expect(mean(fat)).toBeLessThan(-75);
    // The chest wall muscle between fat and ribs; ribs cross part of it, so take the median.
    const muscle = region((x, y) => {
      const dFat = ellipseSdf(x, yb(y), A - anatomy.fatThickness, anatomy.body.b - anatomy.fatThickness);
      return dFat < -1.5 && dFat > -(anatomy.muscleThickness - 1.5);
    });
    expect(muscle.length).toBeGreaterThan(500);
    const sorted = [...muscle].sort((a, b) => a - b);
    expect(sorted[sorted.length >> 1]).toBeGreaterThan(20);
    expect(sorted[sorted.length >> 1]).toBeLessThan(80);
  });

  it('has bone of the spine between 150 and 1000 HU', () => {
    const vertebra = region((x, y) => Math.hypot(x, y - anatomy.spineY) < 13);
    expect(mean(vertebra)).toBeGreaterThan(150);
    expect(mean(vertebra)).toBeLessThan(1000);
  });

  it('has nodules of 0-60 HU inside the lungs', () => {
    for (const nodule of phantom.nodules) {
      const values: number[] = [];
      forEachVoxelNear(nodule, 0, (v, _x, _y, _z, d) => {
        if (d < -1.5) values.push(hu(Math.floor(v / (CHEST_GRID.rows * CHEST_GRID.columns)))[v % (CHEST_GRID.rows * CHEST_GRID.columns)]);
      });
      expect(values.length).toBeGreaterThan(0);
      expect(mean(values)).toBeGreaterThan(0);
      expect(mean(values)).toBeLessThan(60);
    }
  });
});

describe(`demo CT case ${CASE}: SEGs`, () => {
  const sopOfSlice = new Map([...files.entries()].filter(([p]) => p.includes('/ct/')).map(([, bytes]) => {
    const { dataset } = imagePixels(bytes);
    return [dataset['SOPInstanceUID'] as string, dataset['ImagePositionPatient'] as number[]];
  }));

  it.each(['rivera', 'chen', 'okafor'])('%s: decoded voxel counts equal the manifest’s', (who) => {
    const seg = decodeSeg(files.get(`${CASE}/seg/${who}.dcm`)!);
    const counts = [0, 0, 0];
    for (const frame of seg.frames) for (const p of frame.pixels) counts[frame.segmentNumber - 1] += p;
    const entry = manifest.segs.find((s) => s.annotator.key === who)!;
    expect(counts).toEqual(entry.segments.map((s) => s.voxelCount));
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  it('has the same manifest entry whether computed from masks only (demoManifest) or while writing', () => {
    expect(demoManifest({ cases: [CASE] }).cases).toEqual([manifest]);
  });

  it('places every frame at the IPP of the CT slice it references, only non-empty frames', () => {
    const seg = decodeSeg(files.get(`${CASE}/seg/okafor.dcm`)!);
    for (const frame of seg.frames) {
      expect(sopOfSlice.get(frame.referencedSopInstanceUid)).toEqual(frame.ipp);
      expect(frame.pixels.some(Boolean)).toBe(true);
    }
    expect(seg.dataset).toMatchObject({ ContentLabel: 'ANNOTATION', ContentDate: '20240405', SeriesDate: '20240405', SegmentsOverlap: 'NO', ImageLaterality: 'B' });
  });

  it('records who segmented, self-declared (the demo signs no one in), and what Chen missed', () => {
    const chen = manifest.segs.find((s) => s.annotator.key === 'chen')!;
    expect(chen.detection).toEqual({ detected: [2, 3, 4], missed: [1], falsePositives: 0 });
    const seg = decodeSeg(files.get(`${CASE}/seg/chen.dcm`)!).dataset;
    expect(seg['ContentCreatorName']).toEqual([{ Alphabetic: 'Chen^Wei' }]);
    expect(seg['ContentDescription']).toBe('Annotation by wchen; creator self-declared');
    expect(segCreatorIdentity(seg)).toEqual({ name: 'Chen^Wei', login: 'wchen', contentLabel: 'ANNOTATION' });
  });

  it('has nodule diameters of 4-25 mm in every CT case (volume-equivalent, from the truth voxels)', () => {
    const voxel = CHEST_GRID.pixelSpacing ** 2 * CHEST_GRID.sliceThickness;
    const cases = demoCohort().filter((c) => c.kind !== 'mr');
    for (const plan of cases) {
      const { lesions } = caseModel(plan, { withImages: false });
      expect(lesions).toHaveLength(plan.lesionCount);
      for (const lesion of lesions) {
        const diameter = Math.cbrt((6 * lesion.voxelCount * voxel) / Math.PI);
        expect(diameter).toBeGreaterThanOrEqual(4);
        expect(diameter).toBeLessThanOrEqual(25);
        expect(Math.abs(diameter - lesion.diameterMm)).toBeLessThan(1.5);
      }
    }
  });

  it('passes dciodvfy, dcentvfy and PixelMed with no counted error', () => {
      // Required, not optional: without the validators the test fails, saying why (issue 14).
    expect(validatorUnavailable()).toBeUndefined();
    const sources = [...files.entries()].filter(([p]) => p.includes('/ct/')).map(([, b]) => b);
    const result = validateDicom(files.get(`${CASE}/seg/okafor.dcm`)!, sources);
    expectValidatorsPass(result, 'Segmentation');
  }, 60_000);
});
