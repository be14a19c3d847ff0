/**
 * The SEG writer's input from META and the label volumes placed on the source series: segment n
 * is META's segments[n − 1]; every non-zero label value of every volume must be described (none
 * is dropped), a described value without voxels is an empty segment. What META gets wrong is a
 * UsageError naming the META field; the writer's own checks name the DICOM attribute.
 */
import type { BinarySegInput, LabelArray, SegmentMask, SourceImage } from '@segqc/core';
// The modules themselves, not @segqc/core's index: loading all of core would cost every segqc
// process about 0.1 s at start (issue 16).
import { DicomValueError } from '@segqc/core/dist/dicom/DicomValueError';
import { randomUid } from '@segqc/core/dist/dicom/uid';
import { checkDate, checkPersonName, checkTime } from '@segqc/core/dist/dicom/vrChecks';
import { SegmentDescription } from '@segqc/core/dist/seg/SegmentDescription';
import { defaultSegmentColor } from '@segqc/core/dist/seg/segmentPalette';
import { SopReference } from '@segqc/core/dist/seg/SopReference';
import { UsageError } from '../usageError';
import type { SegMeta } from './segMeta';

export interface VolumeOnSource {
  name: string;
  /** Each layer in writer order (Rows × Columns × source images, slices in source image order). */
  layers: LabelArray[];
}

export interface SegRunContext {
  /** ContentDate/ContentTime when META gives none. */
  now: Date;
  /** The segqc version, written in SoftwareVersions. */
  softwareVersion: string;
}

/** A check of a META value, its DicomValueError turned into a UsageError at `field`. */
function metaField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof DicomValueError) throw new UsageError(`META ${field}: ${error.attributePath}: ${error.reason}`);
    throw error;
  }
}

/** The distinct non-zero values of `labels`, ascending. */
function labelValues(labels: LabelArray): number[] {
  const seen = new Set<number>();
  let last = 0;
  // Words of background, or of the value last seen (inside a structure), add nothing: skipped 32
  // bits at a time where the array is 4-byte aligned (fresh arrays are).
  const perWord = 4 / labels.BYTES_PER_ELEMENT;
  const wordShift = perWord >>> 1; // log2 of 1, 2, 4 samples per word
  const words = labels.byteOffset % 4 === 0 ? new Uint32Array(labels.buffer, labels.byteOffset, labels.length >>> wordShift) : new Uint32Array(0);
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    if (word === 0 || (perWord === 4 && word === Math.imul(last, 0x01010101) >>> 0)) continue;
    for (let v = w << wordShift, end = v + perWord; v < end; v++) {
      const x = labels[v];
      if (x !== 0 && x !== last) seen.add((last = x));
    }
  }
  for (let v = words.length << wordShift; v < labels.length; v++) {
    const x = labels[v];
    if (x !== 0 && x !== last) seen.add((last = x));
  }
  return [...seen].sort((a, b) => a - b);
}

const two = (n: number): string => String(n).padStart(2, '0');

export function segInputFromMeta(meta: SegMeta, volumes: readonly VolumeOnSource[], sourceImages: readonly SourceImage[], context: SegRunContext): BinarySegInput {
  const described = new Map<string, number>();
  const frames: SegmentMask[] = meta.segments.map((segment, n) => {
    const volume = segment.volume ?? 0;
    const layer = segment.layer ?? 0;
    if (volume >= volumes.length) {
      throw new UsageError(`META segments[${n}].volume: is ${volume}, but ${volumes.length === 1 ? 'one VOLUME was' : `${volumes.length} VOLUMEs were`} given (0-based)`);
    }
    if (layer >= volumes[volume].layers.length) {
      throw new UsageError(`META segments[${n}].layer: is ${layer}, but ${volumes[volume].name} has ${volumes[volume].layers.length} layer(s) (0-based)`);
    }
    const key = `${volume}/${layer}/${segment.labelValue}`;
    if (described.has(key)) {
      throw new UsageError(`META segments[${n}]: describes label ${segment.labelValue} of ${volumes[volume].name}${layer ? ` layer ${layer}` : ''} again (segments[${described.get(key)}] already does)`);
    }
    described.set(key, n);
    return { segmentNumber: n + 1, mask: volumes[volume].layers[layer], label: segment.labelValue };
  });
  volumes.forEach((volume, v) =>
    volume.layers.forEach((layer, l) => {
      const missing = labelValues(layer).filter((value) => !described.has(`${v}/${l}/${value}`));
      if (missing.length > 0) {
        const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? ` … (${missing.length} values)` : '');
        throw new UsageError(`META segments: ${volume.name}${volume.layers.length > 1 ? ` layer ${l}` : ''} has label value(s) ${shown} that no segment describes; describe every label (segqc drops none)`);
      }
    }),
  );

  const segments = meta.segments.map((segment, n) =>
    metaField(`segments[${n}]`, () => new SegmentDescription({
      segmentNumber: n + 1,
      label: segment.label,
      ...(segment.description !== undefined ? { description: segment.description } : {}),
      category: segment.category,
      type: segment.type,
      ...(segment.typeModifier ? { typeModifier: segment.typeModifier } : {}),
      ...(segment.anatomicRegion ? { anatomicRegion: segment.anatomicRegion } : {}),
      ...(segment.anatomicRegionModifier ? { anatomicRegionModifier: segment.anatomicRegionModifier } : {}),
      algorithmType: segment.algorithmType,
      ...(segment.algorithmName !== undefined ? { algorithmName: segment.algorithmName } : {}),
      color: segment.color ?? defaultSegmentColor(n + 1),
      ...(segment.trackingId !== undefined ? { trackingId: segment.trackingId, trackingUid: segment.trackingUid! } : {}),
    }, `SegmentSequence[${n}]`)),
  );

  const { now } = context;
  const contentDate = meta.contentDate ?? `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  const contentTime = meta.contentTime ?? `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  metaField('contentDate', () => checkDate(contentDate, 'ContentDate'));
  metaField('contentTime', () => checkTime(contentTime, 'ContentTime'));
  metaField('creator.name', () => checkPersonName(meta.creator.name, 'ContentCreatorName'));
  const sop = meta.sop && metaField('sop', () => new SopReference(meta.sop!));

  return {
    sourceImages,
    segments,
    frames,
    creator: { name: meta.creator.name, login: meta.creator.login, institutionName: meta.creator.institution },
    contentLabel: meta.contentLabel ?? 'ANNOTATION',
    ...(meta.contentDescription !== undefined ? { contentDescription: meta.contentDescription } : {}),
    contentDate,
    contentTime,
    seriesInstanceUID: meta.seriesInstanceUid ?? randomUid(),
    sopInstanceUID: meta.sopInstanceUid ?? randomUid(),
    seriesNumber: meta.seriesNumber ?? 300,
    seriesDescription: meta.seriesDescription ?? 'Segmentation',
    ...(meta.instanceNumber !== undefined ? { instanceNumber: meta.instanceNumber } : {}),
    equipment: { manufacturerModelName: 'segqc command line', softwareVersions: context.softwareVersion, deviceSerialNumber: 'segqc-cli' },
    ...(sop ? { sop } : {}),
  };
}
