import type { DisplaySet } from '../services';
import { AnnotationMetadataError, summarizeAnnotation } from './annotationSummary';

// The QC panel lists every annotation from the SEG's own metadata, as OHIF naturalizes it from
// DICOM JSON: who made it (ContentCreatorName + login code), when, in which role, which structures.
const segInstance = {
  SOPInstanceUID: '2.25.1',
  ContentCreatorName: [{ Alphabetic: 'Rivera^Ana' }],
  ContentCreatorIdentificationCodeSequence: [
    { PersonIdentificationCodeSequence: [{ CodeValue: 'arivera', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Rivera^Ana' }] },
  ],
  ContentDate: '20260603',
  ContentLabel: 'ANNOTATION',
  ReferencedSeriesSequence: [{ SeriesInstanceUID: '2.25.7', ReferencedInstanceSequence: [] }],
  ProtocolName: 'ct-lung-nodule@1.2.0+3f2a9c41b7d0',
  SegmentSequence: [
    {
      SegmentNumber: 1,
      SegmentLabel: 'Right lung',
      SegmentedPropertyTypeCodeSequence: [{ CodeValue: '39607008', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Lung' }],
      RecommendedDisplayCIELabValue: [65535, 32896, 32896],
    },
    // a one-item sequence may come as the item itself
    { SegmentNumber: 3, SegmentLabel: 'Lung nodule', SegmentedPropertyTypeCodeSequence: { CodeValue: '27925004', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Nodule' } },
  ],
};

const displaySet = (instance: Record<string, unknown> | undefined): DisplaySet => ({
  displaySetInstanceUID: 'ds-1',
  SeriesInstanceUID: '2.25.9',
  StudyInstanceUID: '2.25.8',
  Modality: 'SEG',
  SeriesDescription: 'Annotation Rivera',
  instance,
});

test('summarizes annotator, login, date, role, SOP and structures of a SEG', () => {
  expect(summarizeAnnotation(displaySet(segInstance))).toEqual({
    displaySetInstanceUID: 'ds-1',
    seriesInstanceUID: '2.25.9',
    sopInstanceUID: '2.25.1',
    annotator: 'Rivera, Ana',
    attributed: true,
    login: 'arivera',
    date: '2026-06-03',
    madeAt: '20260603',
    role: 'ANNOTATION',
    structures: [
      { segmentNumber: 1, label: 'Right lung', type: 'Lung', rgb: [255, 255, 255] },
      { segmentNumber: 3, label: 'Lung nodule', type: 'Nodule', rgb: null },
    ],
    sop: { id: 'ct-lung-nodule', version: '1.2.0', shortHash: '3f2a9c41b7d0' },
    seriesDescription: 'Annotation Rivera',
    sourceSeriesInstanceUID: '2.25.7',
  });
});

test('the annotator\'s sign-in when the SEG records it (marker, subject code, issuer); none means self-declared', () => {
  expect(summarizeAnnotation(displaySet(segInstance)).authentication).toBeUndefined();
  const issuer = 'https://login.hospital.example/realms/radiology';
  const signedIn = {
    ...segInstance,
    ContentDescription: 'SegQC annotation; creator authenticated',
    ContentCreatorIdentificationCodeSequence: [{ PersonIdentificationCodeSequence: [
      { CodeValue: 'arivera', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Ana Rivera' },
      { LongCodeValue: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', CodingSchemeDesignator: '99SEGQC-OIDC', CodeMeaning: 'OpenID Connect subject' },
    ] }],
    CodingSchemeIdentificationSequence: [{ CodingSchemeDesignator: '99SEGQC' }, { CodingSchemeDesignator: '99SEGQC-OIDC', CodingSchemeResponsibleOrganization: issuer }],
  };
  const summary = summarizeAnnotation(displaySet(signedIn));
  expect([summary.login, summary.authentication]).toEqual(['arivera', { issuer, subject: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }]);
});

test('a SEG written without creator, date or SOP is still listed, with those fields empty', () => {
  const { ContentCreatorName, ContentCreatorIdentificationCodeSequence, ContentDate, ProtocolName, ContentLabel, ReferencedSeriesSequence, ...bare } = segInstance;
  const summary = summarizeAnnotation(displaySet(bare));
  // No creator (as OHIF's own export): named by its series description, marked so.
  expect([summary.annotator, summary.attributed]).toEqual(['Annotation Rivera (unattributed)', false]);
  expect([summary.login, summary.date, summary.sop, summary.role, summary.sourceSeriesInstanceUID]).toEqual([null, null, null, null, null]);
  expect(summary.structures).toHaveLength(2);
});

test('a SEG without SegmentSequence is an AnnotationMetadataError naming the attribute', () => {
  const { SegmentSequence, ...noSegments } = segInstance;
  expect(() => summarizeAnnotation(displaySet(noSegments))).toThrow(AnnotationMetadataError);
  expect(() => summarizeAnnotation(displaySet(noSegments))).toThrow('SegmentSequence (0062,0002)');
});

test('segment number 0 is rejected with the attribute path', () => {
  const bad = { ...segInstance, SegmentSequence: [{ SegmentNumber: 0, SegmentLabel: 'x' }] };
  expect(() => summarizeAnnotation(displaySet(bad))).toThrow('SegmentSequence[0].SegmentNumber is 0');
});

test('a series without instance metadata is an error, not a crash', () => {
  expect(() => summarizeAnnotation(displaySet(undefined))).toThrow(AnnotationMetadataError);
});

test.each([
  [[{ Alphabetic: 'Okafor^Chidi' }], 'Okafor, Chidi'],
  ['Chen^Wei', 'Chen, Wei'],
  ['Consensus', 'Consensus'],
  [{ Alphabetic: 'Yamada^Tarou=山田^太郎' }, 'Yamada, Tarou'],
  [undefined, null],
  ['', null],
])('the creator %j is named %j', (value, expected) => {
  const summary = summarizeAnnotation(displaySet({ ...segInstance, ContentCreatorName: value }));
  expect(summary.annotator).toBe(expected ?? 'arivera');
});
