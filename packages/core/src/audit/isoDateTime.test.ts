import { isoDateTime, isoFromDicomDateTime } from './isoDateTime';

test('DA and TM, with the parts TM may leave out (PS3.5 6.2)', () => {
  expect(isoDateTime('20260302', '101500')).toBe('2026-03-02T10:15:00');
  expect(isoDateTime('20260302', '1015')).toBe('2026-03-02T10:15:00');
  expect(isoDateTime('20260302', '10')).toBe('2026-03-02T10:00:00');
  expect(isoDateTime('20260302', '101500.123456')).toBe('2026-03-02T10:15:00.123456');
  expect(isoDateTime('20260302', '10:15:00')).toBe('2026-03-02T10:15:00');
  expect(isoDateTime('20260302', undefined)).toBe('2026-03-02T00:00:00');
  expect(isoDateTime(undefined, '101500')).toBeUndefined();
  expect(isoDateTime('2026-03-02', '101500')).toBeUndefined();
});

test('DT, keeping a written offset; other text as it is', () => {
  expect(isoFromDicomDateTime('20260303143000')).toBe('2026-03-03T14:30:00');
  expect(isoFromDicomDateTime('20260303143000.5+0100')).toBe('2026-03-03T14:30:00.5+0100');
  expect(isoFromDicomDateTime('yesterday')).toBe('yesterday');
});
