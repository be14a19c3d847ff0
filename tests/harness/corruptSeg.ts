import { readPart10, uidFromName, writePart10 } from '@segqc/core';

/**
 * A copy of a SEG, under new UIDs and another creator, whose PixelData is cut to a few bytes: valid
 * metadata (the PACS stores it and the viewer lists it) over frames that cannot be decoded.
 */
export function segWithTruncatedPixelData(segBytes: Uint8Array, name: string): { bytes: Uint8Array; seriesInstanceUID: string } {
  const { dataset } = readPart10(segBytes);
  const seriesInstanceUID = uidFromName(`segqc-test/${name}/series`);
  const pixelData = new Uint8Array((dataset.PixelData as ArrayBuffer[])[0]);
  Object.assign(dataset, {
    SOPInstanceUID: uidFromName(`segqc-test/${name}/sop`),
    SeriesInstanceUID: seriesInstanceUID,
    SeriesNumber: 399,
    SeriesDescription: 'Truncated SEG',
    ContentCreatorName: 'Broken^Writer',
    PixelData: [pixelData.slice(0, 16).buffer],
  });
  return { bytes: writePart10(dataset), seriesInstanceUID };
}
