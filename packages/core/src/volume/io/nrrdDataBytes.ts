/**
 * Where a NRRD file's binary samples are: `encoding: raw` in the file itself (after `line skip`
 * lines and `byte skip` bytes, or its last bytes with `byte skip: -1`), `gzip` decompressed into
 * a buffer of exactly the declared size. The declared size is checked against what the file can
 * hold before anything is allocated: a lying header, truncated data or a gzip bomb is a
 * LabelVolumeError, never a huge allocation or wrong voxels.
 */
import { CompressedDataError } from './CompressedDataError';
import { gunzipInto, isGzip, maxInflatedSize } from './gunzip';
import { LabelVolumeError } from './LabelVolumeError';
import type { NrrdLayout } from './nrrdLayout';
import { SAMPLE_BYTES } from './sampleTypes';

export interface NrrdDataBytes {
  bytes: Uint8Array;
  /** Offset of the first sample in `bytes`. */
  offset: number;
  /** `bytes` is a fresh buffer of the reader's own (decompressed), free to view or change in place. */
  owned: boolean;
  littleEndian: boolean;
}

/** The encodings whose samples are text. */
export function isAsciiEncoding(encoding: string): boolean {
  return encoding === 'ascii' || encoding === 'text' || encoding === 'txt';
}

/** The encoding, lower case; a missing one is an error. */
export function nrrdEncoding(layout: NrrdLayout): string {
  const encoding = layout.fields.get('encoding');
  if (encoding === undefined) throw new LabelVolumeError('nrrd.encoding', 'is required');
  return encoding.toLowerCase();
}

/** Offset of the data after `line skip` lines. */
export function nrrdLineSkipStart(bytes: Uint8Array, layout: NrrdLayout): number {
  return skipLines(bytes, layout.dataStart, integerField(layout.fields, 'line skip', 0));
}

/** The raw or gzip samples of all layers (`layout.voxels × layout.layerCount` of `layout.type`). */
export function nrrdDataBytes(bytes: Uint8Array, layout: NrrdLayout): NrrdDataBytes {
  const { fields, type, dataStart } = layout;
  const count = layout.voxels * layout.layerCount;
  const size = SAMPLE_BYTES[type];
  const byteLength = count * size;
  const encoding = nrrdEncoding(layout);
  const endian = fields.get('endian')?.toLowerCase();
  if (size > 1 && !isAsciiEncoding(encoding)) {
    if (endian !== 'little' && endian !== 'big') throw new LabelVolumeError('nrrd.endian', `must be "little" or "big" for ${type} samples (got ${endian === undefined ? 'none' : `"${endian}"`})`);
  }
  const littleEndian = endian !== 'big';
  const byteSkip = integerField(fields, 'byte skip', 0);
  let start = nrrdLineSkipStart(bytes, layout);

  if (encoding === 'raw') {
    if (byteSkip === -1) start = bytes.length - byteLength; // the data are the file's last bytes
    else start += byteSkip;
    if (start < dataStart || start + byteLength > bytes.length) {
      throw new LabelVolumeError('nrrd.sizes', `the header declares ${byteLength} bytes of data, the file holds ${Math.max(0, bytes.length - dataStart)}: truncated`);
    }
    return { bytes, offset: start, owned: false, littleEndian };
  }
  if (encoding === 'gzip' || encoding === 'gz') {
    if (byteSkip < 0) throw new LabelVolumeError('nrrd.byte skip', 'byte skip -1 cannot be used with gzip encoding');
    const compressed = bytes.subarray(start);
    if (!isGzip(compressed)) throw new LabelVolumeError('nrrd.encoding', 'the data after the header is not gzip (no 1f 8b signature)');
    const expected = byteSkip + byteLength;
    if (expected > maxInflatedSize(compressed.length)) {
      throw new LabelVolumeError('nrrd.sizes', `the header declares ${byteLength} bytes, more than ${compressed.length} compressed bytes can hold: truncated or corrupt`);
    }
    let inflated: Uint8Array;
    try {
      inflated = new Uint8Array(expected);
    } catch (error) {
      // Within the limits yet more than this machine can hold: the file's fault to report, not a crash.
      if (error instanceof RangeError) throw new LabelVolumeError('nrrd.sizes', `the header declares ${byteLength} bytes of data, more than can be allocated here`, { cause: error });
      throw error;
    }
    let written: number;
    try {
      written = gunzipInto(compressed, inflated);
    } catch (error) {
      if (error instanceof CompressedDataError) throw new LabelVolumeError('nrrd.encoding', `gzip data: ${error.message}`, { cause: error });
      throw error;
    }
    if (written < expected) throw new LabelVolumeError('nrrd.sizes', `the header declares ${byteLength} bytes of data, the gzip data holds ${written - byteSkip}`);
    return { bytes: inflated, offset: byteSkip, owned: true, littleEndian };
  }
  if (isAsciiEncoding(encoding)) throw new LabelVolumeError('nrrd.encoding', 'ascii samples are text, not bytes: read them with asciiSamples');
  throw new LabelVolumeError('nrrd.encoding', `"${encoding}" is not supported (raw, gzip or ascii); re-save the volume with gzip encoding`);
}

function integerField(fields: ReadonlyMap<string, string>, name: string, fallback: number): number {
  const text = fields.get(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < -1) throw new LabelVolumeError(`nrrd.${name}`, `"${text}" is not an integer ≥ -1`);
  return value;
}

function skipLines(bytes: Uint8Array, start: number, lines: number): number {
  let at = start;
  for (let n = 0; n < lines; n++) {
    const newline = bytes.indexOf(0x0a, at);
    if (newline < 0) throw new LabelVolumeError('nrrd.line skip', `the data has fewer than ${lines} lines to skip`);
    at = newline + 1;
  }
  return at;
}

