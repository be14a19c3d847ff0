// Test fixture: a small annotation programme as a PACS holds it, written with SegQC's own SEG
// writer on a synthetic 10 × 10 × 2 CT series and served by the inventory's fake PACS (QIDO-RS,
// WADO-RS metadata, instance retrieval). Every mask lies in the first slice, as boxes whose
// overlaps are counted by hand (voxel (row r, column c) of slice 0):
// - `triple`: Rivera, Chen and Okafor. Right lung: Rivera rows 0–3 × columns 0–3 (16 voxels), Chen
//   rows 0–4 × 0–3 (20), Okafor rows 0–3 × 0–5 (24); a voxel is in two of three exactly on Rivera's
//   square, so the majority is Rivera's: Dice 1, 32/36, 32/40. Lung nodule: Rivera marks (8, 8) and
//   (1, 8) — two lesions —, Chen (8, 8), Okafor nothing.
// - `calibration`: Rivera and Chen as above against a GOLD whose lung is rows 0–3 × 0–5 and whose
//   nodule is (8, 8): Rivera's lung 32/40, Chen's 32/44; Rivera's nodules 2/3, Chen's 1.
// - `single`: one annotation, no reference: nothing to compare.
// - `broken`: two annotations, one of whose SEGs the PACS cannot give: left out with its reason.
// lesionIslandProgramme, apart: three cases read by Rivera and Chen, lungs as above, each marking one
// nodule of rows 6–9 × columns 6–9 (16 voxels of 0.8 × 0.7 × 2 mm = 17.92 mm³, a sphere 3.25 mm
// across), Rivera one more voxel at (0, 9) (1.12 mm³): an island below the CT lung-nodule SOP's
// minimum lesion size (3 mm across, 14.14 mm³). Their SEGs name that SOP in ProtocolName (`named`),
// name none (`unnamed`: the SOP that applies to the CT series), or name a version of it the library
// does not hold (`unknown`). `clean`: as `named` without the island.
import dcmjs from 'dcmjs';
import { SCT } from '../codes/sct';
import { writePart10 } from '../dicom/part10';
import { readPart10 } from '../dicom/readPart10';
import { SOP_CLASS } from '../dicom/sopClasses';
import { uidFromName } from '../dicom/uid';
import type { DicomJsonDataset } from '../dicomweb/dicomJson';
import { ROOT, fakePacs, type FakeSeries, type FakeStudy } from '../inventory/inventory.fixture';
import { buildBinarySeg, type BinarySegInput } from '../seg/buildBinarySeg';
import type { SegContentLabel } from '../seg/SegContentLabel';
import type { SegmentDescriptionInit } from '../seg/SegmentDescription';
import type { SopReferenceInit } from '../seg/SopReference';
import { syntheticSeries } from '../seg/syntheticSource.fixture';

export { ROOT };
const [ROWS, COLUMNS, SLICES] = [10, 10, 2];

export const PEOPLE = { rivera: 'Rivera^Ana', chen: 'Chen^Wei', okafor: 'Okafor^Chidi', gold: 'Expert^Gold' } as const;
type Person = keyof typeof PEOPLE;

const SEGMENTS: SegmentDescriptionInit[] = [
  { segmentNumber: 1, label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right, algorithmType: 'MANUAL', color: [80, 160, 220] },
  { segmentNumber: 2, label: 'Lung nodule', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Nodule, anatomicRegion: SCT.Lung, algorithmType: 'MANUAL', color: [240, 80, 60] },
];

/** A mask of slice 0: rows [0, rows) × columns [0, columns), plus single voxels [row, column]. */
function mask(box: [number, number] | null, ...voxels: [number, number][]): Uint8Array {
  const out = new Uint8Array(ROWS * COLUMNS * SLICES);
  if (box) for (let r = 0; r < box[0]; r++) for (let c = 0; c < box[1]; c++) out[r * COLUMNS + c] = 1;
  for (const [r, c] of voxels) out[r * COLUMNS + c] = 1;
  return out;
}
const LUNG: Record<Person, Uint8Array> = { rivera: mask([4, 4]), chen: mask([5, 4]), okafor: mask([4, 6]), gold: mask([4, 6]) };
const NODULES: Record<Person, Uint8Array> = { rivera: mask(null, [8, 8], [1, 8]), chen: mask(null, [8, 8]), okafor: mask(null), gold: mask(null, [8, 8]) };

/** DICOM JSON of a dataset as a PACS answers WADO-RS metadata: every attribute but the bulk Pixel Data. */
function dicomJsonOf(dataset: Record<string, unknown>): DicomJsonDataset {
  const json = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(dataset) as Record<string, unknown>;
  delete json['7FE00010'];
  return JSON.parse(JSON.stringify(json)) as DicomJsonDataset;
}

export interface ProgrammeStudy {
  name: string;
  studyInstanceUid: string;
  /** SEG SOP Instance UID by person. */
  segs: Partial<Record<Person, string>>;
}

interface Reader {
  person: Person;
  date: string;
  label?: SegContentLabel;
  retrievable?: boolean;
  /** Their nodule mask in place of NODULES[person]. */
  nodules?: Uint8Array;
  /** The SOP their SEG names in ProtocolName; none by default. */
  sop?: SopReferenceInit;
}

function study(name: string, readers: Reader[]): { fake: FakeStudy; study: ProgrammeStudy } {
  const series = syntheticSeries({ name: `programme ${name}`, rows: ROWS, columns: COLUMNS, slices: SLICES });
  const studyInstanceUid = series.images[0].StudyInstanceUID;
  const source: FakeSeries = {
    seriesInstanceUid: series.images[0].SeriesInstanceUID,
    modality: 'CT',
    instances: series.images.map((image) => ({
      sopInstanceUid: image.SOPInstanceUID,
      sopClassUid: SOP_CLASS.CtImageStorage,
      metadata: dicomJsonOf({ ...image, Modality: 'CT', _vrMap: {} }),
    })),
  };
  const segs: Partial<Record<Person, string>> = {};
  const segSeries: FakeSeries[] = readers.map(({ person, date, label = 'ANNOTATION', retrievable = true, nodules = NODULES[person], sop }) => {
    const input: BinarySegInput = {
      sourceImages: series.images,
      segments: SEGMENTS,
      frames: [{ segmentNumber: 1, mask: LUNG[person] }, { segmentNumber: 2, mask: nodules }],
      creator: { name: PEOPLE[person], login: person },
      contentLabel: label,
      contentDescription: `${person} in ${name}`,
      contentDate: date,
      contentTime: '093000',
      seriesInstanceUID: uidFromName(`programme ${name}/${person}/series`),
      sopInstanceUID: uidFromName(`programme ${name}/${person}/seg`),
      seriesNumber: 300,
      seriesDescription: `${person} SEG`,
      equipment: { manufacturerModelName: 'SegQC core', softwareVersions: '0.1.0', deviceSerialNumber: 'unit-test', institutionName: 'SegQC Test Hospital' },
      ...(sop ? { sop } : {}),
    };
    const bytes = writePart10(buildBinarySeg(input));
    segs[person] = input.sopInstanceUID;
    return {
      seriesInstanceUid: input.seriesInstanceUID,
      modality: 'SEG',
      instances: [{ sopInstanceUid: input.sopInstanceUID, sopClassUid: SOP_CLASS.SegmentationStorage, metadata: dicomJsonOf(readPart10(bytes).dataset), ...(retrievable ? { bytes } : {}) }],
    };
  });
  return { fake: { studyInstanceUid, series: [source, ...segSeries] }, study: { name, studyInstanceUid, segs } };
}

export interface PacsProgramme {
  fetch: ReturnType<typeof fakePacs>['fetch'];
  requests: string[];
  triple: ProgrammeStudy;
  calibration: ProgrammeStudy;
  single: ProgrammeStudy;
  broken: ProgrammeStudy;
  /** A study whose inventory the PACS refuses (HTTP 503). */
  refused: ProgrammeStudy;
}

export function pacsProgramme(): PacsProgramme {
  const triple = study('triple', [{ person: 'rivera', date: '20240304' }, { person: 'chen', date: '20240305' }, { person: 'okafor', date: '20240306' }]);
  const calibration = study('calibration', [{ person: 'rivera', date: '20240311' }, { person: 'chen', date: '20240312' }, { person: 'gold', date: '20240301', label: 'GOLD' }]);
  const single = study('single', [{ person: 'okafor', date: '20240313' }]);
  const broken = study('broken', [{ person: 'rivera', date: '20240314' }, { person: 'chen', date: '20240315', retrievable: false }]);
  const refused = study('refused', [{ person: 'rivera', date: '20240316' }, { person: 'chen', date: '20240316' }]);
  const { fetch, requests } = fakePacs([triple, calibration, single, broken, refused].map((s) => s.fake), { failStudy: refused.study.studyInstanceUid });
  return { fetch, requests, triple: triple.study, calibration: calibration.study, single: single.study, broken: broken.study, refused: refused.study };
}

export interface LesionIslandProgramme {
  fetch: ReturnType<typeof fakePacs>['fetch'];
  named: ProgrammeStudy;
  unnamed: ProgrammeStudy;
  unknown: ProgrammeStudy;
  clean: ProgrammeStudy;
}

/** Rows 6–9 × columns 6–9: one nodule of 16 voxels. */
const NODULE_OF_16 = mask(null, ...[6, 7, 8, 9].flatMap((r) => [6, 7, 8, 9].map((c): [number, number] => [r, c])));

/** The three cases of Rivera's island (above), `sop` the SOP their SEGs name. */
export function lesionIslandProgramme(sop: SopReferenceInit): LesionIslandProgramme {
  const island = mask(null, [0, 9]);
  const withIsland = NODULE_OF_16.map((voxel, at) => voxel | island[at]);
  const pair = (name: string, named: SopReferenceInit | undefined, rivera: Uint8Array = withIsland) => study(name, [
    { person: 'rivera', date: '20240401', nodules: rivera, sop: named },
    { person: 'chen', date: '20240402', nodules: NODULE_OF_16, sop: named },
  ]);
  const named = pair('island named', sop);
  const unnamed = pair('island unnamed', undefined);
  const unknown = pair('island unknown', { ...sop, version: '9.9.9' });
  const clean = pair('no island', sop, NODULE_OF_16);
  const { fetch } = fakePacs([named, unnamed, unknown, clean].map((s) => s.fake));
  return { fetch, named: named.study, unnamed: unnamed.study, unknown: unknown.study, clean: clean.study };
}
