/** Reading a DICOM Part 10 file into naturalized File Meta Information and dataset. */
import dcmjs from 'dcmjs';
import type { NaturalDataset } from './NaturalDataset';
import { assertReadablePart10 } from './assertReadablePart10';
import { checkSequenceDepth } from './checkSequenceDepth';
import { DicomValueError } from './DicomValueError';
import { MAX_PART10_BYTES } from './readLimits';

export interface Part10Contents {
  meta: NaturalDataset;
  dataset: NaturalDataset;
}

export interface ReadPart10Options {
  /** The largest file read; MAX_PART10_BYTES when not given. */
  maxBytes?: number;
  /** Stop before Pixel Data (7FE0,0010): the header only. */
  untilPixelData?: boolean;
}

/**
 * Parses the bytes of a Part 10 file (any transfer syntax dcmjs reads but deflate). Throws a
 * RefusedObjectError for a file over the size limit or deflated, a DicomValueError for anything
 * dcmjs cannot read or sequences nested past MAX_SEQUENCE_DEPTH.
 */
export function readPart10(bytes: Uint8Array, options: ReadPart10Options = {}): Part10Contents {
  assertReadablePart10(bytes, options.maxBytes ?? MAX_PART10_BYTES);
  // dcmjs reads from an ArrayBuffer from offset 0: copy when `bytes` is a view into a larger one
  // (`new Uint8Array(view)` copies; a Node Buffer's own slice() would not).
  const buffer =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? (bytes.buffer as ArrayBuffer)
      : new Uint8Array(bytes).buffer;
  const { DicomMessage, DicomMetaDictionary } = dcmjs.data;
  let dict;
  try {
    dict = DicomMessage.readFile(buffer, options.untilPixelData ? { untilTag: '7FE00010', includeUntilTagValue: false } : undefined);
  } catch (error) {
    throw new DicomValueError('(file)', `is not a readable DICOM Part 10 file: ${error instanceof Error ? error.message : String(error)}`);
  }
  // naturalizeDataset recurses into every sequence: bound it first.
  checkSequenceDepth(dict.dict);
  return {
    meta: DicomMetaDictionary.naturalizeDataset(dict.meta),
    dataset: DicomMetaDictionary.naturalizeDataset(dict.dict),
  };
}
