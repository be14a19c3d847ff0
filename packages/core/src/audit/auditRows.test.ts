// The export a regulator reads: every object and event of the case as rows (and as one JSON
// document), with the identities, times, SOP versions, decisions, metrics and hashes the objects
// record — and the patient's name and ID only when asked for.
import { auditCase, SIGN_INS, SOP } from './audit.fixture';
import { auditCsv } from './auditCsv';
import { AUDIT_COLUMNS, auditRows } from './auditRows';
import { caseRecordsFromObjects } from './caseRecordsFromObjects';
import type { QcReportEvent } from './AuditEvent';

const fixture = auditCase();
const { records } = caseRecordsFromObjects(fixture.studyInstanceUid, fixture.objects, fixture.images);

describe('rows', () => {
  const { rows, columns } = auditRows([records]);

  it('are, in time order, each SEG, each report and the report\'s judged SEGs, decisions and pair metrics', () => {
    expect(rows.map((row) => row.event)).toEqual([
      'annotation', 'annotation',
      'qc-report', 'judged-seg', 'judged-seg', 'decision', 'decision', 'decision', 'agreement', 'agreement', 'agreement',
      'reference-seg',
      'qc-report', 'judged-seg', 'judged-seg', 'judged-seg', 'decision', 'decision', 'decision', ...Array(9).fill('agreement'),
    ]);
    expect(rows.every((row) => row.studyInstanceUid === fixture.studyInstanceUid)).toBe(true);
    expect(columns).toEqual([...AUDIT_COLUMNS]);
  });

  it('give each annotation\'s who, when, SOP and hash', () => {
    expect(rows[0]).toEqual({
      studyInstanceUid: fixture.studyInstanceUid, event: 'annotation', dateTime: '2026-03-01T09:15:00',
      sopInstanceUid: fixture.uids.segA, seriesInstanceUid: expect.any(String), sopClassUid: '1.2.840.10008.5.1.4.1.1.66.4', instanceNumber: '1',
      person: 'Rivera^Ana', login: 'arivera', organization: 'SegQC Test Hospital', role: 'annotator', identity: 'self-declared',
      sopId: 'ct-lung-nodule', sopVersion: '1.1.0', sopHash: SOP.sha256.slice(0, 16), contentLabel: 'ANNOTATION',
      structure: 'Right lung; Lung nodule; Lesion', pixelDataSha256: (records.events[0] as { pixelDataSha256: string }).pixelDataSha256,
    });
    expect(rows[1]).toMatchObject({ person: 'Chen^Wei', login: 'wchen', identity: 'authenticated', issuer: SIGN_INS.chen.issuer, subject: SIGN_INS.chen.subject });
    expect(rows[11]).toMatchObject({ event: 'reference-seg', sopInstanceUid: fixture.uids.referenceSeg, person: 'Singh^Priya', role: 'adjudicator', identity: 'self-declared', contentLabel: 'ADJUDICATED' });
    expect([rows[11].issuer, rows[11].subject]).toEqual([undefined, undefined]);
  });

  it('give each report\'s observer, SOP, sign-off and predecessor chain', () => {
    expect(rows[2]).toMatchObject({
      event: 'qc-report', sopInstanceUid: fixture.uids.review, person: 'Lindqvist^Maria', login: 'mlindqvist', role: 'reviewer',
      identity: 'authenticated', issuer: SIGN_INS.lindqvist.issuer, subject: SIGN_INS.lindqvist.subject, sopId: SOP.id, sopVersion: SOP.version, sopHash: SOP.sha256, instanceNumber: '1',
    });
    expect(rows[2].predecessors).toBeUndefined();
    expect(rows[12]).toMatchObject({
      event: 'qc-report', sopInstanceUid: fixture.uids.adjudication, person: 'Singh^Priya', role: 'adjudicator', identity: 'self-declared', instanceNumber: '2',
      verifiedBy: 'Singh^Priya', verifierLogin: 'psingh', verifiedAt: '2026-03-03T14:30:00',
      predecessors: fixture.uids.review, predecessorChain: fixture.uids.review,
    });
  });

  it('leave the identity of a judged SEG\'s annotator to that SEG\'s own row: the report does not record it', () => {
    const judged = rows.filter((row) => row.event === 'judged-seg');
    expect(judged.map((row) => [row.identity, row.issuer, row.subject])).toEqual(Array(judged.length).fill([undefined, undefined, undefined]));
  });

  it('give the hash each report recorded of each SEG it judged', () => {
    const judged = rows.filter((row) => row.event === 'judged-seg' && row.sopInstanceUid === fixture.uids.adjudication);
    const report = records.events[4] as QcReportEvent;
    expect(judged.map((row) => [row.annotation, row.referencedSopInstanceUid, row.pixelDataSha256, row.referenceStandard, row.person])).toEqual([
      ['A', fixture.uids.segA, report.judged[0].pixelDataSha256, undefined, 'Rivera^Ana'],
      ['B', fixture.uids.segB, report.judged[1].pixelDataSha256, undefined, 'Chen^Wei'],
      ['C', fixture.uids.referenceSeg, report.judged[2].pixelDataSha256, 'ADJUDICATED', 'Singh^Priya'],
    ]);
  });

  it('give each decision with its reasons, by whom', () => {
    expect(rows[5]).toMatchObject({ event: 'decision', sopInstanceUid: fixture.uids.review, person: 'Lindqvist^Maria', structure: 'Right lung', outcome: 'escalated', reasons: 'boundaryDisagreement; other: B drew the ball 1 mm to the right' });
    expect(rows[16]).toMatchObject({ event: 'decision', sopInstanceUid: fixture.uids.adjudication, person: 'Singh^Priya', structure: 'Right lung', outcome: 'majority', reasons: 'boundaryDisagreement' });
    expect(rows[6].reasons).toBeUndefined();
  });

  it('give every metric of each pair in full, an undefined distance as the word', () => {
    const pair = (records.events[2] as QcReportEvent).metrics[0];
    expect(rows[8]).toMatchObject({
      event: 'agreement', structure: 'Right lung', pair: 'A-B', pairSopInstanceUids: `${fixture.uids.segA}; ${fixture.uids.segB}`,
      volumesMl: `${pair.volumesMl[0]}; ${pair.volumesMl[1]}`, dice: String(pair.dice), jaccard: String(pair.jaccard),
      hdMm: String(pair.hdMm), hd95Mm: String(pair.hd95Mm), assdMm: String(pair.assdMm), nsd: `1mm=${pair.nsd['1']}; 2mm=${pair.nsd['2']}`,
    });
    expect(rows[10]).toMatchObject({ structure: 'Lesion', dice: '1', hdMm: 'undefined', hd95Mm: 'undefined', assdMm: 'undefined', nsd: '1mm=undefined; 2mm=undefined', volumesMl: '0; 0' });
  });
});

describe('patient identifiers', () => {
  it('are in no row, column or document unless asked for', () => {
    const { rows, columns, document } = auditRows([records]);
    const text = JSON.stringify({ rows, columns, document }) + auditCsv(columns, rows);
    expect(text).not.toContain('Fixture^Patient');
    expect(text).not.toContain('FIX-001');
    expect(document.includesPatientIdentifiers).toBe(false);
  });

  it('are given in two columns after the study, and in the document, when asked for', () => {
    const { rows, columns, document } = auditRows([records], { includePatientIdentifiers: true, generatedAt: '2026-03-04T12:00:00.000Z' });
    expect(columns.slice(0, 4)).toEqual(['studyInstanceUid', 'patientName', 'patientId', 'event']);
    expect(rows.every((row) => row.patientName === 'Fixture^Patient' && row.patientId === 'FIX-001')).toBe(true);
    expect(document).toMatchObject({ format: 'segqc-audit-trail', version: 1, generatedAt: '2026-03-04T12:00:00.000Z', includesPatientIdentifiers: true, cases: [{ studyInstanceUid: fixture.studyInstanceUid, patient: { name: 'Fixture^Patient', id: 'FIX-001' } }] });
  });
});

test('the document holds the events themselves, each report with its predecessor chain', () => {
  const { document } = auditRows([records]);
  expect(document.cases[0].events.map((event) => event.sopInstanceUid)).toEqual(records.events.map((event) => event.sopInstanceUid));
  expect(document.cases[0].events[4]).toEqual({ ...records.events[4], predecessorChain: [fixture.uids.review] });
  expect(document.cases[0].events[0]).toEqual(records.events[0]);
});

describe('CSV', () => {
  it('has a header and one CRLF line per row; commas and quotes are quoted; a line break in a value is a space', () => {
    const csv = auditCsv(['studyInstanceUid', 'event', 'person', 'reasons'], [
      { studyInstanceUid: '1.2.3', event: 'decision', person: 'O\'Brien^Pat', reasons: 'other: "too big", redo\nplease' },
    ]);
    expect(csv).toBe('studyInstanceUid,event,person,reasons\r\n1.2.3,decision,O\'Brien^Pat,"other: ""too big"", redo please"\r\n');
  });

  it('writes no control character: a name with ESC [2J, an OSC title and U+009B keeps its printable text only', () => {
    const csv = auditCsv(['studyInstanceUid', 'event', 'person'], [{ studyInstanceUid: '1.2.3', event: 'annotation', person: 'Evil\u001b[2J\u001b]0;title\u0007\u009b31m^Mallory' }]);
    expect(csv.split('\r\n')[1]).toBe('1.2.3,annotation,Evil[2J]0;title31m^Mallory');
    expect(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(csv)).toBe(false);
  });

  it('writes a text a spreadsheet would run as a formula with a leading apostrophe, numbers as they are', () => {
    const csv = auditCsv(['studyInstanceUid', 'event', 'person', 'dice'], [{ studyInstanceUid: '1.2.3', event: 'annotation', person: '=HYPERLINK("http://x")', dice: '-0.5' }]);
    expect(csv.split('\r\n')[1]).toBe('1.2.3,annotation,"\'=HYPERLINK(""http://x"")",-0.5');
  });

  it('of the case has one line per row plus the header', () => {
    const { rows, columns } = auditRows([records]);
    expect(auditCsv(columns, rows).split('\r\n').filter(Boolean)).toHaveLength(rows.length + 1);
  });

  it('says for each SEG and report how its person is known: authenticated with issuer and subject, or self-declared', () => {
    const { rows, columns } = auditRows([records]);
    const lines = auditCsv(columns, rows).split('\r\n');
    const [identity, issuer, subject] = ['identity', 'issuer', 'subject'].map((column) => columns.indexOf(column as never));
    const cells = (line: string) => { const fields = line.split(','); return [fields[identity], fields[issuer], fields[subject]]; };
    expect(cells(lines[1])).toEqual(['self-declared', '', '']); // Rivera's annotation
    expect(cells(lines[2])).toEqual(['authenticated', SIGN_INS.chen.issuer, SIGN_INS.chen.subject]); // Chen's
  });
});
