// Every date in the cohort is computed, never read from the clock.
import { addDays, daysBetween, localDateTime } from './dates';
import { patientAge } from './patientAge';

describe('dates', () => {
  it('adds days across months and leap years', () => {
    expect(addDays('20240226', 7)).toBe('20240304');
    expect(addDays('20240304', -9)).toBe('20240224');
    expect(addDays('20231231', 1)).toBe('20240101');
  });

  it('counts whole days between dates', () => {
    expect(daysBetween('20240304', '20240503')).toBe(60);
    expect(daysBetween('20240503', '20240304')).toBe(-60);
  });

  it('reads DA and TM as local time, so a writer formatting local time gives them back', () => {
    const at = localDateTime('20240415', '103700');
    expect([at.getFullYear(), at.getMonth() + 1, at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds()]).toEqual([2024, 4, 15, 10, 37, 0]);
  });

  it('gives the DICOM age string, counting the birthday', () => {
    expect(patientAge('19600315', '20240314')).toBe('063Y');
    expect(patientAge('19600315', '20240315')).toBe('064Y');
  });
});
