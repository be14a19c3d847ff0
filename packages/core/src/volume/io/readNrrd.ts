/**
 * NRRD label volumes (NRRD0001–0005) as dcmqi, ITK, pynrrd and 3D Slicer write them: `type`
 * (8/16/32/64-bit integers; float/double holding integers), `dimension` 3, or 4 with one
 * non-spatial axis (`space directions: none …`, or a `list` kind): of size 1, or Slicer's
 * `.seg.nrrd` layers of overlapping segments; `sizes`; `space` (LPS, RAS or LAS, converted to
 * LPS) with `space directions` and `space origin`, or else `spacings`; `encoding` raw, gzip or
 * ascii; `endian`; `byte skip`, `line skip`. Axis 0 varies fastest and is VoxelGrid's i (columns),
 * axis 1 is j (rows), axis 2 is k (slices); origin is the centre of the first voxel.
 */
import { asciiNrrdSamples } from './asciiNrrdSamples';
import { decodeSamples } from './decodeSamples';
import type { LabelArray, LabelVolume } from './LabelVolume';
import { isAsciiEncoding, nrrdDataBytes, nrrdEncoding, nrrdLineSkipStart } from './nrrdDataBytes';
import { readNrrdLayout, type NrrdLayout } from './nrrdLayout';
import type { ReadLabelVolumeOptions } from './readLabelVolumeOptions';
import { reverseSlices } from './reverseSlices';

/** Reads a NRRD file with attached data into a label volume on an LPS grid. */
export function readNrrd(bytes: Uint8Array, options: ReadLabelVolumeOptions = {}): LabelVolume {
  const layout = readNrrdLayout(bytes, options);
  const samples = readSamples(bytes, layout);
  const layers = splitLayers(samples, layout.sizes, layout.layerAxis);
  const volumeGrid = layout.leftHanded ? reverseSlices(layout.fileGrid, layers) : layout.fileGrid;
  const volume: LabelVolume = { grid: volumeGrid, labels: layers[0] };
  if (layers.length > 1) volume.layers = layers;
  if (layout.segments) volume.segments = layout.segments;
  return volume;
}

/** The decoded samples of the attached data, in file order. */
function readSamples(bytes: Uint8Array, layout: NrrdLayout): LabelArray {
  const count = layout.voxels * layout.layerCount;
  if (isAsciiEncoding(nrrdEncoding(layout))) return asciiNrrdSamples(bytes, nrrdLineSkipStart(bytes, layout), count, layout.type);
  const data = nrrdDataBytes(bytes, layout);
  return decodeSamples(data.bytes, data.offset, count, layout.type, { littleEndian: data.littleEndian, field: 'nrrd.type', owned: data.owned });
}

/**
 * Per-layer label arrays in VoxelGrid order. With no layer axis (or one of size 1) the samples
 * already are that order; a last layer axis gives contiguous layers; otherwise (Slicer's `list`
 * axis first, layer varying fastest) the layers are de-interleaved.
 */
function splitLayers(samples: LabelArray, sizes: number[], layerAxis: number | undefined): LabelArray[] {
  if (layerAxis === undefined || sizes[layerAxis] === 1) return [samples];
  const layerCount = sizes[layerAxis];
  const voxels = samples.length / layerCount;
  if (layerAxis === 3) return Array.from({ length: layerCount }, (_, l) => samples.subarray(l * voxels, (l + 1) * voxels));
  // Stride of each file axis, and of the spatial axes in order.
  const strides = [1, sizes[0], sizes[0] * sizes[1], sizes[0] * sizes[1] * sizes[2]];
  const spatial = [0, 1, 2, 3].filter((a) => a !== layerAxis);
  const [s0, s1, s2] = spatial.map((a) => strides[a]);
  const [n0, n1, n2] = spatial.map((a) => sizes[a]);
  const layerStride = strides[layerAxis];
  const Array_ = samples.constructor as new (length: number) => LabelArray;
  return Array.from({ length: layerCount }, (_, l) => {
    const layer = new Array_(voxels);
    let v = 0;
    for (let k = 0; k < n2; k++)
      for (let j = 0; j < n1; j++) {
        let from = l * layerStride + j * s1 + k * s2;
        for (let i = 0; i < n0; i++, from += s0) layer[v++] = samples[from];
      }
    return layer;
  });
}
