// What a report records of a judged SEG, checked against an independent read of the same file
// (dcmjs): identity, annotator, the source series, and the SHA-256 of the Pixel Data value.
import { generateDemoFiles } from '@segqc/demo-data';
import { readPart10 } from '../dicom/readPart10';
import { sha256Hex } from '../hash/sha256';
import { describeJudgedSeg } from './describeJudgedSeg';

const seg = [...generateDemoFiles({ cases: ['mr-01'] })].find((file) => file.path === 'mr-01/seg/chen.dcm')!.bytes;

test('identity, annotator, source series and subject of a demo SEG', () => {
  const { dataset } = readPart10(seg);
  const info = describeJudgedSeg(seg);
  expect(info).toMatchObject({
    sopClassUid: '1.2.840.10008.5.1.4.1.1.66.4',
    sopInstanceUid: dataset['SOPInstanceUID'],
    seriesInstanceUid: dataset['SeriesInstanceUID'],
    studyInstanceUid: dataset['StudyInstanceUID'],
    sourceSeriesInstanceUid: (dataset['ReferencedSeriesSequence'] as Array<{ SeriesInstanceUID: string }>)[0].SeriesInstanceUID,
    annotatorName: 'Chen^Wei',
    annotatorLogin: 'wchen',
  });
  expect(info.subject).toMatchObject({ PatientID: dataset['PatientID'], StudyInstanceUID: dataset['StudyInstanceUID'] });
});

test('the pixel data hash is the SHA-256 of the Pixel Data value, byte for byte', () => {
  const pixels = (readPart10(seg).dataset['PixelData'] as ArrayBuffer[])[0];
  expect(describeJudgedSeg(seg).pixelDataSha256).toBe(sha256Hex(new Uint8Array(pixels)));
});

test('what is not a SEG is refused by the SEG reader', () => {
  expect(() => describeJudgedSeg(new Uint8Array(300))).toThrow(/DICM|Part 10|preamble/i);
});
