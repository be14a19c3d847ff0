/**
 * The masks of the label values met so far, created on first sight of a value: how a label volume
 * becomes masks in one pass over its samples. Refuses, with a LabelVolumeError, a value beyond the
 * distinct-value limit or a mask beyond the memory budget, before allocating it.
 */
import { BitMask } from '../BitMask';
import type { VoxelGrid } from '../VoxelGrid';
import type { LabelArray } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';
import { DEFAULT_MAX_LABEL_VALUES, DEFAULT_MAX_MASK_BYTES, type ReadLabelMasksOptions } from './readLabelMasksOptions';

export class LabelMaskSet {
  private readonly layers: Map<number, BitMask>[];
  private readonly maxLabelValues: number;
  private readonly maxMasks: number;
  private maskCount = 0;

  constructor(
    readonly grid: VoxelGrid,
    layerCount: number,
    options: ReadLabelMasksOptions = {},
  ) {
    this.layers = Array.from({ length: layerCount }, () => new Map<number, BitMask>());
    this.maxLabelValues = options.maxLabelValues ?? DEFAULT_MAX_LABEL_VALUES;
    const maskBytes = Math.ceil((grid.columns * grid.rows * grid.slices) / 32) * 4;
    this.maxMasks = Math.floor((options.maxMaskBytes ?? DEFAULT_MAX_MASK_BYTES) / maskBytes);
  }

  /** The words of `value`'s mask in `layer`, created empty when the value is new. */
  wordsOf(layer: number, value: number): Uint32Array {
    const masks = this.layers[layer];
    const mask = masks.get(value);
    if (mask !== undefined) return mask.words;
    if (masks.size >= this.maxLabelValues) {
      throw new LabelVolumeError(`layers[${layer}]`, `more than ${this.maxLabelValues} distinct label values: not a label map?`);
    }
    if (this.maskCount >= this.maxMasks) {
      throw new LabelVolumeError(`layers[${layer}]`, `label value ${value} would be mask ${this.maskCount + 1}; only ${this.maxMasks} masks of this grid fit the memory limit`);
    }
    const created = new BitMask(this.grid);
    masks.set(value, created);
    this.maskCount++;
    return created.words;
  }

  /**
   * Sets voxel `firstVoxel + n` in the mask of `labels[n]`'s value, for every non-zero `labels[n]`.
   * Most samples are background: from the first 4-byte boundary on they are skipped 32 bits at a
   * time (4 uint8 samples, 2 of 16 bits); runs of one value reuse the last mask.
   */
  addRun(layer: number, labels: LabelArray, firstVoxel: number): void {
    const size = labels.BYTES_PER_ELEMENT;
    const perWord = 4 / size;
    const wordShift = perWord >>> 1; // log2 of 1, 2, 4 samples per word
    // Samples before the boundary (a typed array is aligned to its own sample size, so it reaches one).
    const misalignment = labels.byteOffset % 4;
    const head = misalignment === 0 ? 0 : Math.min(labels.length, (4 - misalignment) / size);
    const wordCount = Math.floor((labels.length - head) / perWord);
    const background = wordCount > 0 ? new Uint32Array(labels.buffer, labels.byteOffset + head * size, wordCount) : new Uint32Array(0);
    const wordsEnd = head + background.length * perWord;
    let lastValue = 0;
    let words: Uint32Array | undefined;
    for (let n = 0; n < labels.length; ) {
      let end: number;
      if (n >= head && n < wordsEnd) {
        const word = background[(n - head) >>> wordShift];
        if (word === 0) {
          n += perWord;
          continue;
        }
        // Inside a structure: four uint8 samples of the value last seen, four bits at once.
        const v = firstVoxel + n;
        if (perWord === 4 && word === Math.imul(lastValue, 0x01010101) >>> 0 && (v & 31) <= 28) {
          words![v >>> 5] |= 15 << (v & 31);
          n += 4;
          continue;
        }
        end = n + perWord;
      } else end = n < head ? head : labels.length;
      for (; n < end; n++) {
        const x = labels[n];
        if (x === 0) continue;
        if (x !== lastValue) {
          lastValue = x;
          words = this.wordsOf(layer, x);
        }
        const v = firstVoxel + n;
        words![v >>> 5] |= 1 << (v & 31);
      }
    }
  }

  /**
   * The same for samples of every layer interleaved, layer varying fastest (Slicer's list axis
   * first): `labels[n]` is voxel `firstVoxel + ⌊n / layers⌋` of layer `n mod layers`.
   */
  addInterleaved(labels: LabelArray, firstVoxel: number): void {
    const layerCount = this.layers.length;
    for (let n = 0, v = firstVoxel; n < labels.length; v++) {
      for (let layer = 0; layer < layerCount; layer++, n++) {
        const x = labels[n];
        if (x !== 0) this.wordsOf(layer, x)[v >>> 5] |= 1 << (v & 31);
      }
    }
  }

  /** Per layer, value → mask, values ascending. */
  masks(): Map<number, BitMask>[] {
    return this.layers.map((masks) => new Map([...masks].sort(([x], [y]) => x - y)));
  }
}
