// How the report's observer is known is always written (DESIGN.md "Trust": authenticated, with
// issuer and subject, or self-declared; missing means self-declared), and the gateway and the
// audit trail trust only what readQcReport gives back. So: both forms round-trip, a verifier who is
// the observer shares the observer's sign-in, and a report that records less than all of it — no
// item (another writer's, or SegQC's before the marker), an Authenticated item without its issuer
// or subject — reads as self-declared, never as authenticated.
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { writePart10 } from '../dicom/part10';
import { DicomValueError } from '../dicom/DicomValueError';
import { buildQcReport, writeQcReport } from './buildQcReport';
import { QcReport, type QcReportInit } from './QcReport';
import { readQcReport } from './readQcReport';
import { syntheticReportInit } from './syntheticReport.fixture';

const SIGN_IN = { issuer: 'https://login.hospital.example/realms/radiology', subject: '248289761001' };
const base = syntheticReportInit();
const authenticated: QcReportInit = { ...base, observer: { ...base.observer!, authentication: SIGN_IN } };

/** The children of the Qualitative Evaluations container (C0034375, UMLS) of a built report. */
function evaluations(dataset: NaturalDataset): NaturalDataset[] {
  const container = (dataset['ContentSequence'] as NaturalDataset[]).find((item) => (item['ConceptNameCodeSequence'] as NaturalDataset[])[0]['CodeValue'] === 'C0034375')!;
  return container['ContentSequence'] as NaturalDataset[];
}
const conceptOf = (item: NaturalDataset) => (item['ConceptNameCodeSequence'] as NaturalDataset[])[0]['CodeValue'];

/** The report's bytes with the Qualitative Evaluations items of these concepts taken out. */
function without(init: QcReportInit, concepts: string[]): Uint8Array {
  const dataset = buildQcReport(init);
  const container = evaluations(dataset);
  container.splice(0, container.length, ...container.filter((item) => !concepts.includes(conceptOf(item) as string)));
  return writePart10(dataset);
}

test('a self-declared observer: Observer identity = Self-declared, read back without authentication', () => {
  const read = readQcReport(writeQcReport(base));
  expect(read.document.evaluations.map((item) => [item.name.value, item.value])).toEqual([
    ['OBSERVER-ID', { value: 'SELF-DECLARED', scheme: '99SEGQC', meaning: 'Self-declared, not authenticated' }],
  ]);
  expect(read.qc!.observer).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'Demo Hospital', role: 'reviewer' });
});

test('an authenticated observer: Observer identity = Authenticated, then the issuer and the subject; read back as written', () => {
  const read = readQcReport(writeQcReport(authenticated));
  expect(read.document.evaluations.map((item) => [item.name.value, item.value])).toEqual([
    ['OBSERVER-ID', { value: 'AUTHENTICATED', scheme: '99SEGQC', meaning: 'Authenticated by an OpenID Provider' }],
  ]);
  expect(read.document.texts.map((item) => [item.name.value, item.name.meaning, item.value])).toEqual([
    ['OIDC-ISSUER', 'OpenID Provider issuer', SIGN_IN.issuer],
    ['OIDC-SUBJECT', 'OpenID Connect subject', SIGN_IN.subject],
  ]);
  expect(read.qc).toEqual(authenticated);
  expect(read.qc!.observer!.authentication).toEqual(SIGN_IN);
});

test('a signed-off report: the verifier is the observer and has the observer\'s sign-in, in both forms', () => {
  const verification = { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'Demo Hospital', dateTime: '20260302113000' };
  const signed: QcReportInit = { ...authenticated, verification: { ...verification, authentication: SIGN_IN } };
  expect(readQcReport(writeQcReport(signed)).qc!.verification).toEqual({ ...verification, authentication: SIGN_IN });
  const selfDeclared: QcReportInit = { ...base, verification };
  expect(readQcReport(writeQcReport(selfDeclared)).qc!.verification).toEqual(verification);
});

test('a verifier\'s sign-in is the observer\'s, or none: anything else is refused before writing', () => {
  const verification = { name: 'Lindqvist^Maria', login: 'mlindqvist', dateTime: '20260302113000' };
  const refusal = (init: QcReportInit) => {
    try {
      new QcReport(init);
    } catch (error) {
      if (error instanceof DicomValueError) return [error.attributePath, error.reason];
      throw error;
    }
    return undefined;
  };
  // The observer signed in, the same person verifies without it: the report could not say both.
  expect(refusal({ ...authenticated, verification })).toEqual(['VerifyingObserverSequence[0]', 'the verifier is the observer mlindqvist: give the observer\'s authentication (authenticated), the one the report records']);
  // Another person verifies as authenticated: the report records only the observer's identity.
  expect(refusal({ ...authenticated, verification: { ...verification, name: 'Singh^Priya', login: 'psingh', authentication: SIGN_IN } })?.[0]).toBe('VerifyingObserverSequence[0]');
  expect(refusal({ ...base, verification: { ...verification, authentication: SIGN_IN } })?.[0]).toBe('VerifyingObserverSequence[0]');
});

test('a report without the Observer identity item (another writer\'s, or written before the marker) has a self-declared observer', () => {
  const read = readQcReport(without(authenticated, ['OBSERVER-ID']));
  expect(read.document.evaluations).toEqual([]);
  expect(read.qc!.observer).toEqual(base.observer);
});

test('Authenticated without its issuer or its subject, or with an issuer that is no URL, reads as self-declared', () => {
  expect(readQcReport(without(authenticated, ['OIDC-ISSUER'])).qc!.observer!.authentication).toBeUndefined();
  expect(readQcReport(without(authenticated, ['OIDC-SUBJECT'])).qc!.observer!.authentication).toBeUndefined();
  const dataset = buildQcReport(authenticated);
  const issuer = evaluations(dataset).find((item) => conceptOf(item) === 'OIDC-ISSUER')!;
  issuer['TextValue'] = 'radiology login';
  expect(readQcReport(writePart10(dataset)).qc!.observer!.authentication).toBeUndefined();
});

test('an Observer identity value SegQC does not write is refused, naming the item', () => {
  const dataset = buildQcReport(base);
  const identity = evaluations(dataset).find((item) => conceptOf(item) === 'OBSERVER-ID')!;
  identity['ConceptCodeSequence'] = [{ CodeValue: 'TRUSTED', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Trusted' }];
  expect(() => readQcReport(writePart10(dataset))).toThrow('ContentSequence{Qualitative Evaluations}.ContentSequence{Observer identity}: (TRUSTED, 99SEGQC) is not an observer identity SegQC writes');
});

test('an authentication that cannot be recorded is refused, naming the TEXT item it would be written to', () => {
  const observer = base.observer!;
  const refused = (authentication: unknown) => {
    try {
      buildQcReport({ ...base, observer: { ...observer, authentication: authentication as never } });
    } catch (error) {
      if (error instanceof DicomValueError) return error.attributePath;
      throw error;
    }
    return undefined;
  };
  expect(refused({ issuer: SIGN_IN.issuer, subject: '' })).toBe('ContentSequence{Qualitative Evaluations}.ContentSequence{OpenID Connect subject}.TextValue');
  expect(refused({ issuer: SIGN_IN.issuer, subject: ' padded' })).toBe('ContentSequence{Qualitative Evaluations}.ContentSequence{OpenID Connect subject}.TextValue');
  expect(refused({ issuer: 'login.hospital.example', subject: 'x' })).toBe('ContentSequence{Qualitative Evaluations}.ContentSequence{OpenID Provider issuer}.TextValue');
  expect(refused({ issuer: `https://login.example/${'a'.repeat(1024)}`, subject: 'x' })).toBe('ContentSequence{Qualitative Evaluations}.ContentSequence{OpenID Provider issuer}.TextValue');
  expect(refused('yes')).toBe('ContentSequence{Qualitative Evaluations}.ContentSequence{Observer identity}');
});
