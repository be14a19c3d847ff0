/**
 * A chest CT case at clinical size, for what the small demo cannot show: 512×512×300 at
 * 0.7×0.7×1.25 mm, three annotators' BINARY SEGs of the right lung, the left lung and a dozen
 * nodules of 3–9 mm (each SEG ~19 MB), as issue 16 measured the viewer on. The phantom is
 * analytic — body, lungs and nodules are ellipsoids — and every voxel is computed from a seeded
 * PRNG, so the same options give the same bytes. Each annotator draws the truth their own way:
 * lungs a little larger or smaller and shifted by a voxel, one misses two nodules, one adds a
 * nodule of their own. Files are made one at a time: one slice, or one SEG's label volume, in memory.
 */
import { buildBinarySeg, uidFromName, writePart10, SOP_CLASS, type SourceImage } from '@segqc/core';
import { ANNOTATORS, DEMO_INSTITUTION, type DemoAnnotator } from '../cohort/annotators';
import { SCANNER, SEG_EQUIPMENT } from '../cohort/demoEquipment';
import { CT_SEGMENTS } from '../cohort/segmentDefinitions';
import { Random } from '../random/Random';
import type { DemoFile } from '../generate/manifestTypes';

export interface RealSizeCaseOptions {
  /** Names the case: every UID and random draw derives from it. */
  name?: string;
  rows?: number;
  columns?: number;
  slices?: number;
}

export interface RealSizeSeg {
  annotator: DemoAnnotator;
  seriesInstanceUid: string;
  sopInstanceUid: string;
}

export interface RealSizeCase {
  name: string;
  studyInstanceUid: string;
  sourceSeriesInstanceUid: string;
  rows: number;
  columns: number;
  slices: number;
  segs: RealSizeSeg[];
  /** The CT slices, then the three SEGs. */
  files(): Generator<DemoFile>;
}

const PIXEL_SPACING_MM = 0.7;
const SLICE_THICKNESS_MM = 1.25;
/** Stored CT values: HU + 1024 (Rescale Intercept −1024). */
const STORED = { air: 24, soft: 1064, lung: 224, nodule: 1054 } as const;

interface Ellipsoid {
  centre: [number, number, number];
  radii: [number, number, number];
  label: number;
}

export function realSizeChestCase(options: RealSizeCaseOptions = {}): RealSizeCase {
  const name = options.name ?? 'real-size-chest';
  const rows = options.rows ?? 512;
  const columns = options.columns ?? 512;
  const slices = options.slices ?? 300;
  const uid = (what: string) => uidFromName(`SegQC real-size case ${name}/${what}`);
  const studyInstanceUid = uid('study');
  const sourceSeriesInstanceUid = uid('ct series');
  const annotators = [ANNOTATORS.rivera, ANNOTATORS.chen, ANNOTATORS.okafor];
  const segs = annotators.map((annotator) => ({ annotator, seriesInstanceUid: uid(`seg series ${annotator.login}`), sopInstanceUid: uid(`seg ${annotator.login}`) }));

  // Patient coordinates (LPS, mm): column c at x0 + 0.7 c, row r at y0 + 0.7 r, slice k (head first) at z0 − 1.25 k.
  const x0 = -((columns - 1) * PIXEL_SPACING_MM) / 2;
  const y0 = -((rows - 1) * PIXEL_SPACING_MM) / 2;
  const z0 = ((slices - 1) * SLICE_THICKNESS_MM) / 2;
  const extentZ = slices * SLICE_THICKNESS_MM;
  const truth = truthOf(new Random(`${name}/truth`), extentZ);
  const body: Ellipsoid = { centre: [0, 0, 0], radii: [0.45 * columns * PIXEL_SPACING_MM, 0.34 * rows * PIXEL_SPACING_MM, extentZ], label: 0 };

  const sourceImages: SourceImage[] = Array.from({ length: slices }, (_, k) => ({
    SOPClassUID: SOP_CLASS.CtImageStorage,
    SOPInstanceUID: uid(`ct ${k}`),
    SeriesInstanceUID: sourceSeriesInstanceUid,
    ImagePositionPatient: [x0, y0, z0 - k * SLICE_THICKNESS_MM],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    PixelSpacing: [PIXEL_SPACING_MM, PIXEL_SPACING_MM],
    SliceThickness: SLICE_THICKNESS_MM,
    Rows: rows,
    Columns: columns,
    PatientName: 'Realsize^Chest',
    PatientID: `SEGQC-${name.toUpperCase()}`,
    PatientBirthDate: '19580412',
    PatientSex: 'M',
    StudyInstanceUID: studyInstanceUid,
    StudyDate: '20260310',
    StudyTime: '091500',
    StudyID: 'RS1',
    AccessionNumber: `RS-${name}`.slice(0, 16),
    ReferringPhysicianName: '',
    StudyDescription: 'Chest CT, real size',
    FrameOfReferenceUID: uid('frame of reference'),
    PositionReferenceIndicator: '',
  }));

  /** `shapes` painted into a label volume in source order (index (k·rows + r)·columns + c), later shapes over earlier ones. */
  function labelVolume(shapes: readonly Ellipsoid[]): Uint8Array {
    const labels = new Uint8Array(rows * columns * slices);
    for (let k = 0; k < slices; k++) paintSlice(labels.subarray(k * rows * columns, (k + 1) * rows * columns), k, shapes);
    return labels;
  }

  /** Row spans of each ellipsoid on slice `k`, written with its label. */
  function paintSlice(slice: Uint8Array | Uint16Array, k: number, shapes: readonly Ellipsoid[], value: (label: number) => number = (label) => label): void {
    const z = z0 - k * SLICE_THICKNESS_MM;
    for (const { centre, radii, label } of shapes) {
      const dz = (z - centre[2]) / radii[2];
      if (dz * dz >= 1) continue;
      const ry = radii[1] * Math.sqrt(1 - dz * dz);
      const rFirst = Math.max(0, Math.ceil((centre[1] - ry - y0) / PIXEL_SPACING_MM));
      const rLast = Math.min(rows - 1, Math.floor((centre[1] + ry - y0) / PIXEL_SPACING_MM));
      for (let r = rFirst; r <= rLast; r++) {
        const dy = (y0 + r * PIXEL_SPACING_MM - centre[1]) / radii[1];
        const rest = 1 - dz * dz - dy * dy;
        if (rest <= 0) continue;
        const half = radii[0] * Math.sqrt(rest);
        const cFirst = Math.max(0, Math.ceil((centre[0] - half - x0) / PIXEL_SPACING_MM));
        const cLast = Math.min(columns - 1, Math.floor((centre[0] + half - x0) / PIXEL_SPACING_MM));
        if (cLast >= cFirst) slice.fill(value(label), r * columns + cFirst, r * columns + cLast + 1);
      }
    }
  }

  function* files(): Generator<DemoFile> {
    const ctValue = (label: number) => (label === 0 ? STORED.soft : label === 3 ? STORED.nodule : STORED.lung);
    for (let k = 0; k < slices; k++) {
      const pixels = new Uint16Array(rows * columns).fill(STORED.air);
      paintSlice(pixels, k, [body, ...truth], ctValue);
      const image = sourceImages[k]!;
      yield {
        path: `${name}/ct/${String(k + 1).padStart(4, '0')}.dcm`,
        bytes: writePart10({
          ...image,
          ImagePositionPatient: [...image.ImagePositionPatient],
          ImageOrientationPatient: [...image.ImageOrientationPatient],
          PixelSpacing: [...image.PixelSpacing],
          Modality: 'CT',
          SeriesNumber: 2,
          SeriesDescription: 'Chest 1.25 mm',
          InstanceNumber: k + 1,
          ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
          SamplesPerPixel: 1,
          PhotometricInterpretation: 'MONOCHROME2',
          BitsAllocated: 16,
          BitsStored: 12,
          HighBit: 11,
          PixelRepresentation: 0,
          RescaleIntercept: -1024,
          RescaleSlope: 1,
          WindowCenter: -600,
          WindowWidth: 1500,
          KVP: 120,
          AcquisitionNumber: 1,
          ...SCANNER.CT,
          InstitutionName: DEMO_INSTITUTION,
          PatientPosition: 'HFS',
          PixelData: [pixels.buffer],
          _vrMap: { PixelData: 'OW' },
        }),
      };
    }
    for (const [n, seg] of segs.entries()) {
      const drawn = annotatorsDrawing(truth, n, new Random(`${name}/${seg.annotator.login}`));
      const labels = labelVolume(drawn);
      yield {
        path: `${name}/seg/${seg.annotator.key}.dcm`,
        bytes: writePart10(buildBinarySeg({
          sourceImages,
          segments: [...CT_SEGMENTS],
          frames: CT_SEGMENTS.map((s) => ({ segmentNumber: s.segmentNumber, mask: labels, label: s.segmentNumber })),
          creator: { name: seg.annotator.name, login: seg.annotator.login, institutionName: DEMO_INSTITUTION },
          contentLabel: 'ANNOTATION',
          contentDescription: `Annotation by ${seg.annotator.login}`,
          contentDate: '20260311',
          contentTime: `1${n}3000`,
          seriesInstanceUID: seg.seriesInstanceUid,
          sopInstanceUID: seg.sopInstanceUid,
          seriesNumber: 300 + n,
          seriesDescription: `Segmentation by ${seg.annotator.name.replace('^', ' ')}`,
          equipment: SEG_EQUIPMENT,
        })),
      };
    }
  }

  return { name, studyInstanceUid, sourceSeriesInstanceUid, rows, columns, slices, segs, files };
}

/** The true lungs (labels 1 right, 2 left) and a dozen nodules (label 3) of 3–9 mm inside them. */
function truthOf(random: Random, extentZ: number): Ellipsoid[] {
  const lungs: Ellipsoid[] = [
    { centre: [-72, 4, 0], radii: [52, 78, 0.4 * extentZ], label: 1 },
    { centre: [70, 4, 0], radii: [48, 76, 0.39 * extentZ], label: 2 },
  ];
  const nodules: Ellipsoid[] = Array.from({ length: 12 }, (_, n) => {
    const lung = lungs[n % 2]!;
    const diameter = random.uniform(3, 9);
    // Well inside the lung: within half its radii of its centre.
    const centre = lung.centre.map((c, axis) => c + random.uniform(-0.5, 0.5) * lung.radii[axis]!) as [number, number, number];
    return { centre, radii: [diameter / 2, diameter / 2, diameter / 2], label: 3 };
  });
  return [...lungs, ...nodules];
}

/** Annotator `n`'s drawing of the truth: lungs scaled and shifted their way; the second misses two nodules, the third adds one. */
function annotatorsDrawing(truth: readonly Ellipsoid[], n: number, random: Random): Ellipsoid[] {
  const scale = [1, 0.975, 1.03][n]!;
  const drawn: Ellipsoid[] = truth.flatMap((shape, index) => {
    if (n === 1 && shape.label === 3 && index % 5 === 0) return [];
    const shift = shape.label === 3 ? 0.3 : PIXEL_SPACING_MM;
    const grow = shape.label === 3 ? random.uniform(0.85, 1.15) : scale;
    return [{
      label: shape.label,
      centre: shape.centre.map((c) => c + random.uniform(-shift, shift)) as [number, number, number],
      radii: shape.radii.map((r) => r * grow) as [number, number, number],
    }];
  });
  if (n === 2) {
    const lung = truth[0]!;
    drawn.push({ label: 3, centre: [lung.centre[0] + 10, lung.centre[1] - 20, lung.centre[2] + 30], radii: [2.5, 2.5, 2.5] });
  }
  return drawn;
}
