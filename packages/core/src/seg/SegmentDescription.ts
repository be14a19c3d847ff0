/**
 * One item of the Segment Sequence (0062,0002): the Segment Description Macro (PS3.3 Table
 * C.8.20-4), validated on construction so that an invalid segment never reaches a dataset.
 */
import { CodedConcept, type CodeInit } from '../dicom/CodedConcept';
import { joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { checkLongString, checkUid, checkUnsignedShort } from '../dicom/vrChecks';
import { srgbToDicomLab, type Srgb } from './cielab';
import { SegValueError, asSegValueErrors } from './SegValueError';

/** Segment Algorithm Type (0062,0008), enumerated values (PS3.3 C.8.20.2.3). */
export const SEGMENT_ALGORITHM_TYPES = ['MANUAL', 'SEMIAUTOMATIC', 'AUTOMATIC'] as const;
export type SegmentAlgorithmType = (typeof SEGMENT_ALGORITHM_TYPES)[number];

export interface SegmentDescriptionInit {
  /** Segment Number (0062,0004): 1, 2, … in the order of the Segment Sequence. */
  segmentNumber: number;
  /** Segment Label (0062,0005), LO. */
  label: string;
  /** Segment Description (0062,0006), ST; optional. */
  description?: string;
  /** Segmented Property Category (CID 7150). */
  category: CodeInit;
  /** Segmented Property Type (CID 7151). */
  type: CodeInit;
  /** Segmented Property Type Modifier, e.g. laterality (CID 244) of a paired organ. */
  typeModifier?: CodeInit;
  /** Anatomic Region (CID 4) the segment lies in, e.g. Lung for a nodule. */
  anatomicRegion?: CodeInit;
  anatomicRegionModifier?: CodeInit;
  algorithmType: SegmentAlgorithmType;
  /** Segment Algorithm Name (0062,0009): required unless algorithmType is MANUAL. */
  algorithmName?: string;
  /** Display colour as 8-bit sRGB; written as RecommendedDisplayCIELabValue. */
  color: Srgb;
  /** Tracking ID (0062,0020) and Tracking UID (0062,0021): both or neither. */
  trackingId?: string;
  trackingUid?: string;
}

export class SegmentDescription {
  readonly segmentNumber: number;
  readonly label: string;
  readonly description?: string;
  readonly category: CodedConcept;
  readonly type: CodedConcept;
  readonly typeModifier?: CodedConcept;
  readonly anatomicRegion?: CodedConcept;
  readonly anatomicRegionModifier?: CodedConcept;
  readonly algorithmType: SegmentAlgorithmType;
  readonly algorithmName?: string;
  readonly color: Srgb;
  readonly recommendedDisplayCIELabValue: readonly [number, number, number];
  readonly trackingId?: string;
  readonly trackingUid?: string;

  /** @param path the item's place, e.g. `SegmentSequence[0]`, used in error messages. */
  constructor(init: SegmentDescriptionInit, path = 'SegmentSequence[0]') {
    const at = (keyword: string): string => joinAttributePath(path, keyword);
    const code = (value: CodeInit | undefined, keyword: string): CodedConcept | undefined =>
      value === undefined ? undefined : CodedConcept.from(value, at(`${keyword}[0]`));
    const built = asSegValueErrors(() => {
      checkUnsignedShort(init.segmentNumber, at('SegmentNumber'), { min: 1 });
      checkLongString(init.label, at('SegmentLabel'));
      if (init.description !== undefined && (init.description.length > 1024 || init.description.includes('\u0000'))) {
        throw new SegValueError(at('SegmentDescription'), 'must be at most 1024 characters (ST)');
      }
      if (init.category === undefined) throw new SegValueError(at('SegmentedPropertyCategoryCodeSequence'), 'is required (type 1)');
      if (init.type === undefined) throw new SegValueError(at('SegmentedPropertyTypeCodeSequence'), 'is required (type 1)');
      if (!SEGMENT_ALGORITHM_TYPES.includes(init.algorithmType)) {
        throw new SegValueError(at('SegmentAlgorithmType'), `"${String(init.algorithmType)}" is not one of ${SEGMENT_ALGORITHM_TYPES.join(', ')}`);
      }
      if (init.algorithmType !== 'MANUAL' && (init.algorithmName === undefined || init.algorithmName.trim() === '')) {
        throw new SegValueError(at('SegmentAlgorithmName'), `is required when SegmentAlgorithmType is ${init.algorithmType}`);
      }
      if (init.algorithmName !== undefined) checkLongString(init.algorithmName, at('SegmentAlgorithmName'));
      checkColor(init.color, at('RecommendedDisplayCIELabValue'));
      if ((init.trackingId === undefined) !== (init.trackingUid === undefined)) {
        const missing = init.trackingId === undefined ? 'TrackingID' : 'TrackingUID';
        throw new SegValueError(at(missing), 'TrackingID and TrackingUID are required together');
      }
      if (init.trackingId !== undefined) checkLongString(init.trackingId, at('TrackingID'));
      if (init.trackingUid !== undefined) checkUid(init.trackingUid, at('TrackingUID'));
      return {
        category: code(init.category, 'SegmentedPropertyCategoryCodeSequence')!,
        type: code(init.type, 'SegmentedPropertyTypeCodeSequence')!,
        typeModifier: code(init.typeModifier, 'SegmentedPropertyTypeCodeSequence[0].SegmentedPropertyTypeModifierCodeSequence'),
        anatomicRegion: code(init.anatomicRegion, 'AnatomicRegionSequence'),
        anatomicRegionModifier: code(init.anatomicRegionModifier, 'AnatomicRegionSequence[0].AnatomicRegionModifierSequence'),
      };
    });
    if (built.anatomicRegionModifier && !built.anatomicRegion) {
      throw new SegValueError(at('AnatomicRegionSequence'), 'is required when an anatomic region modifier is given');
    }
    this.segmentNumber = init.segmentNumber;
    this.label = init.label;
    if (init.description !== undefined) this.description = init.description;
    this.category = built.category;
    this.type = built.type;
    if (built.typeModifier) this.typeModifier = built.typeModifier;
    if (built.anatomicRegion) this.anatomicRegion = built.anatomicRegion;
    if (built.anatomicRegionModifier) this.anatomicRegionModifier = built.anatomicRegionModifier;
    this.algorithmType = init.algorithmType;
    if (init.algorithmName !== undefined) this.algorithmName = init.algorithmName;
    this.color = Object.freeze([...init.color]) as unknown as Srgb;
    this.recommendedDisplayCIELabValue = Object.freeze(srgbToDicomLab(init.color));
    if (init.trackingId !== undefined) this.trackingId = init.trackingId;
    if (init.trackingUid !== undefined) this.trackingUid = init.trackingUid;
    Object.freeze(this);
  }

  /** The Segment Sequence item. */
  toItem(): NaturalDataset {
    const typeItem = this.type.toItem();
    if (this.typeModifier) typeItem['SegmentedPropertyTypeModifierCodeSequence'] = [this.typeModifier.toItem()];
    const item: NaturalDataset = {
      SegmentNumber: this.segmentNumber,
      SegmentLabel: this.label,
      SegmentAlgorithmType: this.algorithmType,
      SegmentedPropertyCategoryCodeSequence: [this.category.toItem()],
      SegmentedPropertyTypeCodeSequence: [typeItem],
      RecommendedDisplayCIELabValue: [...this.recommendedDisplayCIELabValue],
    };
    if (this.description !== undefined) item['SegmentDescription'] = this.description;
    if (this.algorithmName !== undefined) item['SegmentAlgorithmName'] = this.algorithmName;
    if (this.anatomicRegion) {
      const region = this.anatomicRegion.toItem();
      if (this.anatomicRegionModifier) region['AnatomicRegionModifierSequence'] = [this.anatomicRegionModifier.toItem()];
      item['AnatomicRegionSequence'] = [region];
    }
    if (this.trackingId !== undefined) {
      item['TrackingID'] = this.trackingId;
      item['TrackingUID'] = this.trackingUid;
    }
    return item;
  }
}

function checkColor(color: Srgb, path: string): void {
  if (!Array.isArray(color) || color.length !== 3 || !color.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)) {
    throw new SegValueError(path, `colour ${JSON.stringify(color)} must be three integers 0..255 (sRGB)`);
  }
}
