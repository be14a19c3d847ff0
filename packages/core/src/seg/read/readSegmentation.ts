/**
 * Reads a DICOM Segmentation — BINARY, FRACTIONAL (PS3.3 A.51) or LABELMAP (A.51 with SOP class
 * 1.2.840.10008.5.1.4.1.1.66.7, Supplement 243), native or RLE Lossless, explicit or implicit VR
 * little endian — onto the voxel grid of its source series: one BitMask per segment.
 *
 * Frames are placed by their own ImagePositionPatient (see placeFramesOnGrid), so sparse frames,
 * frames in any order, several and overlapping segments all land where they belong (two frames of
 * one segment on one slice are OR-ed). The SEG's FrameOfReferenceUID must be the grid's when both
 * are known; a SEG without one is placed by position alone. Everything is
 * checked before anything is allocated: sizes against the Pixel Data present and against caps,
 * the frames' geometry against the grid, and the masks' total size against `maxOutputBytes`.
 *
 * Conventions: FRACTIONAL pixels are foreground when value ≥ fractionalThreshold ×
 * MaximumFractionalValue (default 0.5). In a LABELMAP, pixel value 0 and the PixelPaddingValue
 * are background; a segment numbered 0 (dcmqi writes one labelled "Background") is the background
 * and is not returned; a pixel value that no segment declares is a SegParseError.
 */
import type { SourceImage } from '../SourceImage';
import { BitMask } from '../../volume/BitMask';
import { GeometryMismatchError } from '../../volume/GeometryMismatchError';
import type { Segmentation, SegmentVolume } from '../../volume/Segmentation';
import { gridFromSourceImages } from '../../volume/sourceGrid';
import { voxelCount, type VoxelGrid } from '../../volume/VoxelGrid';
import { decodeRleFrame } from './decodeRleFrame';
import { encapsulatedFrames } from './encapsulatedFrames';
import { framePlanes } from './framePlanes';
import { BACKGROUND, labelFrameIntoMasks, UNDECLARED } from './labelFrame';
import { orBits } from './orBits';
import { placeFramesOnGrid } from './placeFramesOnGrid';
import { parseSeg, type ParsedSeg } from './readSegHeader';
import { SegParseError } from './SegParseError';
import { thresholdFrameIntoMask } from './thresholdFrame';

export interface ReadSegmentationOptions {
  /** FRACTIONAL: foreground when value ≥ this × MaximumFractionalValue; in (0, 1], default 0.5. */
  fractionalThreshold?: number;
  /** Refuse (SegParseError) a SEG whose masks and decode buffers would take more bytes; default 1 GiB. */
  maxOutputBytes?: number;
  /** With source images as target: accept whole missing slices (see gridFromSourceImages); default false. */
  allowGaps?: boolean;
}

export const DEFAULT_MAX_OUTPUT_BYTES = 2 ** 30;

const EXTENDED_OFFSET_TABLE_TAG = 0x7fe00001;

export function readSegmentation(segBytes: Uint8Array, target: readonly SourceImage[] | VoxelGrid, options: ReadSegmentationOptions = {}): Segmentation {
  const fractionalThreshold = options.fractionalThreshold ?? 0.5;
  if (!(fractionalThreshold > 0 && fractionalThreshold <= 1)) throw new RangeError(`options.fractionalThreshold must be in (0, 1], got ${fractionalThreshold}`);
  const maxOutputBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;

  const seg = parseSeg(segBytes);
  const { header } = seg;
  const grid = isGrid(target) ? target : gridFromSourceImages(target, { allowGaps: options.allowGaps === true }).grid;
  if (header.rows !== grid.rows || header.columns !== grid.columns) {
    throw new GeometryMismatchError('Rows', `SEG frames of ${header.rows}×${header.columns} pixels cannot lie on a grid of ${grid.rows}×${grid.columns}`);
  }
  if (header.frameOfReferenceUID !== undefined && grid.frameOfReferenceUID !== undefined && header.frameOfReferenceUID !== grid.frameOfReferenceUID) {
    throw new GeometryMismatchError('FrameOfReferenceUID', `${header.frameOfReferenceUID} is not the source's Frame of Reference ${grid.frameOfReferenceUID}: positions are not comparable`);
  }
  const planes = framePlanes(seg.dataset, header);
  const slices = placeFramesOnGrid(planes, grid);

  const labelMap = header.segmentationType === 'LABELMAP';
  const described = header.segments.filter((segment) => !(labelMap && segment.number === 0));
  const bytesPerPixel = header.bitsAllocated === 16 ? 2 : 1;
  const pixels = header.rows * header.columns;
  const maskBytes = Math.ceil(voxelCount(grid) / 32) * 4;
  const scratchBytes = seg.pixelData.encapsulated ? pixels * bytesPerPixel : 0;
  const needed = described.length * maskBytes + scratchBytes;
  if (needed > maxOutputBytes) {
    throw new SegParseError('SegmentSequence', `${described.length} segments on a ${grid.columns}×${grid.rows}×${grid.slices} grid need ${needed} bytes of masks, more than the ${maxOutputBytes} allowed (options.maxOutputBytes)`);
  }

  // Fragments are matched to frames (and the offset tables checked) before the masks exist.
  const frameBytes = frameReader(seg, pixels * bytesPerPixel, scratchBytes, bytesPerPixel);
  const masks = described.map(() => new BitMask(grid));
  const maskIndex = new Map(described.map((segment, n) => [segment.number, n]));

  if (header.segmentationType === 'BINARY') {
    const { bytes } = seg.file;
    const stream = bytes.subarray(seg.pixelData.offset, seg.pixelData.offset + seg.pixelData.length);
    slices.forEach((slice, f) => orBits(stream, f * pixels, masks[maskIndex.get(planes[f].segmentNumber!)!].words, slice * pixels, pixels));
  } else if (header.segmentationType === 'FRACTIONAL') {
    const threshold = fractionalThreshold * header.maximumFractionalValue!;
    slices.forEach((slice, f) => {
      const { data, start } = frameBytes(f);
      thresholdFrameIntoMask(data, start, pixels, threshold, masks[maskIndex.get(planes[f].segmentNumber!)!].words, slice * pixels);
    });
  } else {
    const maskOfValue = labelLookup(header.pixelPaddingValue, maskIndex, bytesPerPixel);
    const words = masks.map((mask) => mask.words);
    slices.forEach((slice, f) => {
      const { data, start } = frameBytes(f);
      const undeclared = labelFrameIntoMasks(data, start, pixels, bytesPerPixel, maskOfValue, words, slice * pixels);
      if (undeclared >= 0) {
        const at = start + undeclared * bytesPerPixel;
        const value = bytesPerPixel === 1 ? data[at] : data[at] | (data[at + 1] << 8);
        throw new SegParseError('PixelData', `frame ${f + 1}, row ${Math.floor(undeclared / header.columns)}, column ${undeclared % header.columns} has label ${value}, which no item of SegmentSequence declares`);
      }
    });
  }

  const segments: SegmentVolume[] = described.map((segment, n) => ({
    number: segment.number,
    label: segment.label,
    ...(segment.category ? { category: segment.category } : {}),
    ...(segment.type ? { type: segment.type } : {}),
    ...(segment.typeModifier ? { typeModifier: segment.typeModifier } : {}),
    mask: masks[n],
  }));
  const source: Segmentation['source'] = { sopInstanceUID: header.sopInstanceUID, seriesInstanceUID: header.seriesInstanceUID };
  if (header.contentCreatorName !== undefined) source.creatorName = header.contentCreatorName;
  if (header.contentDate !== undefined) source.contentDate = header.contentDate;
  return { grid, segments, source };
}

function isGrid(target: readonly SourceImage[] | VoxelGrid): target is VoxelGrid {
  return !Array.isArray(target);
}

/** Frame f's pixels: a view of native Pixel Data, or frame f decoded from RLE into one reused buffer. */
function frameReader(seg: ParsedSeg, frameBytes: number, scratchBytes: number, bytesPerPixel: 1 | 2): (frame: number) => { data: Uint8Array; start: number } {
  const { bytes } = seg.file;
  if (!seg.pixelData.encapsulated) return (frame) => ({ data: bytes, start: seg.pixelData.offset + frame * frameBytes });
  const compressed = encapsulatedFrames(bytes, seg.pixelData, seg.header.numberOfFrames, seg.file.dataset.get(EXTENDED_OFFSET_TABLE_TAG));
  const scratch = new Uint8Array(scratchBytes);
  const pixels = seg.header.rows * seg.header.columns;
  return (frame) => {
    decodeRleFrame(compressed(frame), pixels, bytesPerPixel, scratch, `PixelData.frame[${frame + 1}]`);
    return { data: scratch, start: 0 };
  };
}

/** Pixel value → mask index, BACKGROUND (0 and the PixelPaddingValue) or UNDECLARED. */
function labelLookup(pixelPaddingValue: number | undefined, maskIndex: ReadonlyMap<number, number>, bytesPerPixel: 1 | 2): Int32Array {
  const maskOfValue = new Int32Array(bytesPerPixel === 1 ? 256 : 65536).fill(UNDECLARED);
  maskOfValue[0] = BACKGROUND;
  for (const [number, index] of maskIndex) maskOfValue[number] = index;
  if (pixelPaddingValue !== undefined && Number.isInteger(pixelPaddingValue) && pixelPaddingValue >= 0 && pixelPaddingValue < maskOfValue.length) {
    if (maskOfValue[pixelPaddingValue] >= 0) {
      throw new SegParseError('PixelPaddingValue', `${pixelPaddingValue} is also a SegmentNumber: a pixel with it would be both background and that segment`);
    }
    maskOfValue[pixelPaddingValue] = BACKGROUND;
  }
  return maskOfValue;
}
