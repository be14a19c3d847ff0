// plastimatch dice sees foreground only (any non-zero voxel); segqc compare reports each label. On
// label volumes where no voxel has one label in A and another in B, the foreground overlap is the
// sum of the per-label overlaps, so the two tools' figures can be checked against each other
// exactly: TP, |A|, |B| as voxel counts, and Dice.

export interface ForegroundOverlap {
  /** Voxels in both (plastimatch's TP). */
  both: number;
  a: number;
  b: number;
  dice: number;
}

interface CompareJsonSegment {
  dice: number;
  a: { voxels: number };
  b: { voxels: number };
}

/** From `segqc compare --json`: each label's overlap is Dice × (|A| + |B|) / 2, a whole number. */
export function overlapFromCompareJson(json: string): ForegroundOverlap {
  const { segments } = JSON.parse(json) as { segments: CompareJsonSegment[] };
  let both = 0;
  let a = 0;
  let b = 0;
  for (const segment of segments) {
    both += Math.round((segment.dice * (segment.a.voxels + segment.b.voxels)) / 2);
    a += segment.a.voxels;
    b += segment.b.voxels;
  }
  return { both, a, b, dice: (2 * both) / (a + b) };
}

/** From `plastimatch dice` output: `TP: n`, `FN: n`, `FP: n`, `DICE: x`. */
export function overlapFromPlastimatch(output: string): ForegroundOverlap {
  const value = (name: string): number => {
    const match = new RegExp(`^${name}:\\s*(\\S+)`, 'm').exec(output);
    if (!match) throw new Error(`plastimatch dice printed no ${name}: ${output.slice(0, 400)}`);
    return Number(match[1]);
  };
  const both = value('TP');
  return { both, a: both + value('FN'), b: both + value('FP'), dice: value('DICE') };
}

/** Voxels labelled in both volumes with different labels: 0 is the premise of the check. */
export function crossLabelledVoxels(a: Uint8Array, b: Uint8Array): number {
  let count = 0;
  for (let v = 0; v < a.length; v++) if (a[v] !== 0 && b[v] !== 0 && a[v] !== b[v]) count++;
  return count;
}
