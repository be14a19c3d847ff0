import {
  buildBinarySeg, randomUid, writePart10, type AuthenticatedIdentity, type BitMask, type NaturalDataset, type SegmentDescriptionInit, type Sop, type SourceImage,
} from '@segqc/core';
import { ANNOTATION_CONTENT_DESCRIPTION } from './annotationContentDescription';
import { AnnotationSaveError } from './AnnotationSaveError';
import { dicomDateTime } from './dicomDateTime';

export interface AnnotationCreator {
  /** DICOM PN, written as ContentCreatorName. */
  personName: string;
  login: string;
  /** The viewer's OIDC sign-in (issuer and subject); absent when the user typed name and login: self-declared. */
  authentication?: AuthenticatedIdentity;
  /** The institution whose login it is (Person Identification Macro, type 1C). */
  institutionName: string;
}

export interface AnnotationSegInput {
  /** The source series in grid order (sourceImagesOfDisplaySet): masks are on this grid. */
  sourceImages: readonly SourceImage[];
  /** What was painted: segment n is the SOP's structure n − 1 (sopLabelmapSegments). */
  masks: ReadonlyMap<number, BitMask>;
  sop: Sop;
  creator: AnnotationCreator;
  /** When the annotation is saved: ContentDate/ContentTime. */
  at: Date;
  seriesNumber: number;
  /** Written in Enhanced General Equipment: this viewer's software version. */
  softwareVersion: string;
  seriesInstanceUID?: string;
  sopInstanceUID?: string;
}

export interface AnnotationSeg {
  dataset: NaturalDataset;
  /** Part 10 file, as stored in the PACS. */
  bytes: Uint8Array;
  sopInstanceUID: string;
  seriesInstanceUID: string;
  /** Painted voxels per segment number. */
  voxels: Map<number, number>;
}

export const ANNOTATOR_EQUIPMENT = { manufacturerModelName: 'SegQC annotator view in OHIF', deviceSerialNumber: 'segqc-viewer' } as const;

/**
 * An annotator's segmentation as a BINARY SEG (core buildBinarySeg): ContentLabel ANNOTATION, the
 * creator's name and login (authenticated, with the sign-in's issuer and subject, or self-declared:
 * core buildBinarySeg records which), ContentDate/Time of
 * the save, ProtocolName = the SOP in force as `id@version+hash`, and one segment per SOP
 * structure with its label, colour and codes. Refused with an AnnotationSaveError when nothing is
 * painted, or when a segment the SOP does not define is painted.
 */
export function annotationSeg(input: AnnotationSegInput): AnnotationSeg {
  const { sop } = input;
  const voxels = new Map<number, number>();
  for (const [segmentIndex, mask] of input.masks) {
    const count = mask.count();
    if (segmentIndex < 1 || segmentIndex > sop.structures.length) {
      if (count > 0) throw new AnnotationSaveError(`segment ${segmentIndex} is painted (${count} voxels) but SOP ${sop.id}@${sop.version} defines only ${sop.structures.length} structures: erase it or remove the segment`);
      continue;
    }
    voxels.set(segmentIndex, count);
  }
  if ([...voxels.values()].every((count) => count === 0)) throw new AnnotationSaveError('nothing is painted yet: paint at least one structure before saving');

  const voxelsPerVolume = input.sourceImages[0].Rows * input.sourceImages[0].Columns * input.sourceImages.length;
  const segments: SegmentDescriptionInit[] = sop.structures.map((structure, n) => ({
    segmentNumber: n + 1,
    label: structure.label,
    category: structure.category,
    type: structure.type,
    ...(structure.typeModifier ? { typeModifier: structure.typeModifier } : {}),
    ...(structure.anatomicRegion ? { anatomicRegion: structure.anatomicRegion } : {}),
    algorithmType: 'MANUAL',
    color: structure.color,
  }));
  const frames = segments.map(({ segmentNumber }) => {
    const mask = new Uint8Array(voxelsPerVolume);
    const painted = input.masks.get(segmentNumber);
    if (painted) for (const index of painted.indices()) mask[index] = 1;
    return { segmentNumber, mask };
  });

  const { date, time } = dicomDateTime(input.at);
  const sopInstanceUID = input.sopInstanceUID ?? randomUid();
  const seriesInstanceUID = input.seriesInstanceUID ?? randomUid();
  const dataset = buildBinarySeg({
    sourceImages: input.sourceImages,
    segments,
    frames,
    creator: {
      name: input.creator.personName,
      login: input.creator.login,
      institutionName: input.creator.institutionName,
      ...(input.creator.authentication ? { authentication: input.creator.authentication } : {}),
    },
    contentLabel: 'ANNOTATION',
    contentDescription: ANNOTATION_CONTENT_DESCRIPTION,
    contentDate: date,
    contentTime: time,
    seriesInstanceUID,
    sopInstanceUID,
    seriesNumber: input.seriesNumber,
    seriesDescription: `SegQC annotation ${input.creator.login}`.slice(0, 64),
    equipment: { ...ANNOTATOR_EQUIPMENT, softwareVersions: input.softwareVersion, institutionName: input.creator.institutionName },
    sop: sop.reference,
  });
  return { dataset, bytes: writePart10(dataset), sopInstanceUID, seriesInstanceUID, voxels };
}
