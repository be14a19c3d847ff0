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
  const pixelData = appendablePixelData(dataset);
  if (pixelData === undefined) {
    dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
    return new Uint8Array(dict.write());
  }
  // dcmjs copies a value again at every stream it passes through (megabytes of frames, several
  // times): Pixel Data, the dataset's last element, is appended here instead, encoded as dcmjs does.
  const { PixelData: _pixelData, ...rest } = dataset;
  dict.dict = DicomMetaDictionary.denaturalizeDataset(rest);
  const head = new Uint8Array(dict.write());
  const padding = pixelData.bytes.length % 2;
  const out = new Uint8Array(head.length + 12 + pixelData.bytes.length + padding);
  out.set(head);
  // The element in Explicit VR Little Endian: group, element, VR, 2 reserved bytes, 32-bit length (PS3.5 7.1.2).
  const element = new DataView(out.buffer, head.length, 12);
  element.setUint16(0, 0x7fe0, true);
  element.setUint16(2, 0x0010, true);
  element.setUint8(4, pixelData.vr.charCodeAt(0));
  element.setUint8(5, pixelData.vr.charCodeAt(1));
  element.setUint32(8, pixelData.bytes.length + padding, true);
  out.set(pixelData.bytes, head.length + 12);
  return out;
}

// (7FE0,0010), as a number to compare other tags with.
const PIXEL_DATA_TAG = 0x7fe00010;

/**
 * Pixel Data that can be written after the rest: one native buffer of a given OB or OW VR, and no
 * element after it (elements are in ascending tag order, PS3.5 7.1); otherwise undefined.
 */
function appendablePixelData(dataset: NaturalDataset): { vr: 'OB' | 'OW'; bytes: Uint8Array } | undefined {
  const value = dataset['PixelData'];
  const vr = (dataset['_vrMap'] as Record<string, string> | undefined)?.['PixelData'];
  if (!Array.isArray(value) || value.length !== 1 || !(value[0] instanceof ArrayBuffer) || (vr !== 'OB' && vr !== 'OW')) return undefined;
  const { nameMap } = dcmjs.data.DicomMetaDictionary as unknown as { nameMap: Record<string, { tag: string } | undefined> };
  const laterTag = Object.keys(dataset).some((name) => {
    // A keyword of the dictionary, or the hex tag dcmjs names a private or unknown element by.
    const tag = nameMap[name]?.tag.replace(/[(),]/g, '') ?? (/^[0-9a-f]{8}$/i.test(name) ? name : undefined);
    return tag !== undefined && parseInt(tag, 16) > PIXEL_DATA_TAG;
  });
  return laterTag ? undefined : { vr, bytes: new Uint8Array(value[0]) };
}
