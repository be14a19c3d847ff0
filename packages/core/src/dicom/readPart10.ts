/** Reading a DICOM Part 10 file into naturalized File Meta Information and dataset. */
import dcmjs from 'dcmjs';
import type { NaturalDataset } from './NaturalDataset';
import { DicomValueError } from './DicomValueError';

export interface Part10Contents {
  meta: NaturalDataset;
  dataset: NaturalDataset;
}

/** Parses the bytes of a Part 10 file (any transfer syntax dcmjs reads). */
export function readPart10(bytes: Uint8Array): Part10Contents {
  // dcmjs reads from an ArrayBuffer from offset 0: copy when `bytes` is a view into a larger one.
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : bytes.slice().buffer;
  const { DicomMessage, DicomMetaDictionary } = dcmjs.data;
  let dict;
  try {
    dict = DicomMessage.readFile(buffer);
  } catch (error) {
    throw new DicomValueError('(file)', `is not a readable DICOM Part 10 file: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    meta: DicomMetaDictionary.naturalizeDataset(dict.meta),
    dataset: DicomMetaDictionary.naturalizeDataset(dict.dict),
  };
}
