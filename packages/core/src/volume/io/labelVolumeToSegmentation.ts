/**
 * A label volume (or its masks, as readLabelMasks reads them) as a Segmentation: one
 * SegmentVolume (a BitMask on the volume's grid) per structure. A structure is a non-zero label
 * value of a layer; its name and codes come from
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
import type { LabelMasks } from './LabelMasks';
import { labelMasksFromVolume } from './labelMasksFromVolume';
import type { LabelVolume } from './LabelVolume';
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
  return segmentationFromLabelMasks(labelMasksFromVolume(volume, { maxLabelValues: options.maxSegments }), options);
}

export function segmentationFromLabelMasks(volume: LabelMasks, options: Omit<SegmentationFromLabelVolumeOptions, 'maxSegments'> = {}): Segmentation {
  const { layers } = volume;
  const present = layers.map((masks) => [...masks.keys()]);
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

  const segments = structures.map((structure): SegmentVolume => {
    const definition = { ...structure.definition, ...options.labels?.[structure.number] };
    const mask = layers[structure.layer]?.get(structure.value) ?? new BitMask(volume.grid);
    const segment: SegmentVolume = { number: structure.number, label: definition.label, mask };
    if (definition.category) segment.category = definition.category;
    if (definition.type) segment.type = definition.type;
    if (definition.typeModifier) segment.typeModifier = definition.typeModifier;
    return segment;
  });
  return { grid: volume.grid, segments, source: { ...options.source } };
}
