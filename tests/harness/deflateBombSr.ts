import { qcReportSeriesUid, SOP_CLASS, uidFromName, writePart10 } from '@segqc/core';
import { asDeflatedPart10, obHeader } from '../../packages/core/src/dicom/deflatedPart10.fixture';

/** What the bomb's header copies from the case it is stored in, so that the PACS files it with that study. */
export interface BombStudy {
  StudyInstanceUID: string;
  PatientID: string;
  PatientName: string;
}

export interface DeflateBomb {
  bytes: Uint8Array;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  /** How large its dataset is once inflated. */
  inflatedBytes: number;
}

const PRIVATE_GROUP = 0x0099;

/**
 * A Comprehensive SR in the study's QC report series (where the viewer, `segqc qc`, `drift` and
 * `audit` all read SRs) whose transfer syntax is Deflated Explicit VR Little Endian (PS3.5 A.5):
 * its required header, then a private OB element of `zeros` zero bytes, raw-deflated (no zlib
 * header) to about a thousandth of that. A reader that inflates it holds all of it in memory.
 */
export function deflateBombSr(study: BombStudy, zeros = 100 * 1024 * 1024): DeflateBomb {
  const sopInstanceUid = uidFromName(`segqc-test/deflate bomb/${study.StudyInstanceUID}`);
  const seriesInstanceUid = qcReportSeriesUid(study.StudyInstanceUID);
  const header = writePart10({
    SOPClassUID: SOP_CLASS.ComprehensiveSrStorage,
    SOPInstanceUID: sopInstanceUid,
    StudyInstanceUID: study.StudyInstanceUID,
    SeriesInstanceUID: seriesInstanceUid,
    PatientID: study.PatientID,
    PatientName: study.PatientName,
    Modality: 'SR',
    SeriesNumber: 990,
    InstanceNumber: 99,
    ValueType: 'CONTAINER',
    ContinuityOfContent: 'SEPARATE',
    CompletionFlag: 'COMPLETE',
    VerificationFlag: 'UNVERIFIED',
    ContentDate: '20260101',
    ContentTime: '000000',
  });
  // A private creator (PS3.5 7.8.1) reserves (0099,10xx) for the zeros.
  const creator = Uint8Array.from([0x99, 0x00, 0x10, 0x00, 0x4c, 0x4f, 10, 0, ...Buffer.from('SEGQC BOMB', 'latin1')]);
  const bytes = asDeflatedPart10(header, [creator, obHeader(PRIVATE_GROUP, 0x1000, zeros), new Uint8Array(zeros)]);
  return { bytes, sopInstanceUid, seriesInstanceUid, inflatedBytes: zeros };
}
