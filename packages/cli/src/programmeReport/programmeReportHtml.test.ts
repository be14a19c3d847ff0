// The report document around its charts and tables: self-contained (nothing to fetch, no script),
// what a PACS holds shown as text only — a study description is data, never markup — and the
// sections of the dashboard present even when the programme has nothing to chart yet.
import { NO_REVIEWER_CHOICES, programmeReliability, type CaseInventory, type DicomJsonDataset } from '@segqc/core';
import { programmeReportHtml } from './programmeReportHtml';

const inventoryCase: CaseInventory = {
  studyInstanceUid: '1.2.3', sourceSeriesInstanceUid: '1.2.3.1', modality: 'CT',
  annotations: [{ sopInstanceUid: '1.2.3.9', seriesInstanceUid: '1.2.3.8', contentLabel: 'ANNOTATION', creator: { name: 'Rivera^Ana', login: 'arivera' }, attribution: { name: 'Rivera, Ana', attributed: true }, contentDate: '20240304', contentTime: '0930', sop: { id: 'ct-lung-nodule', version: '1.1.0', shortHash: '0123456789abcdef' }, sourceSeriesInstanceUid: '1.2.3.1', sliceThicknessMm: null, segmentLabels: ['Right lung'] }],
  references: [], qcReports: [], reviewerChoices: NO_REVIEWER_CHOICES, unreadable: [], state: 'not-double-read', calibration: false,
};
const studies = new Map<string, DicomJsonDataset>([['1.2.3', { '00081030': { vr: 'LO', Value: ['<script>alert("x")</script>'] }, '00080020': { vr: 'DA', Value: ['20240304'] } }]]);
const html = programmeReportHtml({
  pacs: 'https://pacs.example/dicom-web',
  generatedAt: new Date(Date.UTC(2024, 3, 1, 12)),
  programme: { inventory: { cases: [inventoryCase], studiesWithoutSegs: 0, failures: [] }, observed: [], calibrationCases: [], reliability: programmeReliability([], []), skipped: [{ studyInstanceUid: '1.2.4', reason: 'its inventory could not be read: HTTP 503 <busy>' }] },
  studies,
  caseName: (uid) => (uid === '1.2.3' ? 'CT-01' : uid),
});

test('one document with inline style and nothing to fetch or run', () => {
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
  expect(html).toContain('<style>');
  expect(html).not.toMatch(/<script|<link|<img|\ssrc=|\shref=|url\(|@import/i);
});

test('what the PACS holds is escaped text', () => {
  expect(html).toContain('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>');
  expect(html).toContain('1.2.4: its inventory could not be read: HTTP 503 &lt;busy&gt;');
});

test('every section of the dashboard, saying why it is empty; the overview row of the case', () => {
  for (const id of ['recalibration', 'drift', 'irr', 'labels', 'calibration', 'overview', 'skipped']) expect(html).toContain(`<section id="${id}">`);
  expect(html).toContain('No case has a reference to compare with yet');
  expect(html).toContain('No calibration case (a case with a GOLD reference SEG) has been annotated.');
  expect(html).toContain('<tr class="overview-row" data-study="1.2.3" data-state="not-double-read" data-modality="CT" data-annotators="[&quot;Rivera^Ana&quot;]" data-calibration="false">'
    + '<td title="1.2.3">CT-01</td><td>2024-03-04</td>');
  expect(html).toContain('<td>Ana Rivera</td><td>ct-lung-nodule@1.1.0</td><td>—</td><td>0</td>');
  expect(html).toContain('https://pacs.example/dicom-web · generated 2024-04-01T12:00:00.000Z · 0 of 1 cases compared');
});
