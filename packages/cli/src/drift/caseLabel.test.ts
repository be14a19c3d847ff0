// One name per case (issue 14): the CLI's report and the viewer's pages call a case by the same
// rule (StudyID, else AccessionNumber, else the Study Instance UID; never the PatientID), so the
// demo's calibration case is CT-CAL in both, not also SEGQC-CAL-01 or "CT-CALGOLD".
import type { DicomJsonDataset } from '@segqc/core';
import { demoCohort } from '@segqc/demo-data';
import { caseLabel as viewerCaseLabel } from '../../../../extensions/segmentation-qc/src/programme/caseSummary';
import { caseLabel } from './readProgramme';

const UID = '2.25.1';
const study = (attributes: Record<string, string>): DicomJsonDataset => Object.fromEntries(
  Object.entries(attributes).map(([tag, value]) => [tag, { vr: tag === '00100020' ? 'LO' : 'SH', Value: [value] }]),
) as DicomJsonDataset;

test('the demo calibration case is CT-CAL in the CLI and on the viewer\'s pages', () => {
  const plan = demoCohort({ cases: ['ct-cal'] })[0];
  const attributes = study({ '00200010': plan.StudyID, '00080050': plan.AccessionNumber, '00100020': plan.PatientID });
  const studies = new Map([[plan.StudyInstanceUID, attributes]]);
  expect(caseLabel(studies, plan.StudyInstanceUID)).toBe('CT-CAL');
  expect(viewerCaseLabel(attributes, plan.StudyInstanceUID)).toBe('CT-CAL');
});

test.each<[string, Record<string, string>, string]>([
  ['StudyID first', { '00200010': 'CT-CAL', '00080050': 'SQ241008', '00100020': 'SEGQC-CT-CAL' }, 'CT-CAL'],
  ['else the accession number', { '00080050': 'SQ241008', '00100020': 'SEGQC-CT-CAL' }, 'SQ241008'],
  ['never the PatientID', { '00100020': 'SEGQC-CT-CAL' }, UID],
  ['blank values count as absent', { '00200010': '  ', '00080050': 'SQ241008' }, 'SQ241008'],
])('%s: the CLI and the viewer agree', (_, attributes, name) => {
  expect(caseLabel(new Map([[UID, study(attributes)]]), UID)).toBe(name);
  expect(viewerCaseLabel(study(attributes), UID)).toBe(name);
});

test('a study the PACS did not describe is its Study Instance UID in both', () => {
  expect(caseLabel(new Map(), UID)).toBe(UID);
  expect(viewerCaseLabel(undefined, UID)).toBe(UID);
});
