// The QC dossier's data and page, assembled from one whole case of the audit fixture — Rivera
// (self-declared) and Chen (authenticated) annotate under ct-lung-nodule 1.1.0, Lindqvist
// (authenticated) reviews and escalates the right lung, Singh (self-declared) adjudicates — with one
// SEG changed in the PACS since, and a study without a SEG. The dossier computes nothing anew: its
// audit trail is auditRows', its programme driftJson's, its findings audit verify's (caseFindings);
// what it adds (roster, SOP versions and their changes, rates, self-declared adjudications) is
// checked against the fixture's facts. The page fetches nothing and leaves the patient out unless asked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  auditRows, caseRecordsFromObjects, loadSop, NO_REVIEWER_CHOICES, programmeReliability,
  type CalibrationCaseScore, type CaseInventory, type CaseRecords, type DicomJsonDataset, type ProgrammeReliabilityFromPacs,
} from '@segqc/core';
import { auditCase, SIGN_INS, SOP, withOnePixelByteChanged } from '../../../core/src/audit/audit.fixture';
import { caseFindings } from '../audit/caseFindings';
import { signatureCheckerOf } from '../audit/signatureChecker';
import { driftJson } from '../drift/driftReport';
import { defaultSopDir, readSopLibrary } from '../qc/sopLibrary';
import { dossierDocument, type DossierInput } from './dossierDocument';
import { dossierHtml } from './dossierHtml';
import { metricConventionsText } from './metricConventionsText';

const fixture = auditCase();
// Chen's SEG was changed in the PACS after the review judged it.
const objects = fixture.objects.map((object) => (object.sopInstanceUid === fixture.uids.segB ? { ...object, bytes: withOnePixelByteChanged(object.bytes) } : object));
// Read as segqc audit reads it: signatures checked (the fixture's reports carry none), no trust store.
const { records, retrieved } = caseRecordsFromObjects(fixture.studyInstanceUid, objects, fixture.images, { signatures: signatureCheckerOf(null) });
const EMPTY_STUDY = '1.2.826.0.1.3680043.8.498.1';
const empty: CaseRecords = { studyInstanceUid: EMPTY_STUDY, patient: {}, events: [], unreadable: [] };

// The library in force: the repository's, and a next version of the CT SOP that raises the nodule's Dice minimum and adds a synonym.
const library = readSopLibrary(defaultSopDir());
const schema = JSON.parse(readFileSync(join(defaultSopDir(), 'sop.schema.json'), 'utf8')) as object;
const ct = library.sops.find((entry) => entry.sop.id === 'ct-lung-nodule')!;
const ctJson = JSON.parse(readFileSync(ct.file, 'utf8')) as { version: string; structures: Array<{ synonyms: string[]; thresholds: { minDice: number } }> };
const nextJson = structuredClone(ctJson);
nextJson.version = '9.0.0';
nextJson.structures[2].thresholds.minDice = ctJson.structures[2].thresholds.minDice + 0.05;
nextJson.structures[2].synonyms.push('Pulmonary nodules');
const files = [
  ...library.sops.map((entry) => ({ ...entry, json: JSON.parse(readFileSync(entry.file, 'utf8')) as unknown })),
  { file: '/library/ct-lung-nodule-9.json', sop: loadSop(nextJson, schema), json: nextJson as unknown },
];

const calibrationScore: CalibrationCaseScore = {
  caseId: fixture.studyInstanceUid, structure: 'Right lung', modality: 'CT', date: '2026-03-01T09:15:00', dice: 0.93, jaccard: 0.87, hdMm: 4, hd95Mm: 2.5, assdMm: 0.8,
  nsd: { 1: 0.9 }, volumeMl: 10, goldVolumeMl: 10.5, volumeErrorMl: -0.5, volumeErrorPercent: -4.76, judgement: null,
};
const inventoryCase: CaseInventory = {
  studyInstanceUid: fixture.studyInstanceUid, sourceSeriesInstanceUid: fixture.series.images[0].SeriesInstanceUID, modality: 'CT',
  annotations: [], references: [], qcReports: [], reviewerChoices: NO_REVIEWER_CHOICES, unreadable: [], state: 'adjudicated', calibration: false,
};
const programme: ProgrammeReliabilityFromPacs = {
  inventory: { cases: [inventoryCase], studiesWithoutSegs: 1, failures: [] }, observed: [], calibrationCases: [],
  reliability: { ...programmeReliability([], []), calibration: [{ annotator: 'Rivera^Ana', cases: [calibrationScore], structures: [] }] },
  skipped: [],
};
// A StudyID is data from the PACS: it must reach the page as text.
const studies = new Map<string, DicomJsonDataset>([[fixture.studyInstanceUid, { '00200010': { vr: 'SH', Value: ['<CT-01>'] } }]]);

const input = (includePatientIdentifiers: boolean): DossierInput => ({
  pacs: 'https://pacs.example/dicom-web', generatedAt: new Date(Date.UTC(2026, 2, 10, 12)), includePatientIdentifiers,
  trail: [records, empty].map((r) => ({ records: r, findings: caseFindings(r, r === empty ? new Map() : retrieved, null) })),
  journal: null, trustStore: null, programme, studies, seconds: 4.2,
  sopLibrary: { dir: defaultSopDir(), files, invalid: library.invalid }, conventions: metricConventionsText(),
});
const dossier = dossierDocument(input(false));
const html = dossierHtml(dossier);

test('the audit trail is audit export\'s document, the programme drift --json\'s, each case named by its StudyID', () => {
  expect(dossier.auditTrail).toEqual(auditRows([records, empty], { generatedAt: '2026-03-10T12:00:00.000Z' }).document);
  expect(dossier.drift).toEqual(driftJson('https://pacs.example/dicom-web', programme, 4.2));
  expect(dossier.cases).toEqual([
    { studyInstanceUid: fixture.studyInstanceUid, name: '<CT-01>', modality: 'CT', state: 'adjudicated', calibration: false },
    { studyInstanceUid: EMPTY_STUDY, name: EMPTY_STUDY, modality: null, state: null, calibration: false },
  ]);
});

test('the roster: everyone in the objects, with the roles they show, how they are known and their calibration', () => {
  expect(dossier.roster.map((p) => [p.label, p.login, p.roles, p.identity])).toEqual([
    ['Ana Rivera', 'arivera', [{ role: 'annotated', objects: 1 }], { authenticatedObjects: 0, selfDeclaredObjects: 1, signIns: [] }],
    ['Maria Lindqvist', 'mlindqvist', [{ role: 'reviewed', objects: 1 }], { authenticatedObjects: 1, selfDeclaredObjects: 0, signIns: [SIGN_INS.lindqvist] }],
    // The reference SEG and the verified report.
    ['Priya Singh', 'psingh', [{ role: 'adjudicated', objects: 2 }], { authenticatedObjects: 0, selfDeclaredObjects: 2, signIns: [] }],
    ['Wei Chen', 'wchen', [{ role: 'annotated', objects: 1 }], { authenticatedObjects: 1, selfDeclaredObjects: 0, signIns: [SIGN_INS.chen] }],
  ]);
  expect(dossier.roster[0].calibration).toEqual([calibrationScore]);
  expect(dossier.roster.slice(1).every((p) => p.calibration.length === 0)).toBe(true);
  expect(html).toContain('<td class="person">Ana Rivera</td><td>arivera</td><td>annotated (1)</td><td>self-declared on 1 object</td>');
});

test('the SOP versions: the library with its hashes, the version the objects name, the fields changed from one version to the next', () => {
  const library = dossier.sops.library.filter((sop) => sop.id === 'ct-lung-nodule');
  expect(library.map((sop) => [sop.version, sop.sha256])).toEqual([[ctJson.version, ct.sop.reference.sha256], ['9.0.0', files[files.length - 1].sop.reference.sha256]]);
  expect(dossier.sops.named).toEqual([{ id: SOP.id, version: SOP.version, hash: SOP.sha256.slice(0, 16), objects: records.events.filter((event) => event.sop).length, inLibrary: false }]);
  expect(dossier.sops.changes).toEqual([{
    id: 'ct-lung-nodule', from: ctJson.version, to: '9.0.0', fields: [
      { path: 'version', change: 'changed', before: ctJson.version, after: '9.0.0' },
      { path: `structures[2].synonyms[${ctJson.structures[2].synonyms.length}]`, change: 'added', after: 'Pulmonary nodules' },
      { path: 'structures[2].thresholds.minDice', change: 'changed', before: ctJson.structures[2].thresholds.minDice, after: nextJson.structures[2].thresholds.minDice },
    ],
  }]);
  expect(html).toContain(`<td>structures[2].thresholds.minDice</td><td>changed</td><td>${ctJson.structures[2].thresholds.minDice}</td><td>${nextJson.structures[2].thresholds.minDice}</td>`);
});

test('verification: audit verify\'s findings per case, "no finding" for a clean one; the self-declared adjudications said plainly', () => {
  const [changed] = caseFindings(records, retrieved, null);
  expect(changed).toMatchObject({ kind: 'changed', sopInstanceUid: fixture.uids.segB });
  expect(dossier.verification).toEqual({
    journal: null, trustStore: null, byKind: [{ kind: 'changed', findings: 1 }],
    cases: [{ studyInstanceUid: fixture.studyInstanceUid, findings: [changed] }, { studyInstanceUid: EMPTY_STUDY, findings: [] }],
  });
  expect(html).toContain(`<strong>changed</strong> ${changed.message}`);
  expect(html).toContain(`<tr class="verification" data-study="${EMPTY_STUDY}" data-findings="0"><td>${EMPTY_STUDY}</td><td>no finding</td></tr>`);
  // Singh signed the adjudication without sign-in on 3 March 2026 at 14:30 (the fixture's clock), and no signature was made.
  expect(dossier.selfDeclaredAdjudications).toEqual([
    { studyInstanceUid: fixture.studyInstanceUid, sopInstanceUid: fixture.uids.adjudication, name: 'Singh^Priya', login: 'psingh', verifiedAt: '2026-03-03T14:30:00' },
  ]);
  expect(html).toContain('This is not a 21 CFR Part 11 electronic signature.');
});

test('rates: the review escalated the one double-read case and an adjudication is in force', () => {
  expect(dossier.rates).toEqual([
    { modality: 'all', doubleRead: 1, escalated: 1, adjudicated: 1, escalationRate: 1, adjudicationRate: 1 },
    { modality: 'CT', doubleRead: 1, escalated: 1, adjudicated: 1, escalationRate: 1, adjudicationRate: 1 },
  ]);
});

test('each case\'s trail: who did what, when, under which SOP, with decisions and coded reasons', () => {
  expect(html).toContain('<td>2026-03-02T08:00:00</td><td>reviewed (QC report, reviewer)</td><td>Maria Lindqvist (mlindqvist)</td>'
    + `<td>authenticated: ${SIGN_INS.lindqvist.issuer} · ${SIGN_INS.lindqvist.subject}</td><td>ct-lung-nodule@1.1.0</td>`);
  expect(html).toContain('<li>Right lung: escalated — Boundary disagreement; Other reason: B drew the ball 1 mm to the right</li>');
});

test('the metric conventions are packages/core/README.md\'s, quoted', () => {
  expect(dossier.metricConventions.source).toBe('packages/core/README.md');
  expect(dossier.metricConventions.markdown.startsWith('Every result carries these as data')).toBe(true);
  expect(html).toContain('<li><strong>Dice</strong> = 2|A∩B| / (|A|+|B|), 1 when both are empty.');
});

test('one page with inline style, nothing to fetch or run, the PACS\'s text escaped', () => {
  expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\shref=|url\(|@import/i);
  expect(html).toContain('<h3>&lt;CT-01&gt;</h3>');
});

test('the patient\'s name and ID only when asked for', () => {
  const { name, id } = records.patient;
  expect([name, id].every((value) => typeof value === 'string' && value.length > 0)).toBe(true);
  const withPatient = dossierDocument(input(true));
  for (const value of [name!, id!]) {
    expect(JSON.stringify(dossier)).not.toContain(value);
    expect(html).not.toContain(value);
    expect(JSON.stringify(withPatient)).toContain(value);
    expect(dossierHtml(withPatient)).toContain(value);
  }
});
