/**
 * What a NRRD header says about its attached data (see readNrrd for the fields read): the sample
 * type, the axes' sizes, which axis (if any) lists layers, and the patient grid. Sizes are checked
 * against the limits here, before anything the size of the volume is allocated.
 */
import { gridFromAxes, type Vec3 } from './gridFromAxes';
import { LabelVolumeError } from './LabelVolumeError';
import type { LabelVolumeSegment } from './LabelVolume';
import { parseNrrdHeader } from './nrrdHeader';
import { DEFAULT_MAX_VOXELS, type ReadLabelVolumeOptions } from './readLabelVolumeOptions';
import type { SampleType } from './sampleTypes';
import { slicerSegments } from './slicerSegments';
import type { VoxelGrid } from '../VoxelGrid';

export interface NrrdLayout {
  fields: ReadonlyMap<string, string>;
  /** Offset of the byte after the header's empty line. */
  dataStart: number;
  type: SampleType;
  /** The size of every file axis, axis 0 varying fastest. */
  sizes: number[];
  /** The non-spatial axis of a 4-dimensional volume, when it has more than one layer. */
  layerAxis?: number;
  layerCount: number;
  /** Voxels per layer. */
  voxels: number;
  /** The grid of file axes 0, 1, 2 as they are stored (not yet made right-handed). */
  fileGrid: VoxelGrid;
  /** File axes 0, 1, 2 form a left-handed frame: the slices are to be reversed (see reverseSlices). */
  leftHanded: boolean;
  segments?: LabelVolumeSegment[];
}

export function readNrrdLayout(bytes: Uint8Array, options: ReadLabelVolumeOptions = {}): NrrdLayout {
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
  const sizeWords = words(required('sizes'));
  if (sizeWords.length !== dimension) throw new LabelVolumeError('nrrd.sizes', `${sizeWords.length} sizes for dimension ${dimension}`);
  const sizes = sizeWords.map((text, a) => {
    const size = Number(text);
    if (!Number.isSafeInteger(size) || size < 1) throw new LabelVolumeError('nrrd.sizes', `axis ${a} has size "${text}"; sizes are positive integers`);
    return size;
  });

  const geometry = readGeometry(fields, dimension);
  const spatialAxes = [0, 1, 2, 3].slice(0, dimension).filter((a) => a !== geometry.layerAxis);
  const spatialSizes = spatialAxes.map((a) => sizes[a]) as unknown as Vec3;
  const layerCount = geometry.layerAxis === undefined ? 1 : sizes[geometry.layerAxis];
  const voxels = spatialSizes[0] * spatialSizes[1] * spatialSizes[2];
  const maxVoxels = options.maxVoxels ?? DEFAULT_MAX_VOXELS;
  if (voxels > maxVoxels) throw new LabelVolumeError('nrrd.sizes', `${spatialSizes.join(' × ')} = ${voxels} voxels exceeds the limit of ${maxVoxels}`);
  if (layerCount > 255) throw new LabelVolumeError('nrrd.sizes', `${layerCount} layers; at most 255 are read`);

  const { grid, leftHanded } = gridFromAxes(
    { sizes: spatialSizes, axes: geometry.axes, origin: geometry.origin },
    { axes: geometry.axesField, origin: 'nrrd.space origin', sizes: 'nrrd.sizes' },
  );
  const segments = slicerSegments(header.keyValues);
  segments?.forEach((segment, n) => {
    if (segment.layer >= layerCount) throw new LabelVolumeError(`nrrd.Segment${n}_Layer`, `layer ${segment.layer} does not exist (${layerCount} layers)`);
  });
  const layout: NrrdLayout = { fields, dataStart: header.dataStart, type, sizes, layerCount, voxels, fileGrid: grid, leftHanded };
  if (layerCount > 1) layout.layerAxis = geometry.layerAxis;
  if (segments) layout.segments = segments;
  return layout;
}

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

