import dcmjs from 'dcmjs';
import { generateDemoFiles } from '@segqc/demo-data';
import { DicomValueError } from '../dicom/DicomValueError';
import { readPart10 } from '../dicom/readPart10';
import { naturalizeDataset } from '../seg/read/naturalize';
import { parseDicomFile } from '../seg/read/parseDicomFile';
import { readSourceImages } from '../seg/read/readSourceImages';
import type { DicomJsonDataset } from './dicomJson';
import { CT_FRAME_OF_REFERENCE, CT_INSTANCE, CT_SERIES, ORTHANC_CT_METADATA, STUDY } from './dicomwebRead.fixture';
import { naturalizeDicomJson } from './naturalizeDicomJson';
import { sourceImageFromDicomJson } from './sourceImageFromDicomJson';

// Why: a SEG is read onto the grid of its source series. In the viewer that grid comes from WADO-RS
// metadata (DICOM JSON), in the CLI from Part 10 files; the two must give equal SourceImages for
// the same instance, or one SEG would get different voxels in the two places.

/** DICOM JSON of a Part 10 file as a PACS answers it: every attribute but the bulk Pixel Data, through JSON. */
function dicomJsonOf(bytes: Uint8Array): DicomJsonDataset {
  const json = dcmjs.data.DicomMetaDictionary.denaturalizeDataset(readPart10(bytes).dataset);
  delete json['7FE00010'];
  return JSON.parse(JSON.stringify(json)) as DicomJsonDataset;
}

const demo = new Map([...generateDemoFiles({ cases: ['ct-01'] })].filter((file) => /\/ct\/000[12]\.dcm$|\/seg\/rivera\.dcm$/.test(file.path)).map((file) => [file.path, file.bytes]));
const ctSlice = demo.get('ct-01/ct/0001.dcm')!;

test('a demo CT slice: the SourceImage of its DICOM JSON equals the one of its Part 10 file', () => {
  const json = dicomJsonOf(ctSlice);
  const [fromFile] = readSourceImages([ctSlice]);
  expect(sourceImageFromDicomJson(json)).toEqual(fromFile);
  expect(fromFile).toMatchObject({ PatientName: 'Demo^Chest 01', ImagePositionPatient: [-178.5, -178.5, -25], PixelSpacing: [1.4, 1.4], SliceThickness: 2.5, Rows: 256, Columns: 256 });
  const [second] = readSourceImages([demo.get('ct-01/ct/0002.dcm')!]);
  expect(sourceImageFromDicomJson(dicomJsonOf(demo.get('ct-01/ct/0002.dcm')!))).toEqual(second);
});

test('the naturalized DICOM JSON of a demo CT slice and SEG equals the naturalized Part 10 file, sequences included', () => {
  const seg = demo.get('ct-01/seg/rivera.dcm')!;
  for (const bytes of [ctSlice, seg]) {
    expect(naturalizeDicomJson(dicomJsonOf(bytes))).toEqual(naturalizeDataset(parseDicomFile(bytes, { stopAtPixelData: true })));
  }
  const natural = naturalizeDicomJson(dicomJsonOf(seg));
  expect([natural.NumberOfFrames, (natural.PerFrameFunctionalGroupsSequence as unknown[]).length, (natural.SegmentSequence as { SegmentLabel: string }[]).map((s) => s.SegmentLabel)]).toEqual([
    196, 196, ['Right lung', 'Left lung', 'Lung nodule'],
  ]);
});

test("Orthanc's recorded metadata of that slice: every SourceImage attribute, empty elements left out", () => {
  expect(sourceImageFromDicomJson(ORTHANC_CT_METADATA as DicomJsonDataset)).toEqual({
    SOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
    SOPInstanceUID: CT_INSTANCE,
    SeriesInstanceUID: CT_SERIES,
    StudyInstanceUID: STUDY,
    FrameOfReferenceUID: CT_FRAME_OF_REFERENCE,
    ImagePositionPatient: [-178.5, -178.5, -25],
    ImageOrientationPatient: [1, 0, 0, 0, 1, 0],
    PixelSpacing: [1.4, 1.4],
    SliceThickness: 2.5,
    Rows: 256,
    Columns: 256,
    PatientName: 'Demo^Chest 01',
    PatientID: 'SEGQC-CT-01',
    PatientBirthDate: '19480115',
    PatientSex: 'F',
    PatientAge: '076Y',
    StudyDate: '20240224',
    StudyTime: '080000',
    StudyID: 'CT-01',
    AccessionNumber: 'SQ241000',
    StudyDescription: 'CT CHEST WITHOUT CONTRAST',
  });
});

test('DS sent as strings reads as the same numbers', () => {
  const asStrings = { ...ORTHANC_CT_METADATA, '00200032': { vr: 'DS', Value: ['-178.5', '-178.5', '-25'] }, '00280030': { vr: 'DS', Value: ['1.4', '1.4'] } } as DicomJsonDataset;
  expect(sourceImageFromDicomJson(asStrings)).toEqual(sourceImageFromDicomJson(ORTHANC_CT_METADATA as DicomJsonDataset));
});

test('a missing or invalid required attribute is a DicomValueError naming it, under the given path', () => {
  const without = (tag: string) => Object.fromEntries(Object.entries(ORTHANC_CT_METADATA).filter(([key]) => key !== tag)) as DicomJsonDataset;
  expect(() => sourceImageFromDicomJson(without('00200032'), 'metadata[3]')).toThrow(new DicomValueError('metadata[3].ImagePositionPatient', 'is required (3 numbers)'));
  expect(() => sourceImageFromDicomJson(without('00080018'))).toThrow(new DicomValueError('SOPInstanceUID', 'is required (type 1)'));
  expect(() => sourceImageFromDicomJson(without('00200052'))).toThrow(/^FrameOfReferenceUID: is required: positions are only comparable/);
  const nullPosition = { ...ORTHANC_CT_METADATA, '00200032': { vr: 'DS', Value: [-178.5, null, -25] } } as DicomJsonDataset;
  expect(() => sourceImageFromDicomJson(nullPosition)).toThrow(new DicomValueError('ImagePositionPatient', 'must be 3 finite numbers, got [-178.5, NaN, -25]'));
  const enhanced = { ...ORTHANC_CT_METADATA, '00280008': { vr: 'IS', Value: [196] } } as DicomJsonDataset;
  expect(() => sourceImageFromDicomJson(enhanced)).toThrow(/^NumberOfFrames: is 196: multi-frame \(enhanced\) images are not supported/);
  let thrown: unknown;
  try {
    sourceImageFromDicomJson(without('00280010'));
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DicomValueError);
  expect((thrown as DicomValueError).attributePath).toBe('Rows');
});
