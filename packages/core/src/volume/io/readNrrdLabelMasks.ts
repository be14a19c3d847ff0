/**
 * A NRRD label volume straight into the masks of its label values, in one pass over the samples:
 * raw data is decoded where it lies in the file, gzip data where it was decompressed, one slice at
 * a time, each non-zero sample setting one bit. No label array of the whole volume is made (see
 * readNrrd for the fields read; the result holds the same voxels as readNrrd's volume through
 * labelMasksFromVolume). Text (ascii) samples, and layers along a middle axis, go through readNrrd.
 */
import { decodeSamples } from './decodeSamples';
import type { LabelMasks } from './LabelMasks';
import { labelMasksFromVolume } from './labelMasksFromVolume';
import { LabelMaskSet } from './LabelMaskSet';
import { isAsciiEncoding, nrrdDataBytes, nrrdEncoding } from './nrrdDataBytes';
import { readNrrdLayout } from './nrrdLayout';
import { readNrrd } from './readNrrd';
import type { ReadLabelMasksOptions } from './readLabelMasksOptions';
import { gridWithSlicesReversed } from './reverseSlices';
import { SAMPLE_BYTES } from './sampleTypes';

export function readNrrdLabelMasks(bytes: Uint8Array, options: ReadLabelMasksOptions = {}): LabelMasks {
  const layout = readNrrdLayout(bytes, options);
  const { layerAxis, layerCount, type } = layout;
  if (isAsciiEncoding(nrrdEncoding(layout)) || (layerAxis !== undefined && layerAxis !== 0 && layerAxis !== 3)) {
    return labelMasksFromVolume(readNrrd(bytes, options), options);
  }
  const data = nrrdDataBytes(bytes, layout);
  const grid = layout.leftHanded ? gridWithSlicesReversed(layout.fileGrid) : layout.fileGrid;
  const set = new LabelMaskSet(grid, layerCount, options);
  const sliceVoxels = grid.columns * grid.rows;
  // A chunk is one slice of one layer, or of every layer when they are interleaved (list axis first).
  const interleaved = layerAxis === 0;
  const chunkSamples = interleaved ? sliceVoxels * layerCount : sliceVoxels;
  const chunks = interleaved ? grid.slices : grid.slices * layerCount;
  const sampleBytes = SAMPLE_BYTES[type];
  const decode = { littleEndian: data.littleEndian, field: 'nrrd.type', owned: data.owned };
  for (let c = 0; c < chunks; c++) {
    const offset = data.offset + c * chunkSamples * sampleBytes;
    const samples = type === 'uint8'
      ? data.bytes.subarray(offset, offset + chunkSamples)
      : decodeSamples(data.bytes, offset, chunkSamples, type, { ...decode, firstSample: c * chunkSamples });
    const fileSlice = c % grid.slices;
    const slice = layout.leftHanded ? grid.slices - 1 - fileSlice : fileSlice;
    if (interleaved) set.addInterleaved(samples, slice * sliceVoxels);
    else set.addRun(Math.floor(c / grid.slices), samples, slice * sliceVoxels);
  }
  const masks: LabelMasks = { grid, layers: set.masks() };
  if (layout.segments) masks.segments = layout.segments;
  return masks;
}
