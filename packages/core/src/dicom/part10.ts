/**
 * Writing a DICOM Part 10 file (PS3.10 §7): preamble, `DICM`, File Meta Information and the
 * dataset in Explicit VR Little Endian.
 */
import dcmjs from 'dcmjs';
import type { NaturalDataset } from './NaturalDataset';
import { DicomValueError } from './DicomValueError';
import { checkUid } from './vrChecks';
import { uidFromName } from './uid';

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** Identifies SegQC as the writer of a file (PS3.7 D.3.3.2); stable across versions. */
export const IMPLEMENTATION_CLASS_UID = uidFromName('SegQC implementation');
export const IMPLEMENTATION_VERSION_NAME = 'SEGQC_0_1';

/** `dataset` (naturalized, with SOPClassUID and SOPInstanceUID) as the bytes of a Part 10 file. */
export function writePart10(dataset: NaturalDataset): Uint8Array {
  const sopClassUid = dataset['SOPClassUID'];
  const sopInstanceUid = dataset['SOPInstanceUID'];
  if (typeof sopClassUid !== 'string') throw new DicomValueError('SOPClassUID', 'is required to write a Part 10 file');
  if (typeof sopInstanceUid !== 'string') throw new DicomValueError('SOPInstanceUID', 'is required to write a Part 10 file');
  checkUid(sopClassUid, 'SOPClassUID');
  checkUid(sopInstanceUid, 'SOPInstanceUID');
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: sopClassUid,
    MediaStorageSOPInstanceUID: sopInstanceUid,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}
