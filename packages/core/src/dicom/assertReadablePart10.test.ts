// Why: dcmjs inflates a Deflated Explicit VR Little Endian dataset without bound, so a ~64 KB object
// from a hostile PACS became 64 MB (and 1 MB became 1 GB) in `segqc qc`, `drift`, `audit` and the
// viewer's worker. The transfer syntax is now read from the File Meta Information before any
// parser sees the bytes, and every reader of PACS bytes refuses such an object with a typed error.
import { inflateRawSync } from 'node:zlib';
import { generateDemoFiles } from '@segqc/demo-data';
import { segEventOf } from '../audit/segEvent';
import { describeJudgedSeg } from '../sr/describeJudgedSeg';
import { readQcReport } from '../sr/readQcReport';
import { writeQcReport } from '../sr/buildQcReport';
import { syntheticReportInit } from '../sr/syntheticReport.fixture';
import { assertReadablePart10, DEFLATED_REFUSAL } from './assertReadablePart10';
import { asDeflatedPart10, obHeader, uiElement } from './deflatedPart10.fixture';
import { MAX_PART10_BYTES, MAX_SR_BYTES } from './readLimits';
import { readPart10 } from './readPart10';
import { RefusedObjectError } from './RefusedObjectError';

const report = writeQcReport(syntheticReportInit());
/** The report with 64 MiB of zeros in a private OB element: about 64 KB once deflated. */
const bomb = asDeflatedPart10(report, [obHeader(0x0099, 0x1000, 64 * 1024 * 1024), new Uint8Array(64 * 1024 * 1024)]);
const seg = [...generateDemoFiles({ cases: ['mr-01'] })].find((file) => file.path === 'mr-01/seg/chen.dcm')!.bytes;

function refusal(read: () => unknown): RefusedObjectError {
  try {
    read();
  } catch (error) {
    if (error instanceof RefusedObjectError) return error;
    throw error;
  }
  throw new Error('not refused');
}

test('the bomb is small as stored and would be 64 MiB inflated', () => {
  expect(bomb.length).toBeLessThan(200_000);
  const datasetStart = 144 + new DataView(bomb.buffer).getUint32(140, true);
  expect(inflateRawSync(bomb.subarray(datasetStart)).length).toBeGreaterThan(64 * 1024 * 1024);
});

test('an Explicit VR Little Endian report passes and reads', () => {
  expect(() => assertReadablePart10(report)).not.toThrow();
  expect(readQcReport(report).qc).toEqual(syntheticReportInit());
});

test('a deflated object is refused naming the transfer syntax, by every reader of PACS bytes', () => {
  for (const read of [() => assertReadablePart10(bomb), () => readPart10(bomb), () => readQcReport(bomb)]) {
    const error = refusal(read);
    expect([error.refusal, error.attributePath, error.reason]).toEqual(['deflated', 'TransferSyntaxUID', DEFLATED_REFUSAL]);
    expect(error.message).toContain('deflated transfer syntax is refused');
  }
});

test('a deflated SEG is refused by the SEG header readers too (audit, QC report), before dcmjs', () => {
  const deflatedSeg = asDeflatedPart10(seg);
  for (const read of [() => describeJudgedSeg(deflatedSeg), () => segEventOf(deflatedSeg), () => readPart10(deflatedSeg, { untilPixelData: true })]) {
    expect(refusal(read).refusal).toBe('deflated');
  }
});

test('the deflated UID is found however it is padded, and when the meta repeats (0002,0010) (dcmjs keeps the last)', () => {
  const withMeta = (...elements: Uint8Array[]) => {
    const groupLength = elements.reduce((n, e) => n + e.length, 0);
    const header = Uint8Array.from([0x02, 0x00, 0x00, 0x00, 0x55, 0x4c, 0x04, 0x00, groupLength & 0xff, groupLength >> 8, 0, 0]);
    return new Uint8Array(Buffer.concat([new Uint8Array(128), Buffer.from('DICM'), header, ...elements, new Uint8Array(16)]));
  };
  const padded = (text: string) => {
    const element = uiElement(0x0010, 'x'.repeat(text.length));
    element.set(Buffer.from(text, 'latin1'), 8);
    return element;
  };
  expect(refusal(() => assertReadablePart10(withMeta(padded(' 1.2.840.10008.1.2.1.99 ')))).refusal).toBe('deflated');
  expect(refusal(() => assertReadablePart10(withMeta(padded('1.2.840.10008.1.2.1.99\0\0')))).refusal).toBe('deflated');
  expect(refusal(() => assertReadablePart10(withMeta(uiElement(0x0010, '1.2.840.10008.1.2.1'), uiElement(0x0010, '1.2.840.10008.1.2.1.99')))).refusal).toBe('deflated');
  expect(() => assertReadablePart10(withMeta(uiElement(0x0010, '1.2.840.10008.1.2.1.990')))).not.toThrow();
});

test('an object over the limit is refused before it is parsed; SRs have a lower limit', () => {
  expect(MAX_PART10_BYTES).toBe(512 * 1024 * 1024);
  // A 600-frame 512×512 8-bit LABELMAP SEG (~157 MB) is under the limit.
  expect(600 * 512 * 512).toBeLessThan(MAX_PART10_BYTES);
  const error = refusal(() => assertReadablePart10(report, 1000));
  expect([error.refusal, error.attributePath, error.reason]).toEqual(['too-large', '(file)', `is ${report.length} bytes, more than the 1000 bytes SegQC reads`]);
  expect(refusal(() => readPart10(report, { maxBytes: report.length - 1 })).refusal).toBe('too-large');
  expect(MAX_SR_BYTES).toBeLessThan(MAX_PART10_BYTES);
});

test('a meta element whose length runs past the end is refused: its transfer syntax cannot be known', () => {
  const broken = report.slice();
  // (0002,0002) MediaStorageSOPClassUID, after the group length (12 bytes) and the version (14): its length field.
  expect([broken[158], broken[159], broken[160], broken[161]]).toEqual([0x02, 0x00, 0x02, 0x00]);
  broken.set([0xff, 0xff], 164);
  const error = refusal(() => assertReadablePart10(broken.slice(0, 1000)));
  expect([error.refusal, error.attributePath]).toEqual(['malformed-meta', '(file meta information)']);
});

test('bytes without "DICM" are left to the parser, which refuses them', () => {
  expect(() => assertReadablePart10(new Uint8Array(300))).not.toThrow();
  expect(() => readPart10(new Uint8Array(300))).toThrow(/is not a readable DICOM Part 10 file/);
});
