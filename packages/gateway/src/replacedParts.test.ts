import { parseMultipartRelated } from '@segqc/core';
import { withPartsReplaced } from './replacedParts';
import { StoreRefusal } from './storeRefusal';

const CONTENT_TYPE = 'multipart/related; type="application/dicom"; boundary=b';
const sent = Buffer.from('preamble\r\n--b\r\nContent-Type: application/dicom\r\n\r\nfirst\r\n--b\r\nContent-Type: application/dicom\r\n\r\nsecond\r\n--b--\r\nepilogue');

// The body the PACS gets is the client's with one part's content replaced, nothing else moved.
test('a part replaced by longer bytes: every other byte as sent', () => {
  const [, second] = parseMultipartRelated(sent, CONTENT_TYPE);
  const rebuilt = withPartsReplaced(sent, CONTENT_TYPE, parseMultipartRelated(sent, CONTENT_TYPE), [{ part: second!, bytes: Buffer.from('the second, stamped') }]);
  expect(rebuilt.toString('latin1')).toBe('preamble\r\n--b\r\nContent-Type: application/dicom\r\n\r\nfirst\r\n--b\r\nContent-Type: application/dicom\r\n\r\nthe second, stamped\r\n--b--\r\nepilogue');
});

test('several parts replaced, given in any order', () => {
  const [first, second] = parseMultipartRelated(sent, CONTENT_TYPE);
  const rebuilt = withPartsReplaced(sent, CONTENT_TYPE, parseMultipartRelated(sent, CONTENT_TYPE), [{ part: second!, bytes: Buffer.from('2') }, { part: first!, bytes: Buffer.from('1') }]);
  expect(parseMultipartRelated(rebuilt, CONTENT_TYPE).map((part) => Buffer.from(part.body).toString())).toEqual(['1', '2']);
});

test('new bytes holding a delimiter line of the boundary are refused: the PACS would see other parts', () => {
  const [first] = parseMultipartRelated(sent, CONTENT_TYPE);
  expect(() => withPartsReplaced(sent, CONTENT_TYPE, parseMultipartRelated(sent, CONTENT_TYPE), [{ part: first!, bytes: Buffer.from('one\r\n--b\r\nContent-Type: application/dicom\r\n\r\nsmuggled') }])).toThrow(StoreRefusal);
});
