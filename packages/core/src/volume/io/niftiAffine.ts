/**
 * The voxel → RAS (mm) affine of a NIfTI header, chosen as nibabel does (`get_best_affine`): the
 * sform when sform_code > 0, else the qform when qform_code > 0, else pixdim scaling alone
 * ("method 1", no orientation). A sform that is sheared (not a rotation times a scaling, which a
 * VoxelGrid cannot represent) gives way to the qform when there is one.
 */
import { LabelVolumeError } from './LabelVolumeError';
import type { NiftiHeader } from './niftiHeader';

/** Rows x, y, z of a 3 × 4 affine: [r0 r1 r2 offset]. */
export type Affine = [number[], number[], number[]];

export interface NiftiAffine {
  affine: Affine;
  from: 'sform' | 'qform' | 'pixdim';
}

const SHEAR_TOLERANCE = 1e-4;

export function niftiAffine(header: NiftiHeader): NiftiAffine {
  if (header.sformCode > 0 && (!isSheared(header.srow) || header.qformCode <= 0)) {
    return { affine: header.srow.map((row) => [...row]) as Affine, from: 'sform' };
  }
  if (header.qformCode > 0) return { affine: qformAffine(header), from: 'qform' };
  const [dx, dy, dz] = spacings(header);
  return {
    affine: [
      [dx, 0, 0, 0],
      [0, dy, 0, 0],
      [0, 0, dz, 0],
    ],
    from: 'pixdim',
  };
}

function spacings(header: NiftiHeader): [number, number, number] {
  return [1, 2, 3].map((n) => {
    const d = header.pixdim[n];
    if (!(d > 0) || !Number.isFinite(d)) throw new LabelVolumeError(`nifti.pixdim[${n}]`, `voxel size ${d} must be positive and finite`);
    return d;
  }) as [number, number, number];
}

/** Columns of the 3 × 3 part not mutually perpendicular. */
function isSheared(rows: Affine): boolean {
  const column = (c: number): number[] => rows.map((row) => row[c]);
  const unit = (v: number[]): number[] => {
    const n = Math.hypot(v[0], v[1], v[2]);
    return v.map((x) => x / n);
  };
  const [u, v, w] = [0, 1, 2].map((c) => unit(column(c)));
  const dot = (a: number[], b: number[]): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  return Math.abs(dot(u, v)) > SHEAR_TOLERANCE || Math.abs(dot(u, w)) > SHEAR_TOLERANCE || Math.abs(dot(v, w)) > SHEAR_TOLERANCE;
}

/** nifti1.h "method 2": rotation from the quaternion (b, c, d), voxel size, qfac, offset. */
function qformAffine(header: NiftiHeader): Affine {
  let [b, c, d] = header.quatern;
  let a = 1 - (b * b + c * c + d * d);
  if (a < 1e-7) {
    // A 180° rotation: a is 0 and (b, c, d) is renormalized (nifti1_io's nifti_quatern_to_mat44).
    const n = 1 / Math.sqrt(b * b + c * c + d * d);
    b *= n;
    c *= n;
    d *= n;
    a = 0;
  } else a = Math.sqrt(a);
  const [dx, dy, dzMagnitude] = spacings(header);
  const qfac = header.pixdim[0] < 0 ? -1 : 1; // 0 is read as 1, as nifti1_io does
  const dz = qfac * dzMagnitude;
  const [qx, qy, qz] = header.qoffset;
  return [
    [(a * a + b * b - c * c - d * d) * dx, 2 * (b * c - a * d) * dy, 2 * (b * d + a * c) * dz, qx],
    [2 * (b * c + a * d) * dx, (a * a + c * c - b * b - d * d) * dy, 2 * (c * d - a * b) * dz, qy],
    [2 * (b * d - a * c) * dx, 2 * (c * d + a * b) * dy, (a * a + d * d - c * c - b * b) * dz, qz],
  ];
}
