// Every SEG SegQC writes records how its creator is known (DESIGN.md "Trust"), and the gateway
// decides whether a signed-in user may store or read a SEG by what segCreatorIdentity gives back —
// from a STOW body (Part 10) or from WADO-RS metadata (DICOM JSON). So: the writer's two forms
// round-trip, both shapes of the same SEG read alike, a subject longer than 16 characters is a
// LongCodeValue, and a SEG that records less than all of it (another writer's, one written before
// the marker with "creator signed in", a code or the issuer removed) is self-declared, not an error.
import dcmjs from 'dcmjs';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { writePart10 } from '../dicom/part10';
import { readPart10 } from '../dicom/readPart10';
import type { DicomJsonDataset } from '../dicomweb/dicomJson';
import { naturalizeDicomJson } from '../dicomweb/naturalizeDicomJson';
import { buildBinarySeg, type BinarySegInput } from '../seg/buildBinarySeg';
import { fixtureInput, syntheticSeries } from '../seg/syntheticSource.fixture';
import { segCreatorIdentity } from './segCreatorIdentity';

const ISSUER = 'https://login.hospital.example/realms/radiology';
const series = syntheticSeries({ name: 'creator identity', rows: 6, columns: 6, slices: 3 });
const input = (authentication?: { issuer: string; subject: string }): BinarySegInput => {
  const base = fixtureInput(series);
  return { ...base, contentDescription: 'SegQC annotation', creator: { ...base.creator, ...(authentication ? { authentication } : {}) } };
};

/** The header as the gateway reads a STOW body. */
const fromPart10 = (bytes: Uint8Array): NaturalDataset => readPart10(bytes, { untilPixelData: true }).dataset;
/** The same instance as WADO-RS metadata answers it (DICOM JSON, no bulk data). */
function fromDicomJson(bytes: Uint8Array): NaturalDataset {
  const json = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(readPart10(bytes).dataset) as DicomJsonDataset;
  delete json['7FE00010'];
  return naturalizeDicomJson(JSON.parse(JSON.stringify(json)) as DicomJsonDataset);
}
/** Written, then changed as a hand or another tool would change it, then written again. */
function edited(seg: BinarySegInput, change: (dataset: NaturalDataset) => void): Uint8Array {
  const dataset = buildBinarySeg(seg);
  change(dataset);
  return writePart10(dataset);
}
const codesOf = (dataset: NaturalDataset) => ((dataset['ContentCreatorIdentificationCodeSequence'] as NaturalDataset[])[0]['PersonIdentificationCodeSequence'] as NaturalDataset[]);

describe('an authenticated creator', () => {
  const signIn = { issuer: ISSUER, subject: '248289761001' };
  const bytes = writePart10(buildBinarySeg(input(signIn)));
  const expected = { name: 'Rivera^Ana', login: 'arivera', contentLabel: 'ANNOTATION', authentication: signIn };

  it('is written as the marker, the login then the subject, and the issuer declaring 99SEGQC-OIDC', () => {
    const dataset = fromPart10(bytes);
    expect(dataset['ContentDescription']).toBe('SegQC annotation; creator authenticated');
    // toMatchObject: dcmjs adds a `_vrMap` to each item it reads.
    expect(codesOf(dataset)).toMatchObject([
      { CodeValue: 'arivera', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Ana Rivera' },
      { CodeValue: '248289761001', CodingSchemeDesignator: '99SEGQC-OIDC', CodeMeaning: 'OpenID Connect subject' },
    ]);
    expect(dataset['CodingSchemeIdentificationSequence']).toMatchObject([
      { CodingSchemeDesignator: '99SEGQC' },
      { CodingSchemeDesignator: '99SEGQC-OIDC', CodingSchemeName: 'OpenID Connect subject identifiers', CodingSchemeResponsibleOrganization: ISSUER },
    ]);
  });

  it('reads back from Part 10 and from DICOM JSON alike', () => {
    expect(segCreatorIdentity(fromPart10(bytes))).toEqual(expected);
    expect(segCreatorIdentity(fromDicomJson(bytes))).toEqual(expected);
  });

  it('with a subject longer than 16 characters: a LongCodeValue, read back the same from both', () => {
    const long = { issuer: ISSUER, subject: '4f1c2a9e-7d3b-4e8a-9c61-2b5d8f0e1a37' };
    const longBytes = writePart10(buildBinarySeg(input(long)));
    expect(codesOf(fromPart10(longBytes))[1]).toMatchObject({ LongCodeValue: long.subject, CodingSchemeDesignator: '99SEGQC-OIDC', CodeMeaning: 'OpenID Connect subject' });
    expect(segCreatorIdentity(fromPart10(longBytes))).toEqual({ ...expected, authentication: long });
    expect(segCreatorIdentity(fromDicomJson(longBytes))).toEqual({ ...expected, authentication: long });
  });
});

describe('a self-declared creator', () => {
  const bytes = writePart10(buildBinarySeg(input()));

  it('is written as the marker alone: one code, one coding scheme', () => {
    const dataset = fromPart10(bytes);
    expect(dataset['ContentDescription']).toBe('SegQC annotation; creator self-declared');
    expect(codesOf(dataset)).toHaveLength(1);
    expect((dataset['CodingSchemeIdentificationSequence'] as NaturalDataset[]).map((scheme) => scheme['CodingSchemeDesignator'])).toEqual(['99SEGQC']);
  });

  it('reads back without authentication, from Part 10 and from DICOM JSON', () => {
    const expected = { name: 'Rivera^Ana', login: 'arivera', contentLabel: 'ANNOTATION' };
    expect(segCreatorIdentity(fromPart10(bytes))).toEqual(expected);
    expect(segCreatorIdentity(fromDicomJson(bytes))).toEqual(expected);
  });

  it('is written with the default description when the writer gives none', () => {
    const { contentDescription: _, ...rest } = input();
    expect(fromPart10(writePart10(buildBinarySeg(rest)))['ContentDescription']).toBe('Segmentation; creator self-declared');
  });
});

describe('a SEG that records less than all of the sign-in is self-declared', () => {
  const signIn = { issuer: ISSUER, subject: 'arivera-sub' };
  const cases: Array<[string, (dataset: NaturalDataset) => void]> = [
    ['written before the marker: "creator signed in", no subject code', (dataset) => {
      dataset['ContentDescription'] = 'SegQC annotation; creator signed in';
      codesOf(dataset).splice(1);
      (dataset['CodingSchemeIdentificationSequence'] as NaturalDataset[]).splice(1);
    }],
    ['no marker at all (the description rewritten)', (dataset) => { dataset['ContentDescription'] = 'Lungs'; }],
    ['a marker that says self-declared', (dataset) => { dataset['ContentDescription'] = 'SegQC annotation; creator self-declared'; }],
    ['the subject code removed', (dataset) => { codesOf(dataset).splice(1); }],
    ['the issuer removed', (dataset) => { (dataset['CodingSchemeIdentificationSequence'] as NaturalDataset[]).splice(1); }],
    ['two subject codes', (dataset) => { codesOf(dataset).push({ ...codesOf(dataset)[1], CodeValue: 'someone-else' }); }],
    ['an issuer that is no URL', (dataset) => { (dataset['CodingSchemeIdentificationSequence'] as NaturalDataset[])[1]['CodingSchemeResponsibleOrganization'] = 'Radiology login'; }],
  ];

  it.each(cases)('%s', (_, change) => {
    const bytes = edited(input(signIn), change);
    expect(segCreatorIdentity(fromPart10(bytes))).toEqual({ name: 'Rivera^Ana', login: 'arivera', contentLabel: 'ANNOTATION' });
    expect(segCreatorIdentity(fromDicomJson(bytes))).toEqual({ name: 'Rivera^Ana', login: 'arivera', contentLabel: 'ANNOTATION' });
  });

  it('another writer\'s SEG with no creator codes, no label and no description: only the name', () => {
    const bytes = edited(input(), (dataset) => {
      delete dataset['ContentCreatorIdentificationCodeSequence'];
      delete dataset['ContentDescription'];
      delete dataset['CodingSchemeIdentificationSequence'];
      dataset['ContentLabel'] = '';
    });
    expect(segCreatorIdentity(fromPart10(bytes))).toEqual({ name: 'Rivera^Ana' });
    expect(segCreatorIdentity(fromDicomJson(bytes))).toEqual({ name: 'Rivera^Ana' });
  });
});

test('OHIF\'s instance metadata: a one-item sequence given as the item itself, the name as { Alphabetic }', () => {
  const metadata: NaturalDataset = {
    ContentCreatorName: { Alphabetic: 'Chen^Wei=陳^偉' },
    ContentLabel: 'ANNOTATION',
    ContentDescription: 'SegQC annotation; creator authenticated',
    ContentCreatorIdentificationCodeSequence: { PersonIdentificationCodeSequence: [{ CodeValue: 'wchen', CodingSchemeDesignator: '99SEGQC' }, { CodeValue: 'wchen-sub', CodingSchemeDesignator: '99SEGQC-OIDC' }] },
    CodingSchemeIdentificationSequence: [{ CodingSchemeDesignator: '99SEGQC' }, { CodingSchemeDesignator: '99SEGQC-OIDC', CodingSchemeResponsibleOrganization: ISSUER }],
  };
  expect(segCreatorIdentity(metadata)).toEqual({ name: 'Chen^Wei', login: 'wchen', contentLabel: 'ANNOTATION', authentication: { issuer: ISSUER, subject: 'wchen-sub' } });
});
