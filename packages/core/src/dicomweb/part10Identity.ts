import { StowInputError } from './StowInputError';

/** What a STOW-RS response names an instance by. */
export interface Part10Identity {
  sopClassUID: string;
  sopInstanceUID: string;
}

const PREAMBLE_LENGTH = 128;
const FILE_META_GROUP = 0x0002;
const MEDIA_STORAGE_SOP_CLASS_UID = 0x0002;
const MEDIA_STORAGE_SOP_INSTANCE_UID = 0x0003;
// PS3.5 7.1.2: these explicit VRs have 2 reserved bytes and a 32-bit length.
const LONG_LENGTH_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/**
 * The SOP Class and Instance UIDs of a Part 10 file from its File Meta Information (PS3.10 7.1:
 * preamble, `DICM`, group 0002 in Explicit VR Little Endian) — without parsing the data set, so
 * a large SEG costs a few dozen bytes. `argument` names the file in the error.
 */
export function readPart10Identity(bytes: Uint8Array, argument: string): Part10Identity {
  const fail = (reason: string): never => {
    throw new StowInputError(argument, reason);
  };
  if (bytes.length < PREAMBLE_LENGTH + 4 || String.fromCharCode(...bytes.subarray(PREAMBLE_LENGTH, PREAMBLE_LENGTH + 4)) !== 'DICM') {
    fail('is not a DICOM Part 10 file (no "DICM" after the 128-byte preamble, PS3.10 7.1)');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const uids = new Map<number, string>();
  let offset = PREAMBLE_LENGTH + 4;
  const truncated = (element: number) => fail(`its File Meta Information element (0002,${hex4(element)}) runs past the end of the file`);
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) fail('its File Meta Information runs past the end of the file');
    if (view.getUint16(offset, true) !== FILE_META_GROUP) break;
    const element = view.getUint16(offset + 2, true);
    const vr = String.fromCharCode(bytes[offset + 4], bytes[offset + 5]);
    let length: number;
    let valueOffset: number;
    if (LONG_LENGTH_VRS.has(vr)) {
      if (offset + 12 > bytes.length) truncated(element);
      length = view.getUint32(offset + 8, true);
      valueOffset = offset + 12;
    } else {
      length = view.getUint16(offset + 6, true);
      valueOffset = offset + 8;
    }
    if (valueOffset + length > bytes.length) truncated(element);
    if (element === MEDIA_STORAGE_SOP_CLASS_UID || element === MEDIA_STORAGE_SOP_INSTANCE_UID) {
      // UI values are padded to even length with a NUL (PS3.5 6.2).
      uids.set(element, String.fromCharCode(...bytes.subarray(valueOffset, valueOffset + length)).replace(/[\0 ]+$/, ''));
    }
    offset = valueOffset + length;
  }
  const sopClassUID = uids.get(MEDIA_STORAGE_SOP_CLASS_UID);
  const sopInstanceUID = uids.get(MEDIA_STORAGE_SOP_INSTANCE_UID);
  if (!sopClassUID) return fail('has no MediaStorageSOPClassUID (0002,0002) in its File Meta Information');
  if (!sopInstanceUID) return fail('has no MediaStorageSOPInstanceUID (0002,0003) in its File Meta Information');
  return { sopClassUID, sopInstanceUID };
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}
