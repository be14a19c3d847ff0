const { sqrt } = Math;

// Ranges this small are scanned: cheaper than descending further.
const LEAF_SIZE = 8;

/**
 * Exact nearest-point distances (mm) to a fixed set of voxels, with anisotropic spacing: an
 * implicit k-d tree (node = median of its range, split on the axis of widest extent in mm) whose
 * nodes keep the bounding box of their points. Pruning by that box, not only by the splitting
 * plane, keeps queries far outside the point set cheap (a surface 100 mm away would otherwise
 * visit every node below it). Used for surface voxels with no counterpart in the neighbour ball.
 */
export class NearestVoxel {
  private readonly x: Int32Array;
  private readonly y: Int32Array;
  private readonly z: Int32Array;
  private readonly axis: Uint8Array;
  /** Bounding box of node `mid`'s range, per axis: low[3·mid + a], high[3·mid + a]. */
  private readonly low: Int32Array;
  private readonly high: Int32Array;
  private readonly sx: number;
  private readonly sy: number;
  private readonly sz: number;
  // Query state, kept on the instance to spare a closure per query.
  private qx = 0;
  private qy = 0;
  private qz = 0;
  private best = Infinity;
  private hint = 0;

  /** Voxel coordinates of the points (copied and reordered) and the grid spacing in mm. */
  constructor(xs: Int32Array, ys: Int32Array, zs: Int32Array, spacing: readonly [number, number, number]) {
    const n = xs.length;
    [this.sx, this.sy, this.sz] = spacing;
    const order = new Int32Array(n);
    for (let p = 0; p < n; p++) order[p] = p;
    this.axis = new Uint8Array(n);
    this.low = new Int32Array(3 * n);
    this.high = new Int32Array(3 * n);
    this.build(order, [xs, ys, zs], 0, n);
    this.x = new Int32Array(n);
    this.y = new Int32Array(n);
    this.z = new Int32Array(n);
    for (let p = 0; p < n; p++) {
      this.x[p] = xs[order[p]];
      this.y[p] = ys[order[p]];
      this.z[p] = zs[order[p]];
    }
  }

  /**
   * Distance in mm from voxel (x, y, z) to the nearest point; Infinity when there are none. The
   * nearest point of the previous query seeds the search: queries come in raster order, so it is
   * close to the answer and prunes almost everything from the start.
   */
  distance(x: number, y: number, z: number): number {
    if (this.x.length === 0) return Infinity;
    this.qx = x;
    this.qy = y;
    this.qz = z;
    this.best = Infinity;
    this.consider(this.hint);
    this.search(0, this.x.length);
    return sqrt(this.best);
  }

  private consider(p: number): void {
    // Same expression as the neighbour offsets' (integer offset × spacing, squared): identical distances.
    const { sx, sy, sz } = this;
    const di = this.qx - this.x[p];
    const dj = this.qy - this.y[p];
    const dk = this.qz - this.z[p];
    const d2 = di * sx * (di * sx) + dj * sy * (dj * sy) + dk * sz * (dk * sz);
    if (d2 < this.best) {
      this.best = d2;
      this.hint = p;
    }
  }

  private build(order: Int32Array, coords: Int32Array[], lo: number, hi: number): void {
    while (hi - lo > LEAF_SIZE) {
      const mid = (lo + hi) >>> 1;
      const spacing = [this.sx, this.sy, this.sz];
      let axis = 0;
      let widest = -1;
      for (let a = 0; a < 3; a++) {
        const c = coords[a];
        let min = c[order[lo]];
        let max = min;
        for (let p = lo + 1; p < hi; p++) {
          const v = c[order[p]];
          if (v < min) min = v;
          else if (v > max) max = v;
        }
        this.low[3 * mid + a] = min;
        this.high[3 * mid + a] = max;
        if ((max - min) * spacing[a] > widest) {
          widest = (max - min) * spacing[a];
          axis = a;
        }
      }
      selectByCoordinate(order, coords[axis], lo, hi - 1, mid);
      this.axis[mid] = axis;
      this.build(order, coords, lo, mid);
      lo = mid + 1;
    }
  }

  /** Squared distance (mm²) from the query to the bounding box of node `mid`. */
  private boxDistance(mid: number): number {
    const b = 3 * mid;
    const gx = this.qx < this.low[b] ? this.low[b] - this.qx : this.qx > this.high[b] ? this.qx - this.high[b] : 0;
    const gy = this.qy < this.low[b + 1] ? this.low[b + 1] - this.qy : this.qy > this.high[b + 1] ? this.qy - this.high[b + 1] : 0;
    const gz = this.qz < this.low[b + 2] ? this.low[b + 2] - this.qz : this.qz > this.high[b + 2] ? this.qz - this.high[b + 2] : 0;
    return gx * this.sx * (gx * this.sx) + gy * this.sy * (gy * this.sy) + gz * this.sz * (gz * this.sz);
  }

  private search(lo: number, hi: number): void {
    if (hi - lo <= LEAF_SIZE) {
      for (let p = lo; p < hi; p++) this.consider(p);
      return;
    }
    const mid = (lo + hi) >>> 1;
    if (this.boxDistance(mid) >= this.best) return;
    this.consider(mid);
    const axis = this.axis[mid];
    const before = axis === 0 ? this.qx < this.x[mid] : axis === 1 ? this.qy < this.y[mid] : this.qz < this.z[mid];
    // The query's side first: it most likely holds the nearest point and shrinks `best` for the other.
    if (before) {
      this.search(lo, mid);
      this.search(mid + 1, hi);
    } else {
      this.search(mid + 1, hi);
      this.search(lo, mid);
    }
  }
}

/** Reorders order[lo..hi] so that order[k] holds the k-th smallest by key (Hoare quickselect). */
function selectByCoordinate(order: Int32Array, key: Int32Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const pivot = key[order[(lo + hi) >>> 1]];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (key[order[i]] < pivot) i++;
      while (key[order[j]] > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}
