/**
 * Stored samples → label values in the narrowest array the union `LabelArray` offers: 8-, 16- and
 * 32-bit integers as they are (signed 8-bit widened to Int16Array); 64-bit integers and floats
 * (some tools save label maps as float32) only when every value is an integer that fits 32 bits,
 * else a typed error: a fractional "label" is not a label.
 */
import type { LabelArray } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';
import { SAMPLE_BYTES, type SampleType } from './sampleTypes';

const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export interface DecodeSamplesOptions {
  littleEndian: boolean;
  /** Header field to name in errors, e.g. `nifti.datatype`. */
  field: string;
  /** The caller owns `bytes` (e.g. freshly decompressed): it may be viewed and byte-swapped in place instead of copied. */
  owned?: boolean;
  /** The number of the first sample in the whole data, when decoding part of it (for errors). */
  firstSample?: number;
}

/** `count` samples of `type` starting at `bytes[offset]`; the caller has checked they are there. */
export function decodeSamples(bytes: Uint8Array, offset: number, count: number, type: SampleType, options: DecodeSamplesOptions): LabelArray {
  const size = SAMPLE_BYTES[type];
  const byteLength = count * size;
  const aligned = (bytes.byteOffset + offset) % size === 0;
  // slice() copies into a fresh, aligned buffer; subarray() views the caller's bytes.
  const raw = options.owned && aligned ? bytes.subarray(offset, offset + byteLength) : bytes.slice(offset, offset + byteLength);
  if (size > 1 && options.littleEndian !== HOST_LITTLE_ENDIAN) swapBytes(raw, size);
  const { buffer, byteOffset } = raw;
  switch (type) {
    case 'uint8':
      return raw;
    case 'int8': {
      const widened = new Int16Array(count);
      widened.set(new Int8Array(buffer, byteOffset, count)); // set() converts value by value
      return widened;
    }
    case 'int16':
      return new Int16Array(buffer, byteOffset, count);
    case 'uint16':
      return new Uint16Array(buffer, byteOffset, count);
    case 'int32':
      return new Int32Array(buffer, byteOffset, count);
    case 'uint32':
      return new Uint32Array(buffer, byteOffset, count);
    case 'int64':
    case 'uint64':
      return narrow64(new Uint32Array(buffer, byteOffset, count * 2), type === 'int64', count, options);
    case 'float32':
      return integralFloats(new Float32Array(buffer, byteOffset, count), options, type);
    case 'float64':
      return integralFloats(new Float64Array(buffer, byteOffset, count), options, type);
  }
}

function swapBytes(bytes: Uint8Array, size: number): void {
  for (let i = 0; i + size <= bytes.length; i += size) {
    for (let a = i, b = i + size - 1; a < b; a++, b--) {
      const t = bytes[a];
      bytes[a] = bytes[b];
      bytes[b] = t;
    }
  }
}

/** 64-bit integers as (low, high) 32-bit words in native order, narrowed to 32 bits. */
function narrow64(words: Uint32Array, signed: boolean, count: number, { field, firstSample = 0 }: DecodeSamplesOptions): Int32Array | Uint32Array {
  const lowFirst = HOST_LITTLE_ENDIAN;
  const out = signed ? new Int32Array(count) : new Uint32Array(count);
  for (let n = 0; n < count; n++) {
    const low = words[lowFirst ? 2 * n : 2 * n + 1];
    const high = words[lowFirst ? 2 * n + 1 : 2 * n];
    const fits = signed ? (high === 0 && low < 0x80000000) || (high === 0xffffffff && low >= 0x80000000) : high === 0;
    if (!fits) throw new LabelVolumeError(field, `sample ${firstSample + n} does not fit in 32 bits; label values must`);
    out[n] = low;
  }
  return out;
}

function integralFloats(values: Float32Array | Float64Array, { field, firstSample = 0 }: DecodeSamplesOptions, type: SampleType): Int32Array {
  const out = new Int32Array(values.length);
  for (let n = 0; n < values.length; n++) {
    const v = values[n];
    // (v | 0) === v exactly when v is an integer in the 32-bit range (NaN fails).
    if ((v | 0) !== v) throw new LabelVolumeError(field, `${type} sample ${firstSample + n} is ${v}: a label volume holds integer labels`);
    out[n] = v;
  }
  return out;
}
