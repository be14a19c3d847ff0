/**
 * A BINARY Segmentation (SOP class 1.2.840.10008.5.1.4.1.1.66.4, PS3.3 A.51) from per-segment
 * masks on the source series' grid. Every input is validated before anything is built; the
 * result is a naturalized dataset for writePart10.
 *
 * Frames: only non-empty ones (an all-empty SEG keeps one empty frame, since NumberOfFrames ≥ 1),
 * ordered by segment number, then by position along the slice normal. Each frame references its
 * source slice (Derivation Image, purpose 121322) and carries its ImagePositionPatient, so readers
 * place it by geometry. Dimensions: (ReferencedSegmentNumber, ImagePositionPatient), the index of
 * the latter being the 1-based rank of the slice along the normal among all source slices.
 *
 * Identity and provenance: ContentLabel states the role (SegContentLabel: ANNOTATION, ADJUDICATED,
 * GOLD), ContentCreatorName and ContentCreatorIdentificationCodeSequence the annotator,
 * ContentDate/ContentTime when the work was done, ProtocolName the SOP in force (SopReference,
 * `id@version+hash`), Enhanced General Equipment the software.
 *
 * How the creator's identity is known is always written (DESIGN.md "Trust"): ContentDescription
 * ends with "; creator authenticated" or "; creator self-declared" (identity/creatorMarker.ts);
 * an authenticated creator's subject is a second code of PersonIdentificationCodeSequence, in the
 * scheme 99SEGQC-OIDC that the Coding Scheme Identification Sequence declares with the issuer
 * (identity/oidcSubjectScheme.ts). segCreatorIdentity reads it back.
 */
import { DCM } from '../codes/dcm';
import { SCT } from '../codes/sct';
import { segqcCodingSchemeIdentification } from '../codes/segqcScheme';
import { CodedConcept } from '../dicom/CodedConcept';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { personIdentificationItem } from '../dicom/personIdentification';
import { SOP_CLASS } from '../dicom/sopClasses';
import { specificCharacterSetFor } from '../dicom/specificCharacterSet';
import { uidFromName } from '../dicom/uid';
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import { checkAuthenticatedIdentity } from '../identity/checkAuthenticatedIdentity';
import { creatorMarkerOf, creatorMarkerSuffix, withCreatorMarker } from '../identity/creatorMarker';
import { oidcSubjectCode, oidcSubjectCodingSchemeIdentification } from '../identity/oidcSubjectScheme';
import {
  checkDate, checkIntegerString, checkLongString, checkPersonName, checkTime, checkUid,
} from '../dicom/vrChecks';
import { joinPackedFrames } from './joinPackedFrames';
import { checkSegContentLabel, type SegContentLabel } from './SegContentLabel';
import { SegmentDescription, type SegmentDescriptionInit } from './SegmentDescription';
import { SopReference, parseSopReference, type SopReferenceInit } from './SopReference';
import { SegValueError, asSegValueErrors } from './SegValueError';
import type { SourceImage } from './SourceImage';
import { describeSourceGeometry } from './sourceGeometry';
import { framesFromMasks, type SegmentMask } from './framesFromMasks';

export type { SegmentMask } from './framesFromMasks';

/** The manufacturer written in General and Enhanced General Equipment. */
export const SEGQC_MANUFACTURER = 'SegQC';

export interface SegCreator {
  /** ContentCreatorName, DICOM PN (`Family^Given`). */
  name: string;
  /** Login, written in ContentCreatorIdentificationCodeSequence (99SEGQC scheme). */
  login: string;
  /** Defaults to equipment.institutionName. */
  institutionName?: string;
  /** The OpenID Provider's issuer and subject of the creator's sign-in; absent: self-declared. */
  authentication?: AuthenticatedIdentity;
}

export interface SegEquipment {
  manufacturerModelName: string;
  softwareVersions: string;
  deviceSerialNumber: string;
  institutionName?: string;
}

export type ImageLaterality = 'R' | 'L' | 'B' | 'U';

export interface BinarySegInput {
  sourceImages: readonly SourceImage[];
  segments: readonly (SegmentDescription | SegmentDescriptionInit)[];
  frames: readonly SegmentMask[];
  creator: SegCreator;
  /** ContentLabel: the role of this SEG (an annotation, the adjudicated reference, a calibration gold standard). */
  contentLabel: SegContentLabel;
  /**
   * What the SEG is, e.g. "SegQC annotation" ("Segmentation" when not given); the creator marker
   * ("; creator authenticated" / "; creator self-declared", 23 characters) is appended, so at
   * most 41 characters fit ContentDescription's LO.
   */
  contentDescription?: string;
  /** DA `YYYYMMDD` and TM `HHMMSS`: when the annotation was made; also SeriesDate/SeriesTime. */
  contentDate: string;
  contentTime: string;
  seriesInstanceUID: string;
  sopInstanceUID: string;
  seriesNumber: number;
  seriesDescription: string;
  equipment: SegEquipment;
  instanceNumber?: number;
  /**
   * Image Laterality (0020,0062) of the segmented body part: R, L, B (both) or U (unpaired).
   * Defaults to what the segments' laterality modifiers say: R, L or B; U when none has one.
   */
  imageLaterality?: ImageLaterality;
  /** The SOP in force, written in ProtocolName (0018,1030) as `id@version+hash` (see SopReference). */
  sop?: SopReference | SopReferenceInit;
  /**
   * ProtocolName as free text, for a SEG made under no SegQC SOP; not with `sop`. A text that
   * reads as `id@version+hash` is refused: only `sop` writes a SOP reference.
   */
  protocolName?: string;
}

export function buildBinarySeg(input: BinarySegInput): NaturalDataset {
  const scalars = asSegValueErrors(() => checkScalars(input));
  const geometry = describeSourceGeometry(input.sourceImages);
  const segments = describeSegments(input.segments);
  const { frames, overlap } = framesFromMasks(input.frames, segments, geometry, input.sourceImages.length);
  const source = input.sourceImages[0];
  const pixelsPerFrame = geometry.rows * geometry.columns;
  const dimensionOrganizationUID = uidFromName(`${input.sopInstanceUID}/dimension-organization`);

  const dataset: NaturalDataset = {
    _vrMap: { PixelData: 'OB' },
    // SOP Common
    SOPClassUID: SOP_CLASS.SegmentationStorage,
    SOPInstanceUID: input.sopInstanceUID,
    CodingSchemeIdentificationSequence: [
      segqcCodingSchemeIdentification(),
      ...(scalars.authentication ? [oidcSubjectCodingSchemeIdentification(scalars.authentication.issuer)] : []),
    ],
    // Patient
    PatientName: source.PatientName ?? '',
    PatientID: source.PatientID ?? '',
    PatientBirthDate: source.PatientBirthDate ?? '',
    PatientSex: source.PatientSex ?? '',
    ...(source.PatientAge ? { PatientAge: source.PatientAge } : {}),
    // General Study
    StudyInstanceUID: source.StudyInstanceUID,
    StudyDate: source.StudyDate ?? '',
    StudyTime: source.StudyTime ?? '',
    ReferringPhysicianName: source.ReferringPhysicianName ?? '',
    StudyID: source.StudyID ?? '',
    AccessionNumber: source.AccessionNumber ?? '',
    ...(source.StudyDescription ? { StudyDescription: source.StudyDescription } : {}),
    // General Series + Segmentation Series
    Modality: 'SEG',
    SeriesInstanceUID: input.seriesInstanceUID,
    SeriesNumber: input.seriesNumber,
    SeriesDate: input.contentDate,
    SeriesTime: input.contentTime,
    SeriesDescription: input.seriesDescription,
    ...(scalars.protocolName !== undefined ? { ProtocolName: scalars.protocolName } : {}),
    // Frame of Reference
    FrameOfReferenceUID: source.FrameOfReferenceUID,
    PositionReferenceIndicator: source.PositionReferenceIndicator ?? '',
    // General Equipment + Enhanced General Equipment
    Manufacturer: SEGQC_MANUFACTURER,
    ManufacturerModelName: input.equipment.manufacturerModelName,
    DeviceSerialNumber: input.equipment.deviceSerialNumber,
    SoftwareVersions: input.equipment.softwareVersions,
    ...(input.equipment.institutionName ? { InstitutionName: input.equipment.institutionName } : {}),
    // General Image + Segmentation Image (Content Identification Macro)
    ImageType: ['DERIVED', 'PRIMARY'],
    ImageLaterality: input.imageLaterality ?? lateralityOfSegments(segments),
    InstanceNumber: scalars.instanceNumber,
    ContentLabel: scalars.contentLabel,
    ContentDescription: scalars.contentDescription,
    ContentCreatorName: input.creator.name,
    ContentCreatorIdentificationCodeSequence: [scalars.creatorIdentification],
    ContentDate: input.contentDate,
    ContentTime: input.contentTime,
    SegmentationType: 'BINARY',
    SegmentSequence: segments.map((segment) => segment.toItem()),
    SegmentsOverlap: overlap ? 'YES' : 'NO',
    // Image Pixel
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: geometry.rows,
    Columns: geometry.columns,
    BitsAllocated: 1,
    BitsStored: 1,
    HighBit: 0,
    PixelRepresentation: 0,
    LossyImageCompression: '00',
    // Multi-frame Functional Groups
    NumberOfFrames: frames.length,
    SharedFunctionalGroupsSequence: [
      {
        PlaneOrientationSequence: [{ ImageOrientationPatient: [...geometry.imageOrientationPatient] }],
        PixelMeasuresSequence: [
          {
            PixelSpacing: [...geometry.pixelSpacing],
            SliceThickness: geometry.sliceThickness,
            ...(geometry.spacingBetweenSlices !== undefined ? { SpacingBetweenSlices: geometry.spacingBetweenSlices } : {}),
          },
        ],
      },
    ],
    PerFrameFunctionalGroupsSequence: frames.map((frame) => {
      const image = input.sourceImages[frame.slice];
      return {
        DerivationImageSequence: [
          {
            DerivationCodeSequence: [new CodedConcept(DCM.Segmentation).toItem()],
            SourceImageSequence: [
              {
                ReferencedSOPClassUID: image.SOPClassUID,
                ReferencedSOPInstanceUID: image.SOPInstanceUID,
                PurposeOfReferenceCodeSequence: [new CodedConcept(DCM.SourceImageForImageProcessingOperation).toItem()],
              },
            ],
          },
        ],
        FrameContentSequence: [{ DimensionIndexValues: [frame.segmentNumber, geometry.positionIndex[frame.slice]] }],
        PlanePositionSequence: [{ ImagePositionPatient: [...image.ImagePositionPatient] }],
        SegmentIdentificationSequence: [{ ReferencedSegmentNumber: frame.segmentNumber }],
      };
    }),
    // Multi-frame Dimension
    DimensionOrganizationSequence: [{ DimensionOrganizationUID: dimensionOrganizationUID }],
    DimensionIndexSequence: [
      {
        DimensionOrganizationUID: dimensionOrganizationUID,
        DimensionIndexPointer: 0x0062000b, // ReferencedSegmentNumber
        FunctionalGroupPointer: 0x0062000a, // SegmentIdentificationSequence
        DimensionDescriptionLabel: 'Segment Number',
      },
      {
        DimensionOrganizationUID: dimensionOrganizationUID,
        DimensionIndexPointer: 0x00200032, // ImagePositionPatient
        FunctionalGroupPointer: 0x00209113, // PlanePositionSequence
        DimensionDescriptionLabel: 'Image Position Patient',
      },
    ],
    // Common Instance Reference
    ReferencedSeriesSequence: [
      {
        SeriesInstanceUID: source.SeriesInstanceUID,
        ReferencedInstanceSequence: geometry.sortedSlices.map((slice) => ({
          ReferencedSOPClassUID: input.sourceImages[slice].SOPClassUID,
          ReferencedSOPInstanceUID: input.sourceImages[slice].SOPInstanceUID,
        })),
      },
    ],
    PixelData: [joinPackedFrames(frames.map((frame) => frame.bits), pixelsPerFrame).buffer],
  };
  const characterSet = specificCharacterSetFor(dataset);
  return characterSet ? { SpecificCharacterSet: characterSet, ...dataset } : dataset;
}

/**
 * Image Laterality from the segments' SegmentedPropertyTypeModifier (CID 244 Right/Left). Written
 * always: it states the laterality of the frames, which also satisfies validators that require
 * General Series Laterality (0020,0060) whenever Image/Frame Laterality is absent.
 */
function lateralityOfSegments(segments: readonly SegmentDescription[]): ImageLaterality {
  const right = segments.some((s) => s.typeModifier?.equals(SCT.Right));
  const left = segments.some((s) => s.typeModifier?.equals(SCT.Left));
  return right && left ? 'B' : right ? 'R' : left ? 'L' : 'U';
}

interface CheckedScalars {
  instanceNumber: number;
  creatorIdentification: NaturalDataset;
  authentication?: AuthenticatedIdentity;
  contentLabel: SegContentLabel;
  contentDescription: string;
  protocolName?: string;
}

/** What a SEG is when the writer does not say. */
const DEFAULT_CONTENT_DESCRIPTION = 'Segmentation';

function checkScalars(input: BinarySegInput): CheckedScalars {
  const contentLabel = checkSegContentLabel(input.contentLabel, 'ContentLabel');
  checkDate(input.contentDate, 'ContentDate');
  checkTime(input.contentTime, 'ContentTime');
  checkUid(input.seriesInstanceUID, 'SeriesInstanceUID');
  checkUid(input.sopInstanceUID, 'SOPInstanceUID');
  checkIntegerString(input.seriesNumber, 'SeriesNumber');
  checkLongString(input.seriesDescription, 'SeriesDescription', { required: false });
  const instanceNumber = checkIntegerString(input.instanceNumber ?? 1, 'InstanceNumber');
  const protocolName = protocolNameOf(input);
  if (input.imageLaterality !== undefined && !['R', 'L', 'B', 'U'].includes(input.imageLaterality)) {
    throw new SegValueError('ImageLaterality', `"${String(input.imageLaterality)}" is not one of R, L, B, U`);
  }
  if (!input.creator) throw new SegValueError('ContentCreatorName', 'a creator {name, login} is required');
  checkPersonName(input.creator.name, 'ContentCreatorName');
  if (!input.equipment) throw new SegValueError('ManufacturerModelName', 'equipment is required (Enhanced General Equipment is type 1)');
  checkLongString(input.equipment.manufacturerModelName, 'ManufacturerModelName');
  checkLongString(input.equipment.softwareVersions, 'SoftwareVersions');
  checkLongString(input.equipment.deviceSerialNumber, 'DeviceSerialNumber');
  if (input.equipment.institutionName !== undefined) checkLongString(input.equipment.institutionName, 'InstitutionName');
  const institutionName = input.creator.institutionName ?? input.equipment.institutionName;
  if (institutionName === undefined) {
    throw new SegValueError('ContentCreatorIdentificationCodeSequence[0].InstitutionName', 'is required (type 1C): give creator.institutionName or equipment.institutionName');
  }
  if (typeof input.creator.login !== 'string' || input.creator.login.trim() === '') {
    throw new SegValueError('ContentCreatorIdentificationCodeSequence[0].PersonIdentificationCodeSequence[0].CodeValue', 'the creator login is required');
  }
  const creatorIdentification = personIdentificationItem(
    { name: input.creator.name, login: input.creator.login, institutionName },
    'ContentCreatorIdentificationCodeSequence[0]',
  );
  const authentication = authenticationOf(input.creator);
  // PS3.3 Table 10-1 allows several codes for one person: the login first, then the subject.
  if (authentication) (creatorIdentification['PersonIdentificationCodeSequence'] as NaturalDataset[]).push(oidcSubjectCode(authentication.subject));
  const contentDescription = contentDescriptionOf(input.contentDescription, authentication !== undefined);
  return {
    instanceNumber, creatorIdentification, contentLabel, contentDescription,
    ...(authentication ? { authentication } : {}),
    ...(protocolName !== undefined ? { protocolName } : {}),
  };
}

function authenticationOf(creator: SegCreator): AuthenticatedIdentity | undefined {
  if (creator.authentication === undefined) return undefined;
  const subject = (creator.authentication as Partial<AuthenticatedIdentity> | null)?.subject;
  const code = 'ContentCreatorIdentificationCodeSequence[0].PersonIdentificationCodeSequence[1]';
  return checkAuthenticatedIdentity(creator.authentication, {
    identity: 'creator.authentication',
    subject: `${code}.${typeof subject === 'string' && subject.length > 16 ? 'LongCodeValue' : 'CodeValue'}`,
    issuer: 'CodingSchemeIdentificationSequence[1].CodingSchemeResponsibleOrganization',
  });
}

/** The writer's description with the creator marker appended; a description that already has one is refused. */
function contentDescriptionOf(description: string | undefined, authenticated: boolean): string {
  const what = description === undefined || description === '' ? DEFAULT_CONTENT_DESCRIPTION : checkLongString(description, 'ContentDescription');
  if (creatorMarkerOf(what) !== undefined) {
    throw new SegValueError('ContentDescription', `"${what}" ends with a creator marker: buildBinarySeg writes it from creator.authentication`);
  }
  const marker = authenticated ? 'authenticated' : 'self-declared';
  const written = withCreatorMarker(what, marker);
  if (written.length > 64) {
    throw new SegValueError('ContentDescription', `"${what}" is ${what.length} characters; with "${creatorMarkerSuffix(marker)}" appended it is ${written.length}, more than the 64 of LO`);
  }
  return written;
}

function protocolNameOf(input: BinarySegInput): string | undefined {
  if (input.sop !== undefined) {
    if (input.protocolName !== undefined) throw new SegValueError('ProtocolName', 'give either sop (a SOP reference) or protocolName (free text), not both');
    return SopReference.from(input.sop, 'ProtocolName').toProtocolName();
  }
  if (input.protocolName === undefined) return undefined;
  checkLongString(input.protocolName, 'ProtocolName');
  if (parseSopReference(input.protocolName) !== undefined) {
    throw new SegValueError('ProtocolName', `"${input.protocolName}" reads as a SOP reference: give it as sop {id, version, sha256} so that it is checked`);
  }
  return input.protocolName;
}

function describeSegments(segments: readonly (SegmentDescription | SegmentDescriptionInit)[]): SegmentDescription[] {
  if (!Array.isArray(segments) || segments.length === 0) throw new SegValueError('SegmentSequence', 'at least one segment is required');
  return segments.map((segment, i) => {
    const path = `SegmentSequence[${i}]`;
    const described = segment instanceof SegmentDescription ? segment : new SegmentDescription(segment, path);
    // PS3.3 C.8.20.2.3: segment numbers start at 1 and increase by 1.
    if (described.segmentNumber !== i + 1) {
      throw new SegValueError(`${path}.SegmentNumber`, `is ${described.segmentNumber}; segments must be numbered 1, 2, … in order (expected ${i + 1})`);
    }
    return described;
  });
}
