// Why: naturalizeDicomJson (WADO-RS metadata in the viewer and the CLI) and dcmjs's naturalizer
// (every SR and SEG header read through readPart10) recurse into sequences without bound, so a
// PACS answer nested 10,000 deep overflowed the stack instead of failing as unreadable. The depth
// is now checked first, and a real SR or SEG (5 and 4 levels in the demo) still reads.
import { generateDemoFiles } from '@segqc/demo-data';
import type { DicomJsonDataset } from '../dicomweb/dicomJson';
import { naturalizeDicomJson } from '../dicomweb/naturalizeDicomJson';
import { readQcReport } from '../sr/readQcReport';
import { writePart10 } from './part10';
import { checkSequenceDepth } from './checkSequenceDepth';
import { DicomValueError } from './DicomValueError';
import type { NaturalDataset } from './NaturalDataset';
import { MAX_SEQUENCE_DEPTH } from './readLimits';
import { readPart10 } from './readPart10';

/** A dataset whose ReferencedSeriesSequence (0008,1115) nests `depth` items deep, built without recursion. */
function nestedJson(depth: number): DicomJsonDataset {
  const root: DicomJsonDataset = {};
  let item = root;
  for (let n = 0; n < depth; n++) {
    const child: DicomJsonDataset = { '0020000E': { vr: 'UI', Value: [`2.25.${n}`] } };
    item['00081115'] = { vr: 'SQ', Value: [child] };
    item = child;
  }
  return root;
}

function thrown(read: () => unknown): DicomValueError {
  try {
    read();
  } catch (error) {
    if (error instanceof DicomValueError) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

const levels = (count: number) => Array.from({ length: count }, () => 'ReferencedSeriesSequence[0]').join('.');

test('10,000 nested sequences in DICOM JSON give a DicomValueError naming the path, not a stack overflow', () => {
  const error = thrown(() => naturalizeDicomJson(nestedJson(10_000)));
  expect(error.attributePath).toBe(`${levels(MAX_SEQUENCE_DEPTH)}.ReferencedSeriesSequence`);
  expect(error.reason).toBe(`nests sequences deeper than the ${MAX_SEQUENCE_DEPTH} levels SegQC reads`);
});

test('exactly the limit is read; one level more is refused', () => {
  const read = naturalizeDicomJson(nestedJson(MAX_SEQUENCE_DEPTH));
  let item = read;
  for (let n = 0; n < MAX_SEQUENCE_DEPTH; n++) item = (item['ReferencedSeriesSequence'] as NaturalDataset[])[0];
  expect(item['SeriesInstanceUID']).toBe(`2.25.${MAX_SEQUENCE_DEPTH - 1}`);
  expect(() => checkSequenceDepth(nestedJson(MAX_SEQUENCE_DEPTH + 1))).toThrow(DicomValueError);
});

test('a Part 10 file nested past the limit is refused by readPart10 before dcmjs naturalizes it', () => {
  let content: NaturalDataset = { TextValue: 'leaf' };
  for (let n = 0; n < MAX_SEQUENCE_DEPTH + 4; n++) content = { ContentSequence: [content] };
  const bytes = writePart10({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.33', SOPInstanceUID: '2.25.9', ...content });
  const error = thrown(() => readPart10(bytes));
  expect(error.attributePath).toBe(`${Array.from({ length: MAX_SEQUENCE_DEPTH }, () => '(0040,A730)[0]').join('.')}.(0040,A730)`);
});

test('10,000 nested sequences in a Part 10 file (undefined lengths) are a DicomValueError too', () => {
  const head = writePart10({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.33', SOPInstanceUID: '2.25.10' });
  // (0040,A730) SQ of undefined length holding one item of undefined length; then the delimiters (PS3.5 7.5).
  const open = [0x40, 0x00, 0x30, 0xa7, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff];
  const close = [0xfe, 0xff, 0x0d, 0xe0, 0, 0, 0, 0, 0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0];
  const bytes = new Uint8Array(Buffer.concat([head, Buffer.from(Array(10_000).fill(open).flat()), Buffer.from(Array(10_000).fill(close).flat())]));
  // dcmjs's reader recurses too; whichever gives up first, the caller gets a DicomValueError.
  expect(thrown(() => readPart10(bytes))).toBeInstanceOf(DicomValueError);
});

test('every demo SR and SEG still reads: they nest well within the limit', () => {
  const files = [...generateDemoFiles({ cases: ['ct-01'] })];
  const reports = files.filter((file) => file.path.includes('/sr/'));
  expect(reports.length).toBeGreaterThan(0);
  for (const { bytes } of reports) expect(readQcReport(bytes).qc).toBeDefined();
  for (const { bytes } of files.filter((file) => file.path.includes('/seg/'))) expect(() => readPart10(bytes)).not.toThrow();
});
