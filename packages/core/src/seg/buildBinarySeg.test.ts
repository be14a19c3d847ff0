// The SEG writer is how every annotation, adjudication and gold standard reaches the PACS; these
// tests build SEGs from known masks, write them, read them back with dcmjs, and check that the
// voxels, the geometry and the identity of the annotator survive exactly.
import { writePart10 } from '../dicom/part10';
import { readPart10 } from '../dicom/readPart10';
import { SOP_CLASS } from '../dicom/sopClasses';
import { uidFromName } from '../dicom/uid';
import { buildBinarySeg, type BinarySegInput } from './buildBinarySeg';
import { SegValueError } from './SegValueError';
import { SopReference } from './SopReference';
import { srgbToDicomLab } from './cielab';
import { unpackBinaryFrames } from './unpackBinaryFrames';
import { fixtureInput, maskFrom, syntheticSeries } from './syntheticSource.fixture';

type Item = Record<string, unknown>;
const seq = (item: Item, keyword: string): Item[] => item[keyword] as Item[];

function roundTrip(input: BinarySegInput): Item {
  return readPart10(writePart10(buildBinarySeg(input))).dataset as Item;
}

/** Voxel count of a segment decoded from a read SEG, placed on the source grid by IPP. */
function decodeToVolume(seg: Item, series: ReturnType<typeof syntheticSeries>, segmentNumber: number): Uint8Array {
  const frames = unpackBinaryFrames(
    new Uint8Array((seg['PixelData'] as ArrayBuffer[])[0]),
    seg['Rows'] as number,
    seg['Columns'] as number,
    seg['NumberOfFrames'] as number,
  );
  const volume = new Uint8Array(series.rows * series.columns * series.slices);
  seq(seg, 'PerFrameFunctionalGroupsSequence').forEach((group, f) => {
    if (seq(group, 'SegmentIdentificationSequence')[0]['ReferencedSegmentNumber'] !== segmentNumber) return;
    const ipp = seq(group, 'PlanePositionSequence')[0]['ImagePositionPatient'] as number[];
    const slice = series.images.findIndex((image) => image.ImagePositionPatient.every((v, i) => v === ipp[i]));
    expect(slice).toBeGreaterThanOrEqual(0);
    volume.set(frames[f], slice * series.rows * series.columns);
  });
  return volume;
}

describe('buildBinarySeg round trip (build → Part 10 → dcmjs → unpack)', () => {
  const series = syntheticSeries();
  const input = fixtureInput(series);
  const seg = roundTrip(input);
  const ball = input.frames[0].mask;
  const box = input.frames[1].mask;
  const nonEmptySlices = (mask: ArrayLike<number>): number[] =>
    series.images.map((_, k) => k).filter((k) => Array.from({ length: series.rows * series.columns }, (_, i) => mask[k * series.rows * series.columns + i]).some(Boolean));

  it('writes one frame per non-empty (segment, slice) and none for the empty segment', () => {
    const expected = nonEmptySlices(ball).length + nonEmptySlices(box).length;
    // Radius-6 mm ball centred on z = 30: slices z = 26..34 cut it; at z = 24 and 36 only its
    // centre point would, and no voxel centre lies there.
    expect(nonEmptySlices(ball).length).toBe(5);
    expect(nonEmptySlices(box).length).toBe(2); // 23 < z < 28 holds for z = 24, 26
    expect(seg['NumberOfFrames']).toBe(expected);
    const segmentsOfFrames = seq(seg, 'PerFrameFunctionalGroupsSequence').map((g) => seq(g, 'SegmentIdentificationSequence')[0]['ReferencedSegmentNumber']);
    expect(segmentsOfFrames).toEqual([1, 1, 1, 1, 1, 2, 2]);
  });

  it('decodes to exactly the input masks', () => {
    expect(decodeToVolume(seg, series, 1)).toEqual(ball);
    expect(decodeToVolume(seg, series, 2)).toEqual(box);
    expect(decodeToVolume(seg, series, 3).some(Boolean)).toBe(false);
  });

  it('orders frames by ascending position along the normal and gives each the IPP of its source slice', () => {
    const groups = seq(seg, 'PerFrameFunctionalGroupsSequence');
    const z = groups.map((g) => (seq(g, 'PlanePositionSequence')[0]['ImagePositionPatient'] as number[])[2]);
    expect(z).toEqual([26, 28, 30, 32, 34, 24, 26]);
    for (const group of groups) {
      const ipp = seq(group, 'PlanePositionSequence')[0]['ImagePositionPatient'];
      const source = seq(seq(group, 'DerivationImageSequence')[0], 'SourceImageSequence')[0];
      const image = series.images.find((i) => i.SOPInstanceUID === source['ReferencedSOPInstanceUID'])!;
      expect(ipp).toEqual(image.ImagePositionPatient);
      expect(source['ReferencedSOPClassUID']).toBe(SOP_CLASS.CtImageStorage);
      expect(seq(source, 'PurposeOfReferenceCodeSequence')[0]).toMatchObject({ CodeValue: '121322', CodingSchemeDesignator: 'DCM' });
    }
  });

  it('indexes dimensions by segment number and 1-based rank along the normal', () => {
    // Input slice k is at z = 40 - 2k (k = 0..11); ranked ascending, z = 18 is 1 and z = 26 is 5.
    const values = seq(seg, 'PerFrameFunctionalGroupsSequence').map((g) => seq(g, 'FrameContentSequence')[0]['DimensionIndexValues']);
    expect(values).toEqual([[1, 5], [1, 6], [1, 7], [1, 8], [1, 9], [2, 4], [2, 5]]);
    const index = seq(seg, 'DimensionIndexSequence');
    expect(index.map((d) => d['DimensionIndexPointer'])).toEqual([0x0062000b, 0x00200032]);
    expect(index.map((d) => d['FunctionalGroupPointer'])).toEqual([0x0062000a, 0x00209113]);
    expect(index[0]['DimensionOrganizationUID']).toBe(seq(seg, 'DimensionOrganizationSequence')[0]['DimensionOrganizationUID']);
  });

  it('writes the shared geometry: orientation, pixel spacing, thickness and spacing between slices', () => {
    const shared = seq(seg, 'SharedFunctionalGroupsSequence')[0];
    expect(seq(shared, 'PlaneOrientationSequence')[0]['ImageOrientationPatient']).toEqual([1, 0, 0, 0, 1, 0]);
    expect(seq(shared, 'PixelMeasuresSequence')[0]).toMatchObject({ PixelSpacing: [0.8, 0.7], SliceThickness: 2, SpacingBetweenSlices: 2 });
  });

  it('describes the segments with codes, algorithm and CIELab colour', () => {
    const segments = seq(seg, 'SegmentSequence');
    expect(segments.map((s) => s['SegmentLabel'])).toEqual(['Right lung', 'Lung nodule', 'Lesion']);
    expect(seq(segments[0], 'SegmentedPropertyCategoryCodeSequence')[0]).toMatchObject({ CodeValue: '91723000', CodingSchemeDesignator: 'SCT' });
    const type = seq(segments[0], 'SegmentedPropertyTypeCodeSequence')[0];
    expect(type).toMatchObject({ CodeValue: '39607008', CodeMeaning: 'Lung' });
    expect(seq(type, 'SegmentedPropertyTypeModifierCodeSequence')[0]).toMatchObject({ CodeValue: '24028007', CodeMeaning: 'Right' });
    expect(seq(segments[1], 'AnatomicRegionSequence')[0]).toMatchObject({ CodeValue: '39607008' });
    expect(segments[1]).toMatchObject({ SegmentAlgorithmType: 'SEMIAUTOMATIC', SegmentAlgorithmName: 'SegQC brush' });
    expect(segments[0]['RecommendedDisplayCIELabValue']).toEqual(srgbToDicomLab([80, 160, 220]));
    expect(seg['SegmentsOverlap']).toBe('NO');
  });

  it('records the annotator, the content identity and the equipment', () => {
    expect(seg['ContentCreatorName']).toEqual([{ Alphabetic: 'Rivera^Ana' }]);
    const person = seq(seg, 'ContentCreatorIdentificationCodeSequence')[0];
    expect(seq(person, 'PersonIdentificationCodeSequence')[0]).toMatchObject({ CodeValue: 'arivera', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Ana Rivera' });
    expect(person['InstitutionName']).toBe('SegQC Test Hospital');
    expect(seq(seg, 'CodingSchemeIdentificationSequence').map((scheme) => scheme['CodingSchemeDesignator'])).toEqual(['99SEGQC']);
    // No sign-in given: one code (the login), and the description says so (identity/segCreatorIdentity.test.ts has the rest).
    expect(seq(person, 'PersonIdentificationCodeSequence')).toHaveLength(1);
    expect(seg['ContentDescription']).toBe('Fixture annotation; creator self-declared');
    expect(seg).toMatchObject({
      SOPClassUID: '1.2.840.10008.5.1.4.1.1.66.4',
      Modality: 'SEG',
      ContentLabel: 'ANNOTATION',
      ContentDate: '20240301',
      ContentTime: '093000',
      SeriesDate: '20240301',
      ImageType: ['DERIVED', 'PRIMARY'],
      LossyImageCompression: '00',
      SegmentationType: 'BINARY',
      BitsAllocated: 1,
      Manufacturer: 'SegQC',
      ManufacturerModelName: 'SegQC core',
      SoftwareVersions: '0.1.0',
      DeviceSerialNumber: 'unit-test',
      PatientID: 'FIX-001',
      StudyInstanceUID: series.images[0].StudyInstanceUID,
      FrameOfReferenceUID: series.images[0].FrameOfReferenceUID,
    });
  });

  it('references every source instance in the Common Instance Reference module', () => {
    const referenced = seq(seg, 'ReferencedSeriesSequence');
    expect(referenced).toHaveLength(1);
    expect(referenced[0]['SeriesInstanceUID']).toBe(series.images[0].SeriesInstanceUID);
    const uids = seq(referenced[0], 'ReferencedInstanceSequence').map((r) => r['ReferencedSOPInstanceUID']);
    expect(new Set(uids)).toEqual(new Set(series.images.map((i) => i.SOPInstanceUID)));
  });
});

describe('buildBinarySeg laterality and character set', () => {
  const series = syntheticSeries({ name: 'laterality', rows: 4, columns: 4, slices: 3 });
  const input = fixtureInput(series);

  it('derives ImageLaterality from the segments’ laterality modifiers unless given', () => {
    expect(buildBinarySeg(input)['ImageLaterality']).toBe('R'); // only a right lung among the segments
    const both = { ...input, segments: [input.segments[0], { ...input.segments[1], typeModifier: { value: '7771000', scheme: 'SCT', meaning: 'Left' } }, input.segments[2]] };
    expect(buildBinarySeg(both)['ImageLaterality']).toBe('B');
    const none = { ...input, segments: input.segments.map(({ typeModifier: _unused, ...rest }) => rest) } as BinarySegInput;
    expect(buildBinarySeg(none)['ImageLaterality']).toBe('U');
    expect(buildBinarySeg({ ...input, imageLaterality: 'L' })['ImageLaterality']).toBe('L');
  });

  it('declares UTF-8 only when a value is not ASCII, and round-trips it', () => {
    expect(buildBinarySeg(input)['SpecificCharacterSet']).toBeUndefined();
    const accented = { ...input, sourceImages: input.sourceImages.map((im) => ({ ...im, PatientName: 'Müller^Jürgen' })) };
    const seg = roundTrip(accented);
    expect(seg['SpecificCharacterSet']).toBe('ISO_IR 192');
    expect(seg['PatientName']).toEqual([{ Alphabetic: 'Müller^Jürgen' }]);
  });
});

describe('buildBinarySeg masks', () => {
  const series = syntheticSeries({ name: 'labels', rows: 5, columns: 3, slices: 4 });

  it('accepts one label volume for several segments and flags overlap correctly', () => {
    const labels = new Uint8Array(5 * 3 * 4);
    labels[0] = 1; // slice 0
    labels[15 + 7] = 2; // slice 1
    const input = { ...fixtureInput(series), frames: [1, 2, 3].map((segmentNumber) => ({ segmentNumber, mask: labels, label: segmentNumber })) };
    const seg = roundTrip(input);
    expect(seg['NumberOfFrames']).toBe(2);
    expect(seg['SegmentsOverlap']).toBe('NO');
    // 15-pixel frames: frame 1 starts at bit 15, i.e. mid-byte; pixel 7 of frame 1 is bit 22.
    const bytes = new Uint8Array((seg['PixelData'] as ArrayBuffer[])[0]);
    expect(Array.from(bytes)).toEqual([0b0000_0001, 0b0000_0000, 0b0100_0000, 0b0000_0000]);
    const overlapping = { ...input, frames: [{ segmentNumber: 1, mask: labels }, { segmentNumber: 2, mask: labels }, { segmentNumber: 3, mask: labels, label: 9 }] };
    expect(buildBinarySeg(overlapping)['SegmentsOverlap']).toBe('YES');
  });

  it('keeps one empty frame when every mask is empty (NumberOfFrames must be ≥ 1)', () => {
    const empty = new Uint8Array(5 * 3 * 4);
    const seg = roundTrip({ ...fixtureInput(series), frames: [1, 2, 3].map((segmentNumber) => ({ segmentNumber, mask: empty })) });
    expect(seg['NumberOfFrames']).toBe(1);
    expect(unpackBinaryFrames(new Uint8Array((seg['PixelData'] as ArrayBuffer[])[0]), 5, 3, 1)[0].some(Boolean)).toBe(false);
  });

  it('omits SpacingBetweenSlices when the slices are not evenly spaced', () => {
    const uneven = syntheticSeries({ name: 'uneven', rows: 5, columns: 3, slices: 4 });
    uneven.images[3] = { ...uneven.images[3], ImagePositionPatient: [-20.3, -30.1, 40 - 3 * 2 - 0.5] };
    const shared = (buildBinarySeg(fixtureInput(uneven))['SharedFunctionalGroupsSequence'] as Item[])[0];
    expect(seq(shared, 'PixelMeasuresSequence')[0]).toEqual({ PixelSpacing: [0.8, 0.7], SliceThickness: 2 });
  });
});

const SOP = { id: 'ct-lung-nodule', version: '1.2.0', sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' };

describe('buildBinarySeg roles and SOP reference', () => {
  const series = syntheticSeries({ name: 'roles', rows: 4, columns: 4, slices: 3 });
  const input = fixtureInput(series);

  it.each(['ANNOTATION', 'ADJUDICATED', 'GOLD'] as const)('writes ContentLabel %s', (role) => {
    expect(buildBinarySeg({ ...input, contentLabel: role })['ContentLabel']).toBe(role);
  });

  it('writes the SOP in ProtocolName as id@version+16 hex digits, and accepts a SopReference', () => {
    expect(roundTrip({ ...input, sop: SOP })['ProtocolName']).toBe('ct-lung-nodule@1.2.0+9f86d081884c7d65');
    expect(buildBinarySeg({ ...input, sop: new SopReference(SOP) })['ProtocolName']).toBe('ct-lung-nodule@1.2.0+9f86d081884c7d65');
  });

  it('writes a free-text ProtocolName as given, and none when neither is given', () => {
    expect(buildBinarySeg({ ...input, protocolName: 'Chest CT lung nodules' })['ProtocolName']).toBe('Chest CT lung nodules');
    expect('ProtocolName' in buildBinarySeg(input)).toBe(false);
  });
});

describe('buildBinarySeg validation names the attribute path', () => {
  const series = syntheticSeries({ name: 'errors', rows: 4, columns: 4, slices: 3 });
  const valid = fixtureInput(series);

  function pathOf(input: BinarySegInput): string {
    try {
      buildBinarySeg(input);
    } catch (error) {
      expect(error).toBeInstanceOf(SegValueError);
      return (error as SegValueError).attributePath;
    }
    throw new Error('expected buildBinarySeg to throw');
  }
  const withSegment = (i: number, change: object): BinarySegInput => ({
    ...valid,
    segments: valid.segments.map((s, k) => (k === i ? { ...s, ...change } : s)) as BinarySegInput['segments'],
  });

  it.each<[string, BinarySegInput, string]>([
    ['a segment label with a backslash', withSegment(2, { label: 'a\\b' }), 'SegmentSequence[2].SegmentLabel'],
    ['an automatic segment without algorithm name', withSegment(0, { algorithmType: 'AUTOMATIC' }), 'SegmentSequence[0].SegmentAlgorithmName'],
    ['an unknown algorithm type', withSegment(1, { algorithmType: 'GUESSED' }), 'SegmentSequence[1].SegmentAlgorithmType'],
    ['an empty category code value', withSegment(1, { category: { value: '', scheme: 'SCT', meaning: 'x' } }), 'SegmentSequence[1].SegmentedPropertyCategoryCodeSequence[0].CodeValue'],
    ['a type modifier without scheme', withSegment(0, { typeModifier: { value: '24028007', scheme: '', meaning: 'Right' } }), 'SegmentSequence[0].SegmentedPropertyTypeCodeSequence[0].SegmentedPropertyTypeModifierCodeSequence[0].CodingSchemeDesignator'],
    ['a colour out of range', withSegment(2, { color: [0, 0, 300] }), 'SegmentSequence[2].RecommendedDisplayCIELabValue'],
    ['segment numbers not 1, 2, 3', withSegment(1, { segmentNumber: 5 }), 'SegmentSequence[1].SegmentNumber'],
    ['a segment number 0', withSegment(0, { segmentNumber: 0 }), 'SegmentSequence[0].SegmentNumber'],
    ['a TrackingID without TrackingUID', withSegment(0, { trackingId: 'nodule 1' }), 'SegmentSequence[0].TrackingUID'],
    ['a lowercase content label', { ...valid, contentLabel: 'gold' as BinarySegInput['contentLabel'] }, 'ContentLabel'],
    ['a content label that is no SegQC role', { ...valid, contentLabel: 'REVIEW' as BinarySegInput['contentLabel'] }, 'ContentLabel'],
    ['a SOP reference with a SHA-1', { ...valid, sop: { id: 'ct-lung', version: '1.0.0', sha256: 'ab'.repeat(20) } }, 'ProtocolName'],
    ['both a SOP reference and a free-text ProtocolName', { ...valid, sop: SOP, protocolName: 'Chest protocol' }, 'ProtocolName'],
    ['a free-text ProtocolName that reads as a SOP reference', { ...valid, protocolName: 'ct-lung@1.0.0+0123456789abcdef' }, 'ProtocolName'],
    ['a content date that is not a date', { ...valid, contentDate: '2024-03-01' }, 'ContentDate'],
    ['a creator name with 6 components', { ...valid, creator: { name: 'a^b^c^d^e^f', login: 'x' } }, 'ContentCreatorName'],
    ['a missing login', { ...valid, creator: { name: 'Rivera^Ana', login: '' } }, 'ContentCreatorIdentificationCodeSequence[0].PersonIdentificationCodeSequence[0].CodeValue'],
    ['no institution anywhere', { ...valid, equipment: { ...valid.equipment, institutionName: undefined } }, 'ContentCreatorIdentificationCodeSequence[0].InstitutionName'],
    ['a description that already carries a creator marker', { ...valid, contentDescription: 'SegQC annotation; creator authenticated' }, 'ContentDescription'],
    ['a description too long for the creator marker (42 + 23 > 64)', { ...valid, contentDescription: 'x'.repeat(42) }, 'ContentDescription'],
    ['a sign-in that is no object', { ...valid, creator: { ...valid.creator, authentication: 'yes' as never } }, 'creator.authentication'],
    ['a subject with a backslash', { ...valid, creator: { ...valid.creator, authentication: { issuer: 'https://login.example', subject: 'a\\b' } } }, 'ContentCreatorIdentificationCodeSequence[0].PersonIdentificationCodeSequence[1].CodeValue'],
    ['a subject of more than 1024 characters', { ...valid, creator: { ...valid.creator, authentication: { issuer: 'https://login.example', subject: 's'.repeat(1025) } } }, 'ContentCreatorIdentificationCodeSequence[0].PersonIdentificationCodeSequence[1].LongCodeValue'],
    ['an issuer that is no URL', { ...valid, creator: { ...valid.creator, authentication: { issuer: 'login.example', subject: 'arivera' } } }, 'CodingSchemeIdentificationSequence[1].CodingSchemeResponsibleOrganization'],
    ['an issuer of more than 1024 characters (ST)', { ...valid, creator: { ...valid.creator, authentication: { issuer: `https://login.example/${'a'.repeat(1004)}`, subject: 'arivera' } } }, 'CodingSchemeIdentificationSequence[1].CodingSchemeResponsibleOrganization'],
    ['an invalid series UID', { ...valid, seriesInstanceUID: '1.2.03' }, 'SeriesInstanceUID'],
    ['a mask of the wrong size', { ...valid, frames: [valid.frames[0], { segmentNumber: 2, mask: new Uint8Array(5) }, valid.frames[2]] }, 'frames[1].mask'],
    ['a mask for an undefined segment', { ...valid, frames: [...valid.frames, { segmentNumber: 7, mask: valid.frames[0].mask }] }, 'frames[3].segmentNumber'],
    ['a segment without a mask', { ...valid, frames: valid.frames.slice(0, 2) }, 'SegmentSequence[2]'],
    ['a source slice with another orientation', { ...valid, sourceImages: valid.sourceImages.map((im, k) => (k === 2 ? { ...im, ImageOrientationPatient: [0, 1, 0, 0, 0, -1] } : im)) }, 'sourceImages[2].ImageOrientationPatient'],
    ['a source slice from another series', { ...valid, sourceImages: valid.sourceImages.map((im, k) => (k === 1 ? { ...im, SeriesInstanceUID: uidFromName('other') } : im)) }, 'sourceImages[1].SeriesInstanceUID'],
    ['two slices at one position', { ...valid, sourceImages: valid.sourceImages.map((im, k) => (k === 1 ? { ...im, ImagePositionPatient: valid.sourceImages[0].ImagePositionPatient } : im)) }, 'sourceImages[1].ImagePositionPatient'],
  ])('rejects %s', (_, input, path) => {
    expect(pathOf(input)).toBe(path);
  });

  it('puts the path first in the message', () => {
    expect(() => buildBinarySeg(withSegment(2, { label: '' }))).toThrow(/^SegmentSequence\[2\]\.SegmentLabel: is required/);
  });

  it('builds the same dataset twice (a pure function of its input)', () => {
    const a = writePart10(buildBinarySeg(valid));
    const b = writePart10(buildBinarySeg(fixtureInput(series)));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('uses masks of the given ball (fixture sanity)', () => {
    expect(maskFrom(series, () => true).length).toBe(4 * 4 * 3);
  });
});
