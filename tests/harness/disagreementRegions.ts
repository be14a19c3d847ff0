// The tests' own account of where two masks disagree: 26-connected regions of A xor B found by a
// plain flood fill, independent of the engine's run-based discrepancyMap it checks.

interface MaskLike {
  get(index: number): boolean;
}

export interface DisagreementRegion {
  voxels: number;
  /** The slice holding most of the region's voxels (the lowest on a tie). */
  largestSlice: number;
  box: { iMin: number; iMax: number; jMin: number; jMax: number; kMin: number; kMax: number };
}

/** Every region where `a` and `b` disagree on a columns × rows × slices grid, largest first. */
export function disagreementRegions(a: MaskLike, b: MaskLike, columns: number, rows: number, slices: number): DisagreementRegion[] {
  const voxels = columns * rows * slices;
  const seen = new Uint8Array(voxels);
  const regions: DisagreementRegion[] = [];
  const stack: number[] = [];
  for (let seed = 0; seed < voxels; seed++) {
    if (seen[seed] !== 0 || a.get(seed) === b.get(seed)) continue;
    const perSlice = new Array<number>(slices).fill(0);
    const box = { iMin: Infinity, iMax: -1, jMin: Infinity, jMax: -1, kMin: Infinity, kMax: -1 };
    seen[seed] = 1;
    stack.push(seed);
    let size = 0;
    while (stack.length > 0) {
      const v = stack.pop()!;
      size++;
      const i = v % columns, j = Math.floor(v / columns) % rows, k = Math.floor(v / (columns * rows));
      perSlice[k]++;
      box.iMin = Math.min(box.iMin, i); box.iMax = Math.max(box.iMax, i);
      box.jMin = Math.min(box.jMin, j); box.jMax = Math.max(box.jMax, j);
      box.kMin = Math.min(box.kMin, k); box.kMax = Math.max(box.kMax, k);
      for (let dk = -1; dk <= 1; dk++) for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) {
        const [x, y, z] = [i + di, j + dj, k + dk];
        if (x < 0 || y < 0 || z < 0 || x >= columns || y >= rows || z >= slices) continue;
        const n = x + columns * (y + rows * z);
        if (seen[n] === 0 && a.get(n) !== b.get(n)) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    regions.push({ voxels: size, largestSlice: perSlice.indexOf(Math.max(...perSlice)), box });
  }
  return regions.sort((p, q) => q.voxels - p.voxels);
}
