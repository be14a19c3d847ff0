import { readPart10, uidFromName, writePart10, type NaturalDataset } from '@segqc/core';

/** A copy of a SEG as another object of the same study: new SOP and series UIDs, `changes` applied. */
export function segCopy(segBytes: Uint8Array, name: string, changes: (dataset: NaturalDataset) => NaturalDataset = (d) => d): { bytes: Uint8Array; sopInstanceUID: string; seriesInstanceUID: string } {
  const { dataset } = readPart10(segBytes);
  const sopInstanceUID = uidFromName(`segqc-test/${name}/sop`);
  const seriesInstanceUID = uidFromName(`segqc-test/${name}/series`);
  const copy = changes({ ...dataset, SOPInstanceUID: sopInstanceUID, SeriesInstanceUID: seriesInstanceUID });
  return { bytes: writePart10(copy), sopInstanceUID, seriesInstanceUID };
}
