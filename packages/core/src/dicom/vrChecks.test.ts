// The writers validate every value before it is stored; each check must reject what PS3.5 forbids
// and name the attribute path in its error.
import { DicomValueError } from './DicomValueError';
import {
  checkCodeString, checkDate, checkIntegerString, checkLongString, checkPersonName, checkShortString, checkTime, checkUid,
} from './vrChecks';

function errorOf(fn: () => unknown): DicomValueError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DicomValueError) return error;
    throw error;
  }
  throw new Error('expected a DicomValueError');
}

describe('VR checks', () => {
  it('accepts valid values and returns them', () => {
    expect(checkCodeString('ADJUDICATED', 'ContentLabel')).toBe('ADJUDICATED');
    expect(checkLongString('Right lung', 'SegmentLabel')).toBe('Right lung');
    expect(checkShortString('39607008', 'CodeValue')).toBe('39607008');
    expect(checkPersonName('Rivera^Ana', 'ContentCreatorName')).toBe('Rivera^Ana');
    expect(checkDate('20240229', 'ContentDate')).toBe('20240229');
    expect(checkTime('093000', 'ContentTime')).toBe('093000');
    expect(checkTime('093000.123456', 'ContentTime')).toBe('093000.123456');
    expect(checkUid('1.2.840.10008.5.1.4.1.1.66.4', 'SOPClassUID')).toBe('1.2.840.10008.5.1.4.1.1.66.4');
    expect(checkIntegerString(300, 'SeriesNumber')).toBe(300);
  });

  it.each([
    ['lowercase CS', () => checkCodeString('gold', 'ContentLabel'), 'ContentLabel'],
    ['17-character CS', () => checkCodeString('A'.repeat(17), 'ContentLabel'), 'ContentLabel'],
    ['65-character LO', () => checkLongString('x'.repeat(65), 'SegmentLabel'), 'SegmentLabel'],
    ['LO with backslash', () => checkLongString('a\\b', 'SegmentLabel'), 'SegmentLabel'],
    ['empty type-1 LO', () => checkLongString(' ', 'SegmentLabel'), 'SegmentLabel'],
    ['LO with newline', () => checkLongString('a\nb', 'SeriesDescription'), 'SeriesDescription'],
    ['PN with 6 components', () => checkPersonName('a^b^c^d^e^f', 'ContentCreatorName'), 'ContentCreatorName'],
    ['empty PN', () => checkPersonName('^', 'ContentCreatorName'), 'ContentCreatorName'],
    ['31 February', () => checkDate('20240231', 'ContentDate'), 'ContentDate'],
    ['ISO date', () => checkDate('2024-02-01', 'ContentDate'), 'ContentDate'],
    ['25 o’clock', () => checkTime('250000', 'ContentTime'), 'ContentTime'],
    ['UID with leading zero', () => checkUid('1.02.3', 'SeriesInstanceUID'), 'SeriesInstanceUID'],
    ['65-character UID', () => checkUid(`1.${'1'.repeat(63)}`, 'SeriesInstanceUID'), 'SeriesInstanceUID'],
    ['fractional IS', () => checkIntegerString(1.5, 'SeriesNumber'), 'SeriesNumber'],
  ])('rejects %s naming the attribute', (_, fn, path) => {
    const error = errorOf(fn);
    expect(error.attributePath).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });
});
