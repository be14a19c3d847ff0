import type { ConnectedComponents } from './connectedComponents';

/** Voxels shared by lesion `a` (a component of A) and lesion `b` (of B). */
export interface LesionOverlap {
  a: number;
  b: number;
  voxels: number;
}

/**
 * Every overlapping pair of components of two masks on one grid, with its overlap in voxels, in
 * order of (a, b). One merge over both run lists, row by row: no voxel is visited.
 */
export function lesionOverlaps(a: ConnectedComponents, b: ConnectedComponents): LesionOverlap[] {
  const ra = a.runs;
  const rb = b.runs;
  const overlap = new Map<number, number>();
  let p = 0;
  let q = 0;
  while (p < ra.length && q < rb.length) {
    if (ra.row[p] < rb.row[q]) p++;
    else if (rb.row[q] < ra.row[p]) q++;
    else if (ra.end[p] < rb.start[q]) p++;
    else if (rb.end[q] < ra.start[p]) q++;
    else {
      const shared = Math.min(ra.end[p], rb.end[q]) - Math.max(ra.start[p], rb.start[q]) + 1;
      const key = a.runComponent[p] * b.count + b.runComponent[q];
      overlap.set(key, (overlap.get(key) ?? 0) + shared);
      if (ra.end[p] < rb.end[q]) p++;
      else q++;
    }
  }
  return [...overlap.entries()]
    .map(([key, voxels]) => ({ a: Math.floor(key / b.count), b: key % b.count, voxels }))
    .sort((x, y) => x.a - y.a || x.b - y.b);
}
