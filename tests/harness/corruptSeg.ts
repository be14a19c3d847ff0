import { segCopy } from './segCopy';

/**
 * A copy of a SEG, under new UIDs and another creator, whose PixelData is cut to a few bytes: valid
 * metadata (the PACS stores it and the viewer lists it) over frames that cannot be decoded.
 */
export function segWithTruncatedPixelData(segBytes: Uint8Array, name: string) {
  return segCopy(segBytes, name, (dataset) => ({
    ...dataset,
    SeriesNumber: 399,
    SeriesDescription: 'Truncated SEG',
    ContentCreatorName: 'Broken^Writer',
    PixelData: [new Uint8Array((dataset.PixelData as ArrayBuffer[])[0]).slice(0, 16).buffer],
  }));
}
