/**
 * NIfTI-1 and NIfTI-2 label volumes, `.nii` or gzipped `.nii.gz` (gzip signature 1f 8b), either
 * byte order. The voxel → RAS affine (sform, else qform, else pixdim: see niftiAffine) becomes an
 * LPS VoxelGrid by negating x and y; i, j, k are NIfTI's first three axes. scl_slope/scl_inter
 * are ignored: a label is the stored integer (nibabel and ITK write slope 1 or 0/NaN for integer
 * label maps; scaling a label would make it a different label). Sizes are checked against the
 * limit, the file length and, for gzip, the most the compressed bytes could hold, before any
 * voxel buffer is allocated.
 */
import { CompressedDataError } from './CompressedDataError';
import { decodeSamples } from './decodeSamples';
import { gridFromAxes, type Vec3 } from './gridFromAxes';
import { gunzipInto, gunzipPrefix, isGzip, maxInflatedSize } from './gunzip';
import type { LabelVolume } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';
import { niftiAffine } from './niftiAffine';
import { NIFTI1_HEADER_BYTES, NIFTI2_HEADER_BYTES, parseNiftiHeader, type NiftiHeader } from './niftiHeader';
import { DEFAULT_MAX_VOXELS, type ReadLabelVolumeOptions } from './readLabelVolumeOptions';
import { reverseSlices } from './reverseSlices';
import { SAMPLE_BYTES, type SampleType } from './sampleTypes';

// nifti1.h NIFTI_TYPE_* codes of integer and real scalar types.
const DATATYPES: Readonly<Record<number, SampleType>> = {
  2: 'uint8',
  4: 'int16',
  8: 'int32',
  16: 'float32',
  64: 'float64',
  256: 'int8',
  512: 'uint16',
  768: 'uint32',
  1024: 'int64',
  1280: 'uint64',
};

export function readNifti(bytes: Uint8Array, options: ReadLabelVolumeOptions = {}): LabelVolume {
  const gzipped = isGzip(bytes);
  const header = parseNiftiHeader(gzipped ? compressed(() => gunzipPrefix(bytes, NIFTI2_HEADER_BYTES)) : bytes);
  checkMagic(header);
  const type = DATATYPES[header.datatype];
  if (type === undefined) throw new LabelVolumeError('nifti.datatype', `${header.datatype} is not an integer or real scalar type`);
  const sizes = spatialSizes(header);
  const voxels = sizes[0] * sizes[1] * sizes[2];
  const maxVoxels = options.maxVoxels ?? DEFAULT_MAX_VOXELS;
  if (voxels > maxVoxels) throw new LabelVolumeError('nifti.dim', `${sizes.join(' × ')} = ${voxels} voxels exceeds the limit of ${maxVoxels}`);
  const headerBytes = header.version === 1 ? NIFTI1_HEADER_BYTES : NIFTI2_HEADER_BYTES;
  const offset = header.voxOffset;
  if (!Number.isSafeInteger(offset) || offset < headerBytes) {
    throw new LabelVolumeError('nifti.vox_offset', `${offset} is not a byte offset at or after the ${headerBytes}-byte header`);
  }
  const byteLength = voxels * SAMPLE_BYTES[type];
  const needed = offset + byteLength;
  const decode = { littleEndian: header.littleEndian, field: 'nifti.datatype' };

  let labels;
  if (gzipped) {
    if (needed > maxInflatedSize(bytes.length)) {
      throw new LabelVolumeError('nifti.dim', `the header declares ${byteLength} bytes of voxels, more than ${bytes.length} gzip bytes can hold: truncated or corrupt`);
    }
    const inflated = new Uint8Array(needed);
    const written = compressed(() => gunzipInto(bytes, inflated));
    if (written < needed) throw new LabelVolumeError('nifti.dim', `the header declares ${byteLength} bytes of voxels at offset ${offset}, the gzip data holds ${Math.max(0, written - offset)}: truncated`);
    labels = decodeSamples(inflated, offset, voxels, type, { ...decode, owned: true });
  } else {
    if (needed > bytes.length) throw new LabelVolumeError('nifti.dim', `the header declares ${byteLength} bytes of voxels at offset ${offset}, the file holds ${Math.max(0, bytes.length - offset)}: truncated`);
    labels = decodeSamples(bytes, offset, voxels, type, decode);
  }

  const { affine, from } = niftiAffine(header);
  // RAS → LPS: x and y change sign (0 - x rather than -x: no -0 in the grid).
  const lps = [affine[0].map((x) => 0 - x), affine[1].map((y) => 0 - y), affine[2]];
  const axes = [0, 1, 2].map((c) => [lps[0][c], lps[1][c], lps[2][c]] as Vec3) as [Vec3, Vec3, Vec3];
  const origin: Vec3 = [lps[0][3], lps[1][3], lps[2][3]];
  const axesField = from === 'sform' ? 'nifti.srow_x/y/z' : from === 'qform' ? 'nifti.quatern_b/c/d' : 'nifti.pixdim';
  const { grid, leftHanded } = gridFromAxes({ sizes, axes, origin }, { axes: axesField, origin: from === 'sform' ? 'nifti.srow_x/y/z' : 'nifti.qoffset_x/y/z', sizes: 'nifti.dim' });
  return { grid: leftHanded ? reverseSlices(grid, [labels]) : grid, labels };
}

function checkMagic(header: NiftiHeader): void {
  const single = header.version === 1 ? 'n+1' : 'n+2';
  const pair = header.version === 1 ? 'ni1' : 'ni2';
  if (header.magic === pair) throw new LabelVolumeError('nifti.magic', `"${pair}": the voxels are in a separate .img file; save as a single .nii`);
  if (header.magic !== single) throw new LabelVolumeError('nifti.magic', `"${header.magic.replace(/[^\x20-\x7e]/g, '?')}" is not "${single}" (an ANALYZE 7.5 .hdr is not supported)`);
}

function spatialSizes(header: NiftiHeader): Vec3 {
  const rank = header.dim[0];
  if (!Number.isInteger(rank) || rank < 1 || rank > 7) throw new LabelVolumeError('nifti.dim[0]', `${rank} dimensions; NIfTI has 1 to 7`);
  for (let n = 1; n <= rank; n++) {
    const size = header.dim[n];
    if (!Number.isSafeInteger(size) || size < 1) throw new LabelVolumeError(`nifti.dim[${n}]`, `size ${size}; sizes are positive integers`);
    if (n > 3 && size !== 1) throw new LabelVolumeError(`nifti.dim[${n}]`, `${size} volumes (time points or components); a label volume has one`);
  }
  return [1, 2, 3].map((n) => (n <= rank ? header.dim[n] : 1)) as unknown as Vec3;
}

/** Runs a gzip step, reporting a corrupt stream as a LabelVolumeError. */
function compressed<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CompressedDataError) throw new LabelVolumeError('nifti.gzip', error.message, { cause: error });
    throw error;
  }
}
