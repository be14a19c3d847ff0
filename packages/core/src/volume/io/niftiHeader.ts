/**
 * The NIfTI-1 (348-byte) and NIfTI-2 (540-byte) headers (nifti1.h, nifti2.h): the fields a label
 * volume needs. Byte order is whichever makes sizeof_hdr read 348 or 540.
 */
import { LabelVolumeError } from './LabelVolumeError';

export interface NiftiHeader {
  version: 1 | 2;
  littleEndian: boolean;
  /** dim[0..7]: dim[0] is the number of dimensions. */
  dim: number[];
  datatype: number;
  /** pixdim[0..7]: pixdim[0] is qfac (±1), pixdim[1..3] the voxel size. */
  pixdim: number[];
  voxOffset: number;
  sclSlope: number;
  sclInter: number;
  qformCode: number;
  sformCode: number;
  quatern: [number, number, number];
  qoffset: [number, number, number];
  /** srow_x, srow_y, srow_z: the rows of the sform affine. */
  srow: [number[], number[], number[]];
  /** "n+1" / "n+2" (one file) or "ni1" / "ni2" (a .hdr/.img pair). */
  magic: string;
}

export const NIFTI1_HEADER_BYTES = 348;
export const NIFTI2_HEADER_BYTES = 540;

/** The header size `bytes` announce (348 or 540) and its byte order, or undefined when neither. */
export function niftiHeaderKind(bytes: Uint8Array): { version: 1 | 2; littleEndian: boolean } | undefined {
  if (bytes.length < 4) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 4);
  for (const littleEndian of [true, false]) {
    const size = view.getInt32(0, littleEndian);
    if (size === NIFTI1_HEADER_BYTES) return { version: 1, littleEndian };
    if (size === NIFTI2_HEADER_BYTES) return { version: 2, littleEndian };
  }
  return undefined;
}

export function parseNiftiHeader(bytes: Uint8Array): NiftiHeader {
  const kind = niftiHeaderKind(bytes);
  if (!kind) throw new LabelVolumeError('nifti.sizeof_hdr', 'is neither 348 (NIfTI-1) nor 540 (NIfTI-2) in either byte order: not a NIfTI file');
  const length = kind.version === 1 ? NIFTI1_HEADER_BYTES : NIFTI2_HEADER_BYTES;
  if (bytes.length < length) throw new LabelVolumeError('nifti.sizeof_hdr', `the file ends after ${bytes.length} bytes, inside its ${length}-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, length);
  const le = kind.littleEndian;
  const text = (at: number, n: number): string => String.fromCharCode(...bytes.subarray(at, at + n)).replace(/\0[\s\S]*$/, '');
  if (kind.version === 1) {
    const f32 = (at: number): number => view.getFloat32(at, le);
    const i16 = (at: number): number => view.getInt16(at, le);
    return {
      version: 1,
      littleEndian: le,
      dim: Array.from({ length: 8 }, (_, n) => i16(40 + 2 * n)),
      datatype: i16(70),
      pixdim: Array.from({ length: 8 }, (_, n) => f32(76 + 4 * n)),
      voxOffset: f32(108),
      sclSlope: f32(112),
      sclInter: f32(116),
      qformCode: i16(252),
      sformCode: i16(254),
      quatern: [f32(256), f32(260), f32(264)],
      qoffset: [f32(268), f32(272), f32(276)],
      srow: [0, 1, 2].map((r) => [0, 1, 2, 3].map((c) => f32(280 + 16 * r + 4 * c))) as NiftiHeader['srow'],
      magic: text(344, 4),
    };
  }
  const f64 = (at: number): number => view.getFloat64(at, le);
  const i64 = (at: number, field: string): number => {
    const value = view.getBigInt64(at, le);
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) throw new LabelVolumeError(field, `${value} is beyond any file size`);
    return Number(value);
  };
  return {
    version: 2,
    littleEndian: le,
    dim: Array.from({ length: 8 }, (_, n) => i64(16 + 8 * n, `nifti.dim[${n}]`)),
    datatype: view.getInt16(12, le),
    pixdim: Array.from({ length: 8 }, (_, n) => f64(104 + 8 * n)),
    voxOffset: i64(168, 'nifti.vox_offset'),
    sclSlope: f64(176),
    sclInter: f64(184),
    qformCode: view.getInt32(344, le),
    sformCode: view.getInt32(348, le),
    quatern: [f64(352), f64(360), f64(368)],
    qoffset: [f64(376), f64(384), f64(392)],
    srow: [0, 1, 2].map((r) => [0, 1, 2, 3].map((c) => f64(400 + 32 * r + 8 * c))) as NiftiHeader['srow'],
    magic: text(4, 4),
  };
}
