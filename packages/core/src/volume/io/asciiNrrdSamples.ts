/**
 * NRRD's ascii encoding: whitespace- (or comma-) separated numbers, read into the array a binary
 * file of the same `type` would give.
 */
import type { LabelArray } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';
import type { SampleType } from './sampleTypes';

// Integer ranges of the sample types, for ascii data.
const RANGES: Readonly<Record<SampleType, readonly [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-(2 ** 31), 2 ** 31 - 1],
  uint32: [0, 2 ** 32 - 1],
  int64: [-(2 ** 31), 2 ** 31 - 1],
  uint64: [0, 2 ** 32 - 1],
  float32: [-(2 ** 31), 2 ** 31 - 1],
  float64: [-(2 ** 31), 2 ** 31 - 1],
};

/** Whitespace-separated numbers (ascii encoding), into the array a binary file of `type` would give. */
export function asciiNrrdSamples(bytes: Uint8Array, start: number, count: number, type: SampleType): LabelArray {
  if (bytes.length - start < 2 * count - 1) {
    throw new LabelVolumeError('nrrd.sizes', `the header declares ${count} samples, the ${bytes.length - start} bytes of ascii data cannot hold them`);
  }
  const out: LabelArray =
    type === 'uint8' ? new Uint8Array(count)
    : type === 'int8' || type === 'int16' ? new Int16Array(count)
    : type === 'uint16' ? new Uint16Array(count)
    : type === 'uint32' || type === 'uint64' ? new Uint32Array(count)
    : new Int32Array(count);
  const [min, max] = RANGES[type];
  let n = 0;
  let at = start;
  const end = bytes.length;
  while (n < count) {
    while (at < end && (bytes[at] <= 0x20 || bytes[at] === 0x2c)) at++; // whitespace and commas
    if (at >= end) break;
    const from = at;
    while (at < end && bytes[at] > 0x20 && bytes[at] !== 0x2c) at++;
    const text = String.fromCharCode(...bytes.subarray(from, Math.min(at, from + 40)));
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new LabelVolumeError('nrrd.type', `ascii sample ${n} ("${text}") is not a ${type} integer label`);
    out[n++] = value;
  }
  if (n < count) throw new LabelVolumeError('nrrd.sizes', `the header declares ${count} samples, the ascii data holds ${n}`);
  return out;
}

