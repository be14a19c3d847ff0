/**
 * A minimal NIfTI-1/-2 writer for tests: the header fields a label volume uses at their nifti1.h /
 * nifti2.h offsets, then the samples. Gzip is left to the test (fixtures import no Node module).
 */
import { encodeSamples } from './nrrd.fixture';
import type { SampleType } from './sampleTypes';

export interface NiftiSpec {
  version?: 1 | 2;
  littleEndian?: boolean;
  /** Sizes of the dimensions used (dim[1..]); dim[0] is their count. */
  sizes: number[];
  datatype: number;
  sampleType: SampleType;
  pixdim?: number[]; // pixdim[0..3]
  voxOffset?: number;
  qformCode?: number;
  sformCode?: number;
  quatern?: [number, number, number];
  qoffset?: [number, number, number];
  srow?: [number[], number[], number[]];
  sclSlope?: number;
  sclInter?: number;
  magic?: string;
}

export function writeNifti(spec: NiftiSpec, values: ArrayLike<number>): Uint8Array {
  const version = spec.version ?? 1;
  const le = spec.littleEndian ?? true;
  const headerBytes = version === 1 ? 348 : 540;
  const voxOffset = spec.voxOffset ?? (version === 1 ? 352 : 544);
  const data = encodeSamples(values, spec.sampleType, le);
  const out = new Uint8Array(voxOffset + data.length);
  const view = new DataView(out.buffer);
  const dim = [spec.sizes.length, ...spec.sizes, ...new Array(7 - spec.sizes.length).fill(1)];
  const pixdim = [...(spec.pixdim ?? [1, 1, 1, 1]), 0, 0, 0, 0].slice(0, 8);
  const magic = spec.magic ?? (version === 1 ? 'n+1\0' : 'n+2\0\r\n\x1a\n');
  view.setInt32(0, headerBytes, le);
  if (version === 1) {
    dim.forEach((d, n) => view.setInt16(40 + 2 * n, d, le));
    view.setInt16(70, spec.datatype, le);
    view.setInt16(72, 8 * (data.length / Math.max(1, values.length)), le);
    pixdim.forEach((p, n) => view.setFloat32(76 + 4 * n, p, le));
    view.setFloat32(108, voxOffset, le);
    view.setFloat32(112, spec.sclSlope ?? 1, le);
    view.setFloat32(116, spec.sclInter ?? 0, le);
    view.setInt16(252, spec.qformCode ?? 0, le);
    view.setInt16(254, spec.sformCode ?? 0, le);
    (spec.quatern ?? [0, 0, 0]).forEach((q, n) => view.setFloat32(256 + 4 * n, q, le));
    (spec.qoffset ?? [0, 0, 0]).forEach((q, n) => view.setFloat32(268 + 4 * n, q, le));
    (spec.srow ?? [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]).forEach((row, r) => row.forEach((x, c) => view.setFloat32(280 + 16 * r + 4 * c, x, le)));
    [...magic].forEach((ch, n) => (out[344 + n] = ch.charCodeAt(0)));
  } else {
    [...magic].forEach((ch, n) => (out[4 + n] = ch.charCodeAt(0)));
    view.setInt16(12, spec.datatype, le);
    view.setInt16(14, 8 * (data.length / Math.max(1, values.length)), le);
    dim.forEach((d, n) => view.setBigInt64(16 + 8 * n, BigInt(d), le));
    pixdim.forEach((p, n) => view.setFloat64(104 + 8 * n, p, le));
    view.setBigInt64(168, BigInt(voxOffset), le);
    view.setFloat64(176, spec.sclSlope ?? 1, le);
    view.setFloat64(184, spec.sclInter ?? 0, le);
    view.setInt32(344, spec.qformCode ?? 0, le);
    view.setInt32(348, spec.sformCode ?? 0, le);
    (spec.quatern ?? [0, 0, 0]).forEach((q, n) => view.setFloat64(352 + 8 * n, q, le));
    (spec.qoffset ?? [0, 0, 0]).forEach((q, n) => view.setFloat64(376 + 8 * n, q, le));
    (spec.srow ?? [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]).forEach((row, r) => row.forEach((x, c) => view.setFloat64(400 + 32 * r + 8 * c, x, le)));
  }
  out.set(data, voxOffset);
  return out;
}
