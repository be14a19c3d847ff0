/**
 * NRRD label volumes (NRRD0001–0005) as dcmqi, ITK, pynrrd and 3D Slicer write them: `type`
 * (8/16/32/64-bit integers; float/double holding integers), `dimension` 3, or 4 with one
 * non-spatial axis (`space directions: none …`, or a `list` kind): of size 1, or Slicer's
 * `.seg.nrrd` layers of overlapping segments; `sizes`; `space` (LPS, RAS or LAS, converted to
 * LPS) with `space directions` and `space origin`, or else `spacings`; `encoding` raw, gzip or
 * ascii; `endian`; `byte skip`, `line skip`. Axis 0 varies fastest and is VoxelGrid's i (columns),
 * axis 1 is j (rows), axis 2 is k (slices); origin is the centre of the first voxel.
 */
import { CompressedDataError } from './CompressedDataError';
import { decodeSamples } from './decodeSamples';
import { gridFromAxes, type Vec3 } from './gridFromAxes';
import { gunzipInto, isGzip, maxInflatedSize } from './gunzip';
import type { LabelArray, LabelVolume } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';
import { parseNrrdHeader } from './nrrdHeader';
import { DEFAULT_MAX_VOXELS, type ReadLabelVolumeOptions } from './readLabelVolumeOptions';
import { reverseSlices } from './reverseSlices';
import { SAMPLE_BYTES, type SampleType } from './sampleTypes';
import { slicerSegments } from './slicerSegments';

// The `type` spellings of the format spec.
const TYPES: Readonly<Record<string, SampleType>> = (() => {
  const table: Record<string, SampleType> = {};
  const add = (type: SampleType, names: string): void => names.split(',').forEach((name) => (table[name] = type));
  add('int8', 'signed char,int8,int8_t');
  add('uint8', 'uchar,unsigned char,uint8,uint8_t');
  add('int16', 'short,short int,signed short,signed short int,int16,int16_t');
  add('uint16', 'ushort,unsigned short,unsigned short int,uint16,uint16_t');
  add('int32', 'int,signed int,int32,int32_t');
  add('uint32', 'uint,unsigned int,uint32,uint32_t');
  add('int64', 'longlong,long long,long long int,signed long long,signed long long int,int64,int64_t');
  add('uint64', 'ulonglong,unsigned long long,unsigned long long int,uint64,uint64_t');
  add('float32', 'float');
  add('float64', 'double');
  return table;
})();

// Sign flips from a named space to LPS (PS3.3 C.7.6.2.1.1: x to the patient's left, y posterior).
const SPACES: Readonly<Record<string, Vec3>> = {
  'left-posterior-superior': [1, 1, 1],
  lps: [1, 1, 1],
  'right-anterior-superior': [-1, -1, 1],
  ras: [-1, -1, 1],
  'left-anterior-superior': [1, -1, 1],
  las: [1, -1, 1],
};

/** Reads a NRRD file with attached data into a label volume on an LPS grid. */
export function readNrrd(bytes: Uint8Array, options: ReadLabelVolumeOptions = {}): LabelVolume {
  const header = parseNrrdHeader(bytes);
  const { fields } = header;
  const required = (name: string): string => {
    const value = fields.get(name);
    if (value === undefined) throw new LabelVolumeError(`nrrd.${name}`, 'is required');
    return value;
  };
  const dataFile = fields.get('data file');
  if (dataFile !== undefined) {
    throw new LabelVolumeError('nrrd.data file', `detached data ("${dataFile}") is not supported: save the volume as one .nrrd file`);
  }

  const typeName = required('type').toLowerCase().replace(/\s+/g, ' ');
  const type = TYPES[typeName];
  if (type === undefined) throw new LabelVolumeError('nrrd.type', `"${typeName}" is not an integer or floating-point sample type`);
  const dimension = Number(required('dimension'));
  if (dimension !== 3 && dimension !== 4) throw new LabelVolumeError('nrrd.dimension', `${required('dimension')}: a label volume has 3 axes (or 4 with a list of layers)`);
  const sizes = words(required('sizes'));
  if (sizes.length !== dimension) throw new LabelVolumeError('nrrd.sizes', `${sizes.length} sizes for dimension ${dimension}`);
  const sizeValues = sizes.map((text, a) => {
    const size = Number(text);
    if (!Number.isSafeInteger(size) || size < 1) throw new LabelVolumeError('nrrd.sizes', `axis ${a} has size "${text}"; sizes are positive integers`);
    return size;
  });

  const geometry = readGeometry(fields, dimension);
  const spatialAxes = [0, 1, 2, 3].slice(0, dimension).filter((a) => a !== geometry.layerAxis);
  const spatialSizes = spatialAxes.map((a) => sizeValues[a]) as unknown as Vec3;
  const layerCount = geometry.layerAxis === undefined ? 1 : sizeValues[geometry.layerAxis];
  const voxels = spatialSizes[0] * spatialSizes[1] * spatialSizes[2];
  const maxVoxels = options.maxVoxels ?? DEFAULT_MAX_VOXELS;
  if (voxels > maxVoxels) throw new LabelVolumeError('nrrd.sizes', `${spatialSizes.join(' × ')} = ${voxels} voxels exceeds the limit of ${maxVoxels}`);
  if (layerCount > 255) throw new LabelVolumeError('nrrd.sizes', `${layerCount} layers; at most 255 are read`);

  const { grid, leftHanded } = gridFromAxes(
    { sizes: spatialSizes, axes: geometry.axes, origin: geometry.origin },
    { axes: geometry.axesField, origin: 'nrrd.space origin', sizes: 'nrrd.sizes' },
  );
  const samples = readSamples(bytes, header.dataStart, fields, type, voxels * layerCount);
  const layers = splitLayers(samples, sizeValues, geometry.layerAxis);
  const volumeGrid = leftHanded ? reverseSlices(grid, layers) : grid;

  const segments = slicerSegments(header.keyValues);
  segments?.forEach((segment, n) => {
    if (segment.layer >= layers.length) throw new LabelVolumeError(`nrrd.Segment${n}_Layer`, `layer ${segment.layer} does not exist (${layers.length} layers)`);
  });
  const volume: LabelVolume = { grid: volumeGrid, labels: layers[0] };
  if (layers.length > 1) volume.layers = layers;
  if (segments) volume.segments = segments;
  return volume;
}

interface NrrdGeometry {
  axes: [Vec3, Vec3, Vec3];
  origin: Vec3;
  axesField: string;
  /** The non-spatial axis of a 4-dimensional volume. */
  layerAxis?: number;
}

function readGeometry(fields: ReadonlyMap<string, string>, dimension: number): NrrdGeometry {
  const space = fields.get('space');
  const spaceDirections = fields.get('space directions');
  if (space === undefined) {
    if (fields.has('space dimension')) {
      throw new LabelVolumeError('nrrd.space dimension', 'a space without a name (no "space:" field) has no patient orientation; write "space: left-posterior-superior"');
    }
    // No orientation at all: an axis-aligned grid from `spacings`, origin at 0.
    const layerAxis = dimension === 4 ? listAxisFromKinds(fields) : undefined;
    const spacingsText = fields.get('spacings');
    if (spacingsText === undefined) throw new LabelVolumeError('nrrd.space directions', 'neither space directions nor spacings are given: the voxel size is unknown');
    const spacings = words(spacingsText);
    if (spacings.length !== dimension) throw new LabelVolumeError('nrrd.spacings', `${spacings.length} values for dimension ${dimension}`);
    const spatial = spacings.filter((_, a) => a !== layerAxis).map(Number);
    return {
      axes: [
        [spatial[0], 0, 0],
        [0, spatial[1], 0],
        [0, 0, spatial[2]],
      ],
      origin: [0, 0, 0],
      axesField: 'nrrd.spacings',
      layerAxis,
    };
  }
  const sign = SPACES[space.toLowerCase()];
  if (sign === undefined) throw new LabelVolumeError('nrrd.space', `"${space}" is not a patient space (left-posterior-superior, right-anterior-superior or left-anterior-superior)`);
  if (spaceDirections === undefined) throw new LabelVolumeError('nrrd.space directions', `is required with "space: ${space}"`);
  const tokens = spaceDirections.match(/\([^()]*\)|none/gi) ?? [];
  if (tokens.length !== dimension || spaceDirections.replace(/\([^()]*\)|none/gi, '').trim() !== '') {
    throw new LabelVolumeError('nrrd.space directions', `expected ${dimension} vectors "(x,y,z)" or "none", got "${spaceDirections}"`);
  }
  const noneAxes = tokens.flatMap((token, a) => (token.toLowerCase() === 'none' ? [a] : []));
  if (noneAxes.length !== dimension - 3) {
    throw new LabelVolumeError('nrrd.space directions', `${dimension - noneAxes.length} axes have directions: a label volume has exactly 3 spatial axes`);
  }
  const toLps = (v: Vec3): Vec3 => [v[0] * sign[0], v[1] * sign[1], v[2] * sign[2]];
  const axes = tokens.filter((token) => token.toLowerCase() !== 'none').map((token) => toLps(vector(token, 'nrrd.space directions'))) as [Vec3, Vec3, Vec3];
  const originText = fields.get('space origin');
  const origin = originText === undefined ? ([0, 0, 0] as Vec3) : toLps(vector(originText, 'nrrd.space origin'));
  return { axes, origin, axesField: 'nrrd.space directions', layerAxis: noneAxes[0] };
}

/** Without space directions, the 4th axis is the one whose kind is not domain/space. */
function listAxisFromKinds(fields: ReadonlyMap<string, string>): number {
  const kinds = words(fields.get('kinds') ?? '');
  const nonSpatial = kinds.flatMap((kind, a) => (/^(domain|space)$/i.test(kind) ? [] : [a]));
  if (kinds.length !== 4 || nonSpatial.length !== 1) {
    throw new LabelVolumeError('nrrd.kinds', 'a 4-dimensional volume without space directions needs kinds naming exactly one non-spatial (e.g. list) axis');
  }
  return nonSpatial[0];
}

function vector(token: string, field: string): Vec3 {
  const parts = token.trim().replace(/^\(|\)$/g, '').split(',');
  const values = parts.map((part) => Number(part.trim()));
  if (values.length !== 3 || parts.some((part) => part.trim() === '') || !values.every(Number.isFinite)) {
    throw new LabelVolumeError(field, `"${token}" is not a vector (x,y,z) of finite numbers`);
  }
  return values as unknown as Vec3;
}

function words(text: string): string[] {
  return text.trim() === '' ? [] : text.trim().split(/\s+/);
}

/** The decoded samples of the attached data, in file order. */
function readSamples(bytes: Uint8Array, dataStart: number, fields: ReadonlyMap<string, string>, type: SampleType, count: number): LabelArray {
  const size = SAMPLE_BYTES[type];
  const byteLength = count * size;
  const encodingText = fields.get('encoding');
  if (encodingText === undefined) throw new LabelVolumeError('nrrd.encoding', 'is required');
  const encoding = encodingText.toLowerCase();
  const endian = fields.get('endian')?.toLowerCase();
  if (size > 1 && encoding !== 'ascii' && encoding !== 'text' && encoding !== 'txt') {
    if (endian !== 'little' && endian !== 'big') throw new LabelVolumeError('nrrd.endian', `must be "little" or "big" for ${type} samples (got ${endian === undefined ? 'none' : `"${endian}"`})`);
  }
  const littleEndian = endian !== 'big';
  const byteSkip = integerField(fields, 'byte skip', 0);
  let start = skipLines(bytes, dataStart, integerField(fields, 'line skip', 0));
  const decode = { littleEndian, field: 'nrrd.type' };

  if (encoding === 'raw') {
    if (byteSkip === -1) start = bytes.length - byteLength; // the data are the file's last bytes
    else start += byteSkip;
    if (start < dataStart || start + byteLength > bytes.length) {
      throw new LabelVolumeError('nrrd.sizes', `the header declares ${byteLength} bytes of data, the file holds ${Math.max(0, bytes.length - dataStart)}: truncated`);
    }
    return decodeSamples(bytes, start, count, type, decode);
  }
  if (encoding === 'gzip' || encoding === 'gz') {
    if (byteSkip < 0) throw new LabelVolumeError('nrrd.byte skip', 'byte skip -1 cannot be used with gzip encoding');
    const compressed = bytes.subarray(start);
    if (!isGzip(compressed)) throw new LabelVolumeError('nrrd.encoding', 'the data after the header is not gzip (no 1f 8b signature)');
    const expected = byteSkip + byteLength;
    if (expected > maxInflatedSize(compressed.length)) {
      throw new LabelVolumeError('nrrd.sizes', `the header declares ${byteLength} bytes, more than ${compressed.length} compressed bytes can hold: truncated or corrupt`);
    }
    const inflated = new Uint8Array(expected);
    let written: number;
    try {
      written = gunzipInto(compressed, inflated);
    } catch (error) {
      if (error instanceof CompressedDataError) throw new LabelVolumeError('nrrd.encoding', `gzip data: ${error.message}`, { cause: error });
      throw error;
    }
    if (written < expected) throw new LabelVolumeError('nrrd.sizes', `the header declares ${byteLength} bytes of data, the gzip data holds ${written - byteSkip}`);
    return decodeSamples(inflated, byteSkip, count, type, { ...decode, owned: true });
  }
  if (encoding === 'ascii' || encoding === 'text' || encoding === 'txt') return asciiSamples(bytes, start, count, type);
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
function asciiSamples(bytes: Uint8Array, start: number, count: number, type: SampleType): LabelArray {
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

/**
 * Per-layer label arrays in VoxelGrid order. With no layer axis (or one of size 1) the samples
 * already are that order; a last layer axis gives contiguous layers; otherwise (Slicer's `list`
 * axis first, layer varying fastest) the layers are de-interleaved.
 */
function splitLayers(samples: LabelArray, sizes: number[], layerAxis: number | undefined): LabelArray[] {
  if (layerAxis === undefined || sizes[layerAxis] === 1) return [samples];
  const layerCount = sizes[layerAxis];
  const voxels = samples.length / layerCount;
  if (layerAxis === 3) return Array.from({ length: layerCount }, (_, l) => samples.subarray(l * voxels, (l + 1) * voxels));
  // Stride of each file axis, and of the spatial axes in order.
  const strides = [1, sizes[0], sizes[0] * sizes[1], sizes[0] * sizes[1] * sizes[2]];
  const spatial = [0, 1, 2, 3].filter((a) => a !== layerAxis);
  const [s0, s1, s2] = spatial.map((a) => strides[a]);
  const [n0, n1, n2] = spatial.map((a) => sizes[a]);
  const layerStride = strides[layerAxis];
  const Array_ = samples.constructor as new (length: number) => LabelArray;
  return Array.from({ length: layerCount }, (_, l) => {
    const layer = new Array_(voxels);
    let v = 0;
    for (let k = 0; k < n2; k++)
      for (let j = 0; j < n1; j++) {
        let from = l * layerStride + j * s1 + k * s2;
        for (let i = 0; i < n0; i++, from += s0) layer[v++] = samples[from];
      }
    return layer;
  });
}
