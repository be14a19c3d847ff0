/**
 * A label volume as a Segmentation: one SegmentVolume (a BitMask on the volume's grid) per
 * structure. A structure is a non-zero label value of a layer; its name and codes come from
 * `options.labels` (a legend, keyed by segment number), else from the file (Slicer's segment
 * descriptions), else the label is "Label N" with no codes. Segment numbers are the label values
 * of a single-layer volume; a multi-layer (Slicer) volume numbers its described segments 1, 2, …
 * in file order, since label values repeat across layers. A segment that the legend or the file
 * describes but that has no voxels is kept, empty: an annotator who drew nothing for a structure
 * must still be compared (and score 0), not silently skipped.
 */
import type { CodeInit } from '../../dicom/CodedConcept';
import { BitMask } from '../BitMask';
import type { Segmentation, SegmentVolume } from '../Segmentation';
import { voxelCount } from '../VoxelGrid';
import type { LabelArray, LabelVolume } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';

export interface LabelDefinition {
  label: string;
  category?: CodeInit;
  type?: CodeInit;
  typeModifier?: CodeInit;
}

export interface SegmentationFromLabelVolumeOptions {
  /** Names and codes per segment number (the label value, for a single-layer volume). */
  labels?: Record<number, LabelDefinition>;
  source?: Segmentation['source'];
  /** Most distinct label values accepted (default 1024): an image read as labels is refused before one mask per grey value is allocated. */
  maxSegments?: number;
}

interface Structure {
  number: number;
  layer: number;
  value: number;
  definition: LabelDefinition;
}

export function segmentationFromLabelVolume(volume: LabelVolume, options: SegmentationFromLabelVolumeOptions = {}): Segmentation {
  const layers = volume.layers ?? [volume.labels];
  const expected = voxelCount(volume.grid);
  layers.forEach((layer, l) => {
    if (layer.length !== expected) throw new LabelVolumeError(`layers[${l}]`, `${layer.length} labels for a grid of ${expected} voxels`);
  });
  const maxSegments = options.maxSegments ?? 1024;
  const present = layers.map((layer, l) => {
    const values = distinctValues(layer, maxSegments);
    if (values.length > maxSegments) throw new LabelVolumeError(`layers[${l}]`, `more than ${maxSegments} distinct label values: not a label map?`);
    return values;
  });

  const single = layers.length === 1;
  const structures: Structure[] = [];
  const described = new Set<string>();
  volume.segments?.forEach((segment, n) => {
    const number = single ? segment.labelValue : n + 1;
    const { name, category, type, typeModifier } = segment;
    if (described.has(`${segment.layer}/${segment.labelValue}`)) {
      throw new LabelVolumeError(`segments[${n}]`, `layer ${segment.layer} label ${segment.labelValue} is described twice`);
    }
    structures.push({ number, layer: segment.layer, value: segment.labelValue, definition: { label: name, category, type, typeModifier } });
    described.add(`${segment.layer}/${segment.labelValue}`);
  });
  let nextNumber = structures.reduce((max, s) => Math.max(max, s.number), 0) + 1;
  present.forEach((values, layer) => {
    for (const value of values) {
      if (described.has(`${layer}/${value}`)) continue;
      const number = single ? value : nextNumber++;
      structures.push({ number, layer, value, definition: { label: single ? `Label ${value}` : `Layer ${layer} label ${value}` } });
    }
  });
  if (single) {
    // Legend entries for values with no voxels: empty segments (see above).
    const numbers = new Set(structures.map((s) => s.number));
    for (const key of Object.keys(options.labels ?? {})) {
      const value = Number(key);
      if (!Number.isSafeInteger(value) || value === 0) throw new LabelVolumeError(`labels[${key}]`, 'legend keys are non-zero integer label values');
      if (!numbers.has(value)) structures.push({ number: value, layer: 0, value, definition: { label: `Label ${value}` } });
    }
  }
  structures.sort((x, y) => x.number - y.number);

  const masks = buildMasks(volume, layers, structures);
  const segments = structures.map((structure, n): SegmentVolume => {
    const definition = { ...structure.definition, ...options.labels?.[structure.number] };
    const segment: SegmentVolume = { number: structure.number, label: definition.label, mask: masks[n] };
    if (definition.category) segment.category = definition.category;
    if (definition.type) segment.type = definition.type;
    if (definition.typeModifier) segment.typeModifier = definition.typeModifier;
    return segment;
  });
  return { grid: volume.grid, segments, source: { ...options.source } };
}

/** The distinct non-zero values of a layer, ascending; stops counting past `limit`. */
function distinctValues(labels: LabelArray, limit: number): number[] {
  const seen = new Set<number>();
  let last = 0;
  for (let v = 0; v < labels.length; v++) {
    const x = labels[v];
    if (x === 0 || x === last) continue;
    last = x;
    if (!seen.has(x)) {
      seen.add(x);
      if (seen.size > limit) break;
    }
  }
  return [...seen].sort((x, y) => x - y);
}

/** One pass per layer: each voxel sets one bit in the mask of its value (runs reuse the last mask). */
function buildMasks(volume: LabelVolume, layers: LabelArray[], structures: Structure[]): BitMask[] {
  const masks = structures.map(() => new BitMask(volume.grid));
  layers.forEach((labels, layer) => {
    const byValue = new Map<number, Uint32Array>();
    structures.forEach((s, n) => {
      if (s.layer === layer) byValue.set(s.value, masks[n].words);
    });
    let lastValue = 0;
    let words: Uint32Array | undefined;
    for (let v = 0; v < labels.length; v++) {
      const x = labels[v];
      if (x === 0) continue;
      if (x !== lastValue) {
        lastValue = x;
        words = byValue.get(x);
      }
      if (words !== undefined) words[v >>> 5] |= 1 << (v & 31);
    }
  });
  return masks;
}
