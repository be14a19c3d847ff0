/**
 * A minimal NRRD writer for tests: the header lines a test asks for, then the samples in the
 * given type and byte order, raw or through a gzip function the test passes in (core's sources,
 * fixtures included, import no Node module).
 */
import type { SampleType } from './sampleTypes';
import { SAMPLE_BYTES } from './sampleTypes';

export interface NrrdSpec {
  /** The `type:` spelling to write, e.g. "short", "unsigned char". */
  typeName: string;
  sampleType: SampleType;
  sizes: number[];
  space?: string;
  /** One entry per axis: a vector, or null for "none". */
  directions?: Array<readonly number[] | null>;
  origin?: readonly number[];
  spacings?: number[];
  kinds?: string[];
  encoding?: 'raw' | 'gzip' | 'ascii';
  endian?: 'little' | 'big';
  keyValues?: Record<string, string>;
  /** More `field: value` lines, written as given (e.g. "byte skip"). */
  extraFields?: Record<string, string>;
  lineEnding?: '\n' | '\r\n';
  /** Bytes placed between the header and the data (for byte skip / line skip). */
  padding?: Uint8Array;
  version?: number;
}

export function encodeSamples(values: ArrayLike<number>, type: SampleType, littleEndian: boolean): Uint8Array {
  const size = SAMPLE_BYTES[type];
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  for (let n = 0; n < values.length; n++) {
    const v = values[n];
    const at = n * size;
    switch (type) {
      case 'int8': view.setInt8(at, v); break;
      case 'uint8': view.setUint8(at, v); break;
      case 'int16': view.setInt16(at, v, littleEndian); break;
      case 'uint16': view.setUint16(at, v, littleEndian); break;
      case 'int32': view.setInt32(at, v, littleEndian); break;
      case 'uint32': view.setUint32(at, v, littleEndian); break;
      case 'int64': view.setBigInt64(at, BigInt(v), littleEndian); break;
      case 'uint64': view.setBigUint64(at, BigInt(v), littleEndian); break;
      case 'float32': view.setFloat32(at, v, littleEndian); break;
      case 'float64': view.setFloat64(at, v, littleEndian); break;
    }
  }
  return bytes;
}

export function writeNrrd(spec: NrrdSpec, values: ArrayLike<number>, gzip?: (data: Uint8Array) => Uint8Array): Uint8Array {
  const encoding = spec.encoding ?? 'raw';
  const lines = [`NRRD000${spec.version ?? 4}`, '# Complete NRRD file format specification at:', '# http://teem.sourceforge.net/nrrd/format.html'];
  lines.push(`type: ${spec.typeName}`, `dimension: ${spec.sizes.length}`);
  if (spec.space) lines.push(`space: ${spec.space}`);
  lines.push(`sizes: ${spec.sizes.join(' ')}`);
  if (spec.directions) lines.push(`space directions: ${spec.directions.map((d) => (d ? `(${d.join(',')})` : 'none')).join(' ')}`);
  if (spec.spacings) lines.push(`spacings: ${spec.spacings.join(' ')}`);
  if (spec.kinds) lines.push(`kinds: ${spec.kinds.join(' ')}`);
  if (spec.endian) lines.push(`endian: ${spec.endian}`);
  lines.push(`encoding: ${encoding}`);
  if (spec.origin) lines.push(`space origin: (${spec.origin.join(',')})`);
  for (const [field, value] of Object.entries(spec.extraFields ?? {})) lines.push(`${field}: ${value}`);
  for (const [key, value] of Object.entries(spec.keyValues ?? {})) lines.push(`${key}:=${value}`);
  const eol = spec.lineEnding ?? '\n';
  const header = new TextEncoder().encode(lines.join(eol) + eol + eol);
  let data: Uint8Array;
  if (encoding === 'ascii') data = new TextEncoder().encode(Array.from(values).join(' ') + '\n');
  else {
    data = encodeSamples(values, spec.sampleType, spec.endian !== 'big');
    if (encoding === 'gzip') {
      if (!gzip) throw new Error('writeNrrd: gzip encoding needs a gzip function');
      data = gzip(data);
    }
  }
  const padding = spec.padding ?? new Uint8Array(0);
  const out = new Uint8Array(header.length + padding.length + data.length);
  out.set(header);
  out.set(padding, header.length);
  out.set(data, header.length + padding.length);
  return out;
}
