// Test fixture: one case generated in memory (files by path, and its manifest entry), and
// decoding helpers for the SEGs it contains.
import { readPart10, unpackBinaryFrames, type NaturalDataset } from '@segqc/core';
import { demoCohort } from '../cohort/cohort';
import { caseFiles } from './caseFiles';
import type { DemoCase } from './manifestTypes';

export interface GeneratedCase {
  files: Map<string, Uint8Array>;
  manifest: DemoCase;
}

export function generateCase(caseId: string): GeneratedCase {
  const files = new Map<string, Uint8Array>();
  let manifest: DemoCase | undefined;
  for (const file of caseFiles(demoCohort({ cases: [caseId] })[0], { onCase: (c) => (manifest = c) })) files.set(file.path, file.bytes);
  if (!manifest) throw new Error('no manifest entry');
  return { files, manifest };
}

type Item = Record<string, unknown>;

export interface DecodedSeg {
  dataset: NaturalDataset;
  /** Per frame: segment number, ImagePositionPatient, pixels. */
  frames: { segmentNumber: number; ipp: number[]; referencedSopInstanceUid: string; pixels: Uint8Array }[];
}

export function decodeSeg(bytes: Uint8Array): DecodedSeg {
  const { dataset } = readPart10(bytes);
  const pixels = unpackBinaryFrames(
    new Uint8Array((dataset['PixelData'] as ArrayBuffer[])[0]),
    dataset['Rows'] as number,
    dataset['Columns'] as number,
    dataset['NumberOfFrames'] as number,
  );
  const groups = dataset['PerFrameFunctionalGroupsSequence'] as Item[];
  return {
    dataset,
    frames: groups.map((group, f) => ({
      segmentNumber: ((group['SegmentIdentificationSequence'] as Item[])[0]['ReferencedSegmentNumber']) as number,
      ipp: ((group['PlanePositionSequence'] as Item[])[0]['ImagePositionPatient']) as number[],
      referencedSopInstanceUid: (((group['DerivationImageSequence'] as Item[])[0]['SourceImageSequence'] as Item[])[0]['ReferencedSOPInstanceUID']) as string,
      pixels: pixels[f],
    })),
  };
}

/** Stored pixel values of an image file. */
export function imagePixels(bytes: Uint8Array): { dataset: NaturalDataset; pixels: Uint16Array } {
  const { dataset } = readPart10(bytes);
  return { dataset, pixels: new Uint16Array((dataset['PixelData'] as ArrayBuffer[])[0]) };
}
