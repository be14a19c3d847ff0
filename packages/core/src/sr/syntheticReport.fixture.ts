// Test fixture: a small, valid QC report as plain data (made-up UIDs, two annotators, two
// structures), for unit tests that need no files. `sha` gives distinct well-formed digests.
import { SCT } from '../codes/sct';
import { SOP_CLASS } from '../dicom/sopClasses';
import { uidFromName } from '../dicom/uid';
import { sha256Hex } from '../hash/sha256';
import { encodeUtf8 } from '../text/utf8';
import type { QcReportInit } from './QcReport';

export const sha = (name: string): string => sha256Hex(encodeUtf8(name));
export const uid = (name: string): string => uidFromName(`synthetic ${name}`);

export const SYNTHETIC_CONVENTIONS = {
  dice: '2|A∩B| / (|A|+|B|); 1 when both are empty',
  jaccard: '|A∩B| / |A∪B|; 1 when both are empty',
  foreground: 'voxel with its bit set (segment present)',
  segmentMatching: 'one-to-one by type code',
  hd: 'max of the two directed maximum surface distances',
  hd95: '95th percentile of the pooled surface distances',
  hd95Variant: 'pooled',
  assd: 'mean of the pooled surface distances',
  nsd: '(#{d_AB ≤ τ} + #{d_BA ≤ τ}) / (|S_A| + |S_B|)',
  surface: 'face-connected background neighbour',
  distance: 'Euclidean, mm',
  undefinedDistances: 'null when either surface is empty',
  volume: 'voxel count × voxel volume, mL',
};

export function syntheticReportInit(): QcReportInit {
  const seg = (letter: string) => ({ sopClassUid: SOP_CLASS.SegmentationStorage, sopInstanceUid: uid(`seg ${letter}`), seriesInstanceUid: uid(`seg series ${letter}`) });
  const source = uid('ct series');
  const image = (k: number) => ({ sopClassUid: SOP_CLASS.CtImageStorage, sopInstanceUid: uid(`ct image ${k}`) });
  const annotation = (letter: 'A' | 'B', segmentNumber: number, volumeMl: number) => ({
    annotation: letter,
    annotatorName: letter === 'A' ? 'Rivera^Ana' : 'Chen^Wei',
    annotatorLogin: letter === 'A' ? 'arivera' : 'wchen',
    segment: { ...seg(letter), segmentNumber },
    sourceSeriesInstanceUid: source,
    pixelDataSha256: sha(`pixels ${letter}`),
    volumeMl,
    displayRegion: { image: image(2), outline: [10, 12, 20, 12, 20, 30, 10, 30, 10, 12] },
  });
  return {
    sopInstanceUid: uid('report'),
    seriesInstanceUid: uid('report series'),
    seriesNumber: 990,
    instanceNumber: 1,
    contentDate: '20260302',
    contentTime: '101500',
    subject: { PatientName: 'Demo^Patient', PatientID: 'P-1', StudyInstanceUID: uid('study'), StudyDate: '20260301', PatientSex: 'F' },
    observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'Demo Hospital', role: 'reviewer' },
    algorithm: { name: 'segqc-core', version: '0.1.0', conventions: SYNTHETIC_CONVENTIONS },
    imageLibrary: [{ seriesInstanceUid: source, modality: 'CT', frameOfReferenceUid: uid('frame of reference'), images: [image(1), image(2), image(3)] }],
    structures: [
      {
        label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right,
        annotations: [annotation('A', 1, 2415.5), annotation('B', 1, 2298.25)],
        agreements: [{ between: ['A', 'B'], dice: 0.97, jaccard: 0.94, hdMm: 6.25, hd95Mm: 2.8, assdMm: 1.1, nsd: { '1': 0.38, '2': 0.85 } }],
        decision: { outcome: 'agreed' },
      },
      {
        label: 'Lung nodule', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Nodule,
        annotations: [annotation('A', 3, 0.25), annotation('B', 3, 0)],
        agreements: [{ between: ['A', 'B'], dice: 0, jaccard: 0, hdMm: null, hd95Mm: null, assdMm: null, nsd: { '1': null, '2': null } }],
        decision: { outcome: 'escalated', reasons: [{ reason: 'missedLesion' }, { reason: 'other', text: 'B has no nodule at all' }] },
      },
    ],
  };
}
