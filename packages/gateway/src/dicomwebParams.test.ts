import { isDicomUid } from './dicomUid';
import { invalidDicomwebParam } from './dicomwebParams';

describe('route parameters', () => {
  test.each(['1.2.840.10008.5.1.4.1.1.66.4', '2.25.329800735698586629295641978511506172918', '0.0', `1.${'2'.repeat(62)}`])('%s is a UID', (uid) => {
    expect(isDicomUid(uid)).toBe(true);
  });

  test.each(['1', '1.2.abc', '1..2', '01.2', '1.02', '.1.2', '1.2.', `1.${'2'.repeat(63)}`, '1.2 ', '-1.2', '1.2e3'])('%j is not a UID (PS3.5 9.1)', (uid) => {
    expect(isDicomUid(uid)).toBe(false);
  });

  test('frames: a list of frame numbers from 1', () => {
    expect(invalidDicomwebParam({ study: '1.2', series: '1.3', instance: '1.4', frames: '1,2,300' })).toBeNull();
    expect(invalidDicomwebParam({ frames: '0' })).toBe('frames');
    expect(invalidDicomwebParam({ frames: '1;2' })).toBe('frames');
    expect(invalidDicomwebParam({ frames: '' })).toBe('frames');
  });

  test('bulk data: a tag, or a tag path through sequence items', () => {
    expect(invalidDicomwebParam({ '*': '7fe00010' })).toBeNull();
    expect(invalidDicomwebParam({ '*': '00409096/0/00409212' })).toBeNull();
    expect(invalidDicomwebParam({ '*': '../../system' })).toBe('bulk data path');
    expect(invalidDicomwebParam({ '*': '7fe00010/' })).toBe('bulk data path');
  });

  test('the first invalid UID is named', () => {
    expect(invalidDicomwebParam({ study: '1.2', series: 'servers' })).toBe('series');
  });
});
