// The cohort plan is the contract the server, the browser test and the QC features are built on:
// who annotated and adjudicated what, when, and under which UIDs.
import { qcReportSeriesUid, referenceSegSeriesUid } from '@segqc/core';
import { demoCohort, DEMO_CASE_IDS, PROGRAMME_START } from './cohort';
import { daysBetween } from './dates';

describe('demoCohort', () => {
  const cohort = demoCohort();

  it('has 8 CT cases, 1 calibration CT case and 2 MR cases', () => {
    expect(DEMO_CASE_IDS).toEqual(['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07', 'ct-08', 'ct-cal', 'mr-01', 'mr-02']);
    expect(cohort.map((c) => c.kind)).toEqual([...Array(8).fill('ct'), 'ct-calibration', 'mr', 'mr']);
  });

  it('gives CT cases 1-4 nodules, one CT series of 100 slices and three annotators', () => {
    for (const c of cohort.filter((c) => c.kind === 'ct')) {
      expect(c.lesionCount).toBeGreaterThanOrEqual(1);
      expect(c.lesionCount).toBeLessThanOrEqual(4);
      expect(c.series).toHaveLength(1);
      expect(c.series[0]).toMatchObject({ Modality: 'CT', numberOfInstances: 100 });
      expect(c.segs.map((s) => `${s.annotator.name}/${s.annotator.login}`)).toEqual(['Rivera^Ana/arivera', 'Chen^Wei/wchen', 'Okafor^Chidi/cokafor']);
      expect(c.segs.every((s) => s.ContentLabel === 'ANNOTATION' && s.segments.map((x) => x.label).join() === 'Right lung,Left lung,Lung nodule')).toBe(true);
    }
  });

  it('names every case once: StudyID is the case id in capitals, PatientID that name after SEGQC-', () => {
    expect(cohort.map((c) => [c.StudyID, c.PatientID])).toEqual(cohort.map((c) => [c.caseId.toUpperCase(), `SEGQC-${c.caseId.toUpperCase()}`]));
    expect(cohort.map((c) => c.StudyID)).toContain('CT-CAL');
  });

  it('marks the calibration case and gives it a GOLD reference by a senior radiologist', () => {
    const calibration = cohort.find((c) => c.kind === 'ct-calibration')!;
    // One name per case (issue 14): the calibration case is CT-CAL, its patient SEGQC-CT-CAL.
    expect([calibration.caseId, calibration.StudyID, calibration.PatientID]).toEqual(['ct-cal', 'CT-CAL', 'SEGQC-CT-CAL']);
    expect(calibration.segs[0]).toMatchObject({ ContentLabel: 'GOLD', annotator: { name: 'Lindqvist^Maria', login: 'mlindqvist' } });
    expect(calibration.segs.slice(1).map((s) => s.annotator.key)).toEqual(['rivera', 'chen', 'okafor']);
  });

  it('gives ct-01..ct-07 a signed adjudication by the senior radiologist, 1-3 days after their last annotation; ct-08, the calibration and MR cases none', () => {
    for (const c of cohort) {
      if (!['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07'].includes(c.caseId)) {
        expect(c.reference).toBeNull();
        continue;
      }
      const reference = c.reference!;
      expect(reference).toMatchObject({
        path: `${c.caseId}/reference/adjudicated.dcm`,
        ContentLabel: 'ADJUDICATED',
        adjudicator: { name: 'Lindqvist^Maria', login: 'mlindqvist' },
        sourceSeriesInstanceUID: c.series[0].SeriesInstanceUID,
        report: { path: `${c.caseId}/sr/adjudication.dcm` },
        segments: [{ number: 1, label: 'Right lung' }, { number: 2, label: 'Left lung' }, { number: 3, label: 'Lung nodule' }],
      });
      const last = Math.max(...c.segs.map((s) => daysBetween(PROGRAMME_START, s.ContentDate)));
      expect(daysBetween(PROGRAMME_START, reference.ContentDate) - last).toBeGreaterThanOrEqual(1);
      expect(daysBetween(PROGRAMME_START, reference.ContentDate) - last).toBeLessThanOrEqual(3);
      expect(reference.ContentTime).toMatch(/^1[01][0-5]\d00$/);
      // SegQC's series for a study's reference standards and QC reports.
      expect(reference.SeriesInstanceUID).toBe(referenceSegSeriesUid(c.StudyInstanceUID));
      expect(reference.report.SeriesInstanceUID).toBe(qcReportSeriesUid(c.StudyInstanceUID));
    }
  });

  it('gives MR cases T1, T2 and FLAIR series on one frame of reference and two FLAIR annotations', () => {
    for (const c of cohort.filter((c) => c.kind === 'mr')) {
      expect(c.series.map((s) => [s.sequence, s.SeriesDescription, s.numberOfInstances])).toEqual([
        ['T1', 'T1 SE axial', 40], ['T2', 'T2 TSE axial', 40], ['FLAIR', 'FLAIR axial', 40],
      ]);
      expect(c.lesionCount).toBeGreaterThanOrEqual(3);
      expect(c.lesionCount).toBeLessThanOrEqual(8);
      expect(c.segs).toHaveLength(2);
      expect(c.segs.every((s) => s.sourceSeriesInstanceUID === c.series[2].SeriesInstanceUID)).toBe(true);
    }
  });

  it('spreads the CT annotations over at least 8 weeks, case i in week i, annotators days apart', () => {
    const ct = cohort.filter((c) => c.kind === 'ct');
    const days = ct.flatMap((c) => c.segs.map((s) => daysBetween(PROGRAMME_START, s.ContentDate)));
    expect(Math.max(...days) - Math.min(...days)).toBeGreaterThanOrEqual(49);
    ct.forEach((c, i) => {
      const [rivera, chen, okafor] = c.segs.map((s) => daysBetween(PROGRAMME_START, s.ContentDate));
      expect(Math.floor(rivera / 7)).toBe(i);
      expect(chen - rivera).toBe(2);
      expect(okafor - chen).toBe(2);
      expect(daysBetween(c.StudyDate, c.segs[0].ContentDate)).toBeGreaterThan(0); // annotated after the scan
    });
  });

  it('uses a distinct UID for every study, series, SEG and frame of reference', () => {
    const uids = cohort.flatMap((c) => [
      c.StudyInstanceUID, c.FrameOfReferenceUID, ...c.series.map((s) => s.SeriesInstanceUID), ...c.segs.flatMap((s) => [s.SeriesInstanceUID, s.SOPInstanceUID]),
      ...(c.reference ? [c.reference.SeriesInstanceUID, c.reference.SOPInstanceUID, c.reference.report.SeriesInstanceUID, c.reference.report.SOPInstanceUID] : []),
    ]);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids.every((uid) => /^2\.25\.[1-9]\d*$/.test(uid))).toBe(true);
  });

  it('filters by case id with the same plans, and rejects unknown ids', () => {
    expect(demoCohort({ cases: ['mr-01', 'ct-02'] })).toEqual([cohort[1], cohort[9]]);
    expect(() => demoCohort({ cases: ['ct-99'] })).toThrow('unknown demo case id(s): ct-99');
  });
});
