// Issue 13: with sign-in, a SEG that names no creator (OHIF's own export) is given the user who stores
// it as its authenticated creator. The stamp must record them exactly as SegQC's own SEGs do (so
// segCreatorIdentity reads them as authenticated) and change nothing else: the same UIDs, transfer
// syntax and Pixel Data bytes, the same masks, every other attribute as it was — native BINARY
// (explicit and implicit VR) and RLE Lossless LABELMAP, whose encapsulated Pixel Data dcmjs would
// rewrite (its own offset table and fragments) if it wrote it.
import dcmjs from 'dcmjs';
import { DicomValueError } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { asDeflatedPart10 } from '../dicom/deflatedPart10.fixture';
import { RefusedObjectError } from '../dicom/RefusedObjectError';
import { readPart10 } from '../dicom/readPart10';
import { PIXEL_DATA_TAG } from '../seg/read/dataDictionary';
import { parseDicomFile } from '../seg/read/parseDicomFile';
import { readSegmentation } from '../seg/read/readSegmentation';
import { asLabelMap, concat, EXPLICIT_LE, fixtureSeg, IMPLICIT_LE, RLE_LOSSLESS, withRleFrames, writeDataset } from '../seg/read/segVariants.fixture';
import { segCreatorIdentity } from './segCreatorIdentity';
import { segNamesCreator, stampSegCreator, type StampedCreator } from './stampSegCreator';

const ISSUER = 'https://login.hospital.example/realms/radiology';
const creator: StampedCreator = { name: 'Nguyen^Thu', login: 'tnguyen', institutionName: 'SegQC Test Hospital', authentication: { issuer: ISSUER, subject: '4f1c2a9e-7d3b-4e8a-9c61-2b5d8f0e1a37' } };
const CREATOR_KEYWORDS = ['ContentCreatorName', 'ContentCreatorIdentificationCodeSequence', 'ContentDescription', 'CodingSchemeIdentificationSequence', 'SpecificCharacterSet'];

const fixture = fixtureSeg();
/** The fixture SEG as OHIF's export leaves one: label SEGMENTATION, no creator, an empty description. */
function ohifStyle(dataset: NaturalDataset, changes: NaturalDataset = {}): NaturalDataset {
  const { ContentCreatorName: _name, ContentCreatorIdentificationCodeSequence: _codes, ...rest } = dataset;
  return { ...rest, ContentLabel: 'SEGMENTATION', ContentDescription: '', ...changes };
}
const header = (bytes: Uint8Array): NaturalDataset => readPart10(bytes, { untilPixelData: true }).dataset;
const transferSyntaxOf = (bytes: Uint8Array): unknown => readPart10(bytes, { untilPixelData: true }).meta['TransferSyntaxUID'];
/** The Pixel Data element's value bytes as they are in the file (fragments and offset table included). */
function pixelDataBytes(bytes: Uint8Array): Uint8Array {
  const element = parseDicomFile(bytes).dataset.get(PIXEL_DATA_TAG)!;
  return bytes.subarray(element.offset, element.offset + element.length);
}
/** Every attribute but the creator's, as dcmjs reads them (Pixel Data compared apart). */
function otherAttributes(bytes: Uint8Array): NaturalDataset {
  const { dataset } = readPart10(bytes);
  const rest: NaturalDataset = { ...dataset };
  for (const keyword of [...CREATOR_KEYWORDS, 'PixelData']) delete rest[keyword];
  return JSON.parse(JSON.stringify(rest)) as NaturalDataset;
}
const masksOf = (bytes: Uint8Array): number[][] => readSegmentation(bytes, fixture.series.images).segments.map((segment) => Array.from(segment.mask.words));

/** `bytes` with an empty Basic Offset Table, as writers that leave it empty store RLE frames (PS3.5 A.4). */
function withEmptyOffsetTable(bytes: Uint8Array): Uint8Array {
  const { offsetTable } = parseDicomFile(bytes).dataset.get(PIXEL_DATA_TAG)!.encapsulated!;
  const itemHeader = bytes.slice(offsetTable.offset - 8, offsetTable.offset);
  new DataView(itemHeader.buffer).setUint32(4, 0, true);
  return concat([bytes.subarray(0, offsetTable.offset - 8), itemHeader, bytes.subarray(offsetTable.offset + offsetTable.length)]);
}

const labelMap = asLabelMap(fixture, 8);
const SHAPES: Array<[string, Uint8Array]> = [
  ['a native BINARY SEG, explicit VR', writeDataset(ohifStyle(fixture.dataset), EXPLICIT_LE)],
  ['a native BINARY SEG, implicit VR', writeDataset(ohifStyle(fixture.dataset), IMPLICIT_LE)],
  ['an RLE Lossless LABELMAP SEG (an offset table, a fragment per frame)', writeDataset(ohifStyle(withRleFrames(labelMap.dataset, labelMap.frames, 1)), RLE_LOSSLESS)],
  ['an RLE Lossless LABELMAP SEG with an empty offset table', withEmptyOffsetTable(writeDataset(ohifStyle(withRleFrames(labelMap.dataset, labelMap.frames, 1)), RLE_LOSSLESS))],
];

describe.each(SHAPES)('stamping %s', (_shape, bytes) => {
  const stamped = stampSegCreator(bytes, creator);

  it('records the user as its authenticated creator, as SegQC\'s own SEGs do', () => {
    expect(segNamesCreator(header(bytes))).toBe(false);
    expect(segCreatorIdentity(header(stamped))).toEqual({ name: 'Nguyen^Thu', login: 'tnguyen', contentLabel: 'SEGMENTATION', authentication: creator.authentication });
    const written = header(stamped);
    expect(written['ContentDescription']).toBe('Segmentation; creator authenticated');
    expect(written['ContentCreatorIdentificationCodeSequence']).toMatchObject([{
      PersonIdentificationCodeSequence: [
        { CodeValue: 'tnguyen', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Thu Nguyen' },
        { LongCodeValue: creator.authentication.subject, CodingSchemeDesignator: '99SEGQC-OIDC', CodeMeaning: 'OpenID Connect subject' },
      ],
      InstitutionName: 'SegQC Test Hospital',
    }]);
  });

  it('keeps the UIDs, the transfer syntax, the Pixel Data bytes, the masks and every other attribute', () => {
    for (const keyword of ['SOPClassUID', 'SOPInstanceUID', 'SeriesInstanceUID', 'StudyInstanceUID', 'ContentLabel']) expect(header(stamped)[keyword]).toEqual(header(bytes)[keyword]);
    expect(transferSyntaxOf(stamped)).toBe(transferSyntaxOf(bytes));
    expect(Buffer.from(pixelDataBytes(stamped)).equals(Buffer.from(pixelDataBytes(bytes)))).toBe(true);
    expect(masksOf(stamped)).toEqual(masksOf(bytes));
    expect(otherAttributes(stamped)).toEqual(otherAttributes(bytes));
  });

  it('is not stamped twice: the stamped SEG names its creator', () => {
    expect(segNamesCreator(header(stamped))).toBe(true);
    expect(() => stampSegCreator(stamped, creator)).toThrow(/names its creator already/);
  });
});

test('the masks of the RLE LABELMAP are the fixture\'s (the test reads what it claims to)', () => {
  const [, , [, rle]] = SHAPES;
  expect(readSegmentation(rle!, fixture.series.images).segments.map((segment) => segment.mask.count())).toEqual([...fixture.expected.values()].map((mask) => mask.count()));
});

describe('the description', () => {
  const described = (description: string): unknown => header(stampSegCreator(writeDataset(ohifStyle(fixture.dataset, { ContentDescription: description })), creator))['ContentDescription'];

  it('keeps what it said, the marker appended; an empty one says what buildBinarySeg says', () => {
    expect(described('Lungs reader A')).toBe('Lungs reader A; creator authenticated');
    expect(described('')).toBe('Segmentation; creator authenticated');
  });

  it('drops a marker of no creator it ended with, and is cut to fit LO\'s 64 characters', () => {
    expect(described('Lungs; creator self-declared')).toBe('Lungs; creator authenticated');
    const long = described('A description typed by a reader that runs on past the room left');
    expect(long).toBe('A description typed by a reader that runs; creator authenticated');
    expect((long as string).length).toBeLessThanOrEqual(64);
  });
});

test('other coding schemes are kept; a stale 99SEGQC-OIDC declaration is replaced by the issuer of the sign-in', () => {
  const bytes = writeDataset(ohifStyle(fixture.dataset, {
    CodingSchemeIdentificationSequence: [
      { CodingSchemeDesignator: 'DCM', CodingSchemeUID: '1.2.840.10008.2.16.4' },
      { CodingSchemeDesignator: '99SEGQC-OIDC', CodingSchemeResponsibleOrganization: 'https://old.example' },
    ],
  }));
  const stamped = header(stampSegCreator(bytes, creator));
  expect((stamped['CodingSchemeIdentificationSequence'] as NaturalDataset[]).map((scheme) => [scheme['CodingSchemeDesignator'], scheme['CodingSchemeResponsibleOrganization']])).toEqual([
    ['DCM', undefined],
    ['99SEGQC', 'SegQC project'],
    ['99SEGQC-OIDC', ISSUER],
  ]);
  expect(segCreatorIdentity(stamped).authentication).toEqual(creator.authentication);
});

test('a name beyond ASCII is declared UTF-8 (ISO_IR 192) and reads back as given', () => {
  const stamped = header(stampSegCreator(writeDataset(ohifStyle(fixture.dataset)), { ...creator, name: 'Müller^Zoë' }));
  expect(stamped['SpecificCharacterSet']).toBe('ISO_IR 192');
  expect(segCreatorIdentity(stamped).name).toBe('Müller^Zoë');
});

describe('a SEG names its creator by any one of', () => {
  const seg = (changes: NaturalDataset) => header(writeDataset(ohifStyle(fixture.dataset, changes)));
  it.each<[string, NaturalDataset, boolean]>([
    ['nothing (OHIF\'s export)', {}, false],
    ['an empty name and an empty code sequence', { ContentCreatorName: '', ContentCreatorIdentificationCodeSequence: [] }, false],
    ['a name', { ContentCreatorName: 'Doe^John' }, true],
    ['a login code', { ContentCreatorIdentificationCodeSequence: [{ PersonIdentificationCodeSequence: [{ CodeValue: 'jdoe', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'John Doe' }] }] }, true],
    ['a subject code alone', { ContentCreatorIdentificationCodeSequence: [{ PersonIdentificationCodeSequence: [{ CodeValue: 'sub-1', CodingSchemeDesignator: '99SEGQC-OIDC', CodeMeaning: 'OpenID Connect subject' }] }] }, true],
  ])('%s', (_what, changes, names) => {
    expect(segNamesCreator(seg(changes))).toBe(names);
  });
});

test('refused: a SEG that names a creator, a deflated file, Explicit VR Big Endian, a creator the attributes cannot hold', () => {
  expect(() => stampSegCreator(writeDataset(ohifStyle(fixture.dataset, { ContentCreatorName: 'Doe^John' })), creator)).toThrow(DicomValueError);
  expect(() => stampSegCreator(asDeflatedPart10(writeDataset(ohifStyle(fixture.dataset))), creator)).toThrow(RefusedObjectError);
  expect(() => stampSegCreator(writeDataset(ohifStyle(fixture.dataset), '1.2.840.10008.1.2.2'), creator)).toThrow(/Big Endian/);
  const native = writeDataset(ohifStyle(fixture.dataset));
  expect(() => stampSegCreator(native, { ...creator, authentication: { issuer: 'not a URL', subject: 's' } })).toThrow(/issuer/);
  expect(() => stampSegCreator(native, { ...creator, login: 'back\\slash' })).toThrow(DicomValueError);
  expect(() => stampSegCreator(native, { ...creator, institutionName: 'x'.repeat(65) })).toThrow(/InstitutionName/);
});

test('dcmjs itself would not keep encapsulated Pixel Data: written back, the empty offset table is filled in', () => {
  // Why stampSegCreator appends the original element instead of letting dcmjs write it.
  const [, , , [, emptyTable]] = SHAPES;
  const { DicomMessage } = dcmjs.data;
  const rewritten = new Uint8Array(DicomMessage.readFile(new Uint8Array(emptyTable!).buffer).write({ fragmentMultiframe: false }));
  expect(Buffer.from(pixelDataBytes(rewritten)).equals(Buffer.from(pixelDataBytes(emptyTable!)))).toBe(false);
});
