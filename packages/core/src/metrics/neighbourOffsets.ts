const { floor, sqrt, cbrt, max, PI } = Math;

/**
 * Voxel offsets (di, dj, dk) within `radiusMm` of a voxel, nearest first, with their exact
 * anisotropic length. Probing a surface bitset in this order finds the nearest surface voxel at
 * the first hit, exactly: every offset no longer than the hit's was probed before it.
 */
export interface NeighbourOffsets {
  di: Int32Array;
  dj: Int32Array;
  dk: Int32Array;
  /** √(di²·sx² + dj²·sy² + dk²·sz²), ascending. */
  distanceMm: Float64Array;
  radiusMm: number;
  /** Largest |di|, |dj|, |dk| used (at least 1): the margin a layout needs for bounds-free probing. */
  reach: [number, number, number];
}

/**
 * The offsets of a ball holding about `targetCount` voxels (default 1000: ~5 mm at 0.7×0.7×1.25).
 * Surfaces that agree within a few voxels resolve in tens of probes; a voxel with no surface
 * of the other mask in the ball costs `targetCount` probes and then goes to the exact k-d tree.
 */
export function neighbourOffsets(spacing: readonly [number, number, number], targetCount = 1000): NeighbourOffsets {
  const [sx, sy, sz] = spacing;
  const voxelsToRadius = (voxels: number) => cbrt((3 * voxels * sx * sy * sz) / (4 * PI));
  // At least the largest spacing, so that every face neighbour is probed (thick slices), unless
  // that would make the ball more than 8× larger (extreme anisotropy).
  const target = max(targetCount, 1);
  const radiusMm = max(voxelsToRadius(target), Math.min(max(sx, sy, sz), voxelsToRadius(8 * target)));
  const r2 = radiusMm * radiusMm;
  const nx = floor(radiusMm / sx);
  const ny = floor(radiusMm / sy);
  const nz = floor(radiusMm / sz);
  const found: { di: number; dj: number; dk: number; d2: number }[] = [];
  for (let dk = -nz; dk <= nz; dk++)
    for (let dj = -ny; dj <= ny; dj++)
      for (let di = -nx; di <= nx; di++) {
        // The same expression as the k-d tree's, so both paths give bit-identical distances.
        const d2 = di * sx * (di * sx) + dj * sy * (dj * sy) + dk * sz * (dk * sz);
        if (d2 <= r2) found.push({ di, dj, dk, d2 });
      }
  found.sort((p, q) => p.d2 - q.d2);
  const n = found.length;
  const out: NeighbourOffsets = {
    di: new Int32Array(n), dj: new Int32Array(n), dk: new Int32Array(n), distanceMm: new Float64Array(n),
    radiusMm, reach: [max(1, nx), max(1, ny), max(1, nz)],
  };
  found.forEach((p, e) => {
    out.di[e] = p.di;
    out.dj[e] = p.dj;
    out.dk[e] = p.dk;
    out.distanceMm[e] = sqrt(p.d2);
  });
  return out;
}
