// Series are ordered by these instants, so parsing must not depend on the machine's time zone.
import { isoInstant } from './isoInstant';

describe('isoInstant', () => {
  it('reads a date as midnight UTC and a date-time without an offset as UTC', () => {
    expect(isoInstant('2024-03-04', 'd')).toBe(Date.UTC(2024, 2, 4));
    expect(isoInstant('2024-03-04T09:10', 'd')).toBe(Date.UTC(2024, 2, 4, 9, 10));
    expect(isoInstant('2024-03-04T09:10:05.25', 'd')).toBe(Date.UTC(2024, 2, 4, 9, 10, 5, 250));
  });

  it('applies an offset: 23:30 at −02:00 is 01:30 UTC the next day', () => {
    expect(isoInstant('2024-03-04T23:30:00-02:00', 'd')).toBe(Date.UTC(2024, 2, 5, 1, 30));
    expect(isoInstant('2024-03-04T09:10:00+0100', 'd')).toBe(Date.UTC(2024, 2, 4, 8, 10));
    expect(isoInstant('2024-03-04T09:10:00Z', 'd')).toBe(Date.UTC(2024, 2, 4, 9, 10));
  });

  it.each(['20240304', '2024-02-30', '2024-13-01', '2024-03-04T24:00', 'yesterday', ''])('rejects %p, naming the argument', (value) => {
    expect(() => isoInstant(value, 'observations[0].date')).toThrow(expect.objectContaining({ name: 'ProgrammeInputError', argument: 'observations[0].date' }));
  });
});
