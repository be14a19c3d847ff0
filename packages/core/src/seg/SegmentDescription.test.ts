// Segment descriptions are validated when constructed (highdicom style): a bad label or code must
// fail here, naming its attribute path, and never produce a half-valid Segment Sequence item.
import { SCT } from '../codes/sct';
import { SegmentDescription, type SegmentDescriptionInit } from './SegmentDescription';
import { SegValueError } from './SegValueError';
import { srgbToDicomLab } from './cielab';

const nodule: SegmentDescriptionInit = {
  segmentNumber: 3,
  label: 'Lung nodule',
  category: SCT.MorphologicallyAbnormalStructure,
  type: SCT.Nodule,
  anatomicRegion: SCT.Lung,
  algorithmType: 'MANUAL',
  color: [240, 80, 60],
};

function errorOf(init: SegmentDescriptionInit, path?: string): SegValueError {
  try {
    new SegmentDescription(init, path);
  } catch (error) {
    if (error instanceof SegValueError) return error;
    throw error;
  }
  throw new Error('expected a SegValueError');
}

describe('SegmentDescription', () => {
  it('writes the Segment Description Macro item', () => {
    expect(new SegmentDescription(nodule, 'SegmentSequence[2]').toItem()).toEqual({
      SegmentNumber: 3,
      SegmentLabel: 'Lung nodule',
      SegmentAlgorithmType: 'MANUAL',
      SegmentedPropertyCategoryCodeSequence: [{ CodeValue: '49755003', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Morphologically Abnormal Structure' }],
      SegmentedPropertyTypeCodeSequence: [{ CodeValue: '27925004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Nodule' }],
      AnatomicRegionSequence: [{ CodeValue: '39607008', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Lung' }],
      RecommendedDisplayCIELabValue: srgbToDicomLab([240, 80, 60]),
    });
  });

  it('nests a laterality modifier inside the property type item', () => {
    const item = new SegmentDescription({ ...nodule, type: SCT.Lung, typeModifier: SCT.Left, anatomicRegion: undefined }).toItem();
    expect(item['SegmentedPropertyTypeCodeSequence']).toEqual([
      { CodeValue: '39607008', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Lung', SegmentedPropertyTypeModifierCodeSequence: [{ CodeValue: '7771000', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Left' }] },
    ]);
  });

  it('writes algorithm name and tracking identifiers when given', () => {
    const item = new SegmentDescription({ ...nodule, algorithmType: 'AUTOMATIC', algorithmName: 'nnU-Net lung', trackingId: 'nodule A', trackingUid: '2.25.1' }).toItem();
    expect(item).toMatchObject({ SegmentAlgorithmType: 'AUTOMATIC', SegmentAlgorithmName: 'nnU-Net lung', TrackingID: 'nodule A', TrackingUID: '2.25.1' });
  });

  it('is immutable once constructed', () => {
    const segment = new SegmentDescription(nodule);
    expect(Object.isFrozen(segment)).toBe(true);
    expect(segment.recommendedDisplayCIELabValue).toEqual(srgbToDicomLab([240, 80, 60]));
  });

  it.each<[string, Partial<SegmentDescriptionInit>, string]>([
    ['an empty label', { label: '' }, 'SegmentSequence[2].SegmentLabel'],
    ['a 65-character label', { label: 'x'.repeat(65) }, 'SegmentSequence[2].SegmentLabel'],
    ['segment number 0', { segmentNumber: 0 }, 'SegmentSequence[2].SegmentNumber'],
    ['segment number 65536', { segmentNumber: 65536 }, 'SegmentSequence[2].SegmentNumber'],
    ['SEMIAUTOMATIC without a name', { algorithmType: 'SEMIAUTOMATIC' }, 'SegmentSequence[2].SegmentAlgorithmName'],
    ['a code meaning of 65 characters', { type: { value: '27925004', scheme: 'SCT', meaning: 'n'.repeat(65) } }, 'SegmentSequence[2].SegmentedPropertyTypeCodeSequence[0].CodeMeaning'],
    ['an anatomic region with a backslash', { anatomicRegion: { value: '39607008', scheme: 'SCT', meaning: 'Lung\\Chest' } }, 'SegmentSequence[2].AnatomicRegionSequence[0].CodeMeaning'],
    ['a two-component colour', { color: [1, 2] as unknown as [number, number, number] }, 'SegmentSequence[2].RecommendedDisplayCIELabValue'],
    ['a fractional colour', { color: [1, 2.5, 3] }, 'SegmentSequence[2].RecommendedDisplayCIELabValue'],
    ['an invalid tracking UID', { trackingId: 'a', trackingUid: '1.2.x' }, 'SegmentSequence[2].TrackingUID'],
  ])('rejects %s naming the path', (_, change, path) => {
    expect(errorOf({ ...nodule, ...change }, 'SegmentSequence[2]').attributePath).toBe(path);
  });

  it('rejects a missing category as a SegValueError, not a TypeError', () => {
    const { category: _omitted, ...rest } = nodule;
    expect(errorOf(rest as SegmentDescriptionInit).attributePath).toBe('SegmentSequence[0].SegmentedPropertyCategoryCodeSequence');
  });
});
