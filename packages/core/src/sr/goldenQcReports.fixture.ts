// The golden QC report cases, on the demo cohort's real SEGs and source series: one group and many,
// two and three annotators, CT and MR, a revision with Predecessor Documents, a signed-off report
// by an authenticated adjudicator (the others are self-declared), SOP checklist results with a coded reason that needs words, a device observer and non-ASCII
// names. Each case says what it proves beyond "valid and lossless".
import { SOP_CLASS } from '../dicom/sopClasses';
import { uidFromName } from '../dicom/uid';
import type { MeasurementReportContent } from './readMeasurementReport';
import { demoReport, type DemoReportCase } from './qcReport.fixture';
import type { QcReportInit } from './QcReport';
import type { QcStructureInit } from './QcStructure';
import { canonicalJsonSha256 } from './canonicalJson';

export interface GoldenQcReport {
  name: string;
  build(): DemoReportCase;
  check?(document: MeasurementReportContent, init: QcReportInit): void;
}

type Decide = (structure: QcStructureInit, index: number) => QcStructureInit['decision'];
const decide = (init: QcReportInit, how: Decide): QcReportInit => ({ ...init, structures: init.structures.map((structure, n) => ({ ...structure, decision: how(structure, n) })) });

/** The demo SOP for chest CT, as a SOP file would hold it (the SOP schema is not fixed yet). */
export const DEMO_SOP = { id: 'ct-chest-lungs-nodules', version: '1.2.0', title: 'Lungs and lung nodules on chest CT', checklist: [{ id: 'window-lung' }, { id: 'all-slices' }, { id: 'nodule-3mm' }] };

const ct3 = () => demoReport('ct-01', ['rivera', 'chen', 'okafor']);

const CASES: Record<string, GoldenQcReport> = {
  ct2: {
    name: 'CT, 2 annotators, 3 structures (6 measurement groups), reviewer, agreed and escalated',
    build() {
      const built = demoReport('ct-01', ['rivera', 'chen']);
      return { ...built, init: decide(built.init, (s) => (s.label === 'Lung nodule' ? { outcome: 'escalated', reasons: [{ reason: 'boundaryDisagreement' }, { reason: 'underSegmentation' }] } : { outcome: 'agreed' })) };
    },
    check(document) {
      expect(document.groups.map((group) => [group.templateId, group.regions.length])).toEqual(Array(6).fill(['1411', 1]));
      expect(document.completionFlag).toBe('PARTIAL');
      expect(document.verificationFlag).toBe('UNVERIFIED');
      expect(document.procedures).toEqual([{ value: '25045-6', scheme: 'LN', meaning: 'CT unspecified body region' }]);
    },
  },
  ct3: {
    name: 'CT, 3 annotators (9 groups, every pair compared)',
    build: () => {
      const built = ct3();
      return { ...built, init: decide(built.init, (s) => (s.label === 'Lung nodule' ? { outcome: 'escalated', reasons: [{ reason: 'missedLesion' }] } : { outcome: 'agreed' })) };
    },
    check(document) {
      const rightLungA = document.groups.find((group) => group.trackingIdentifier === 'Right lung (A)')!;
      const dice = rightLungA.measurements.filter((measurement) => measurement.name.value === 'DICE');
      expect(dice.map((measurement) => measurement.modifiers[0].value.value)).toEqual(['ANNOTATION-B', 'ANNOTATION-C']);
    },
  },
  deviceObserver: {
    name: 'CT, 3 annotators, no person observer (the SegQC device observes), metrics only',
    build() {
      const built = ct3();
      const init = { ...built.init };
      delete init.observer;
      return { ...built, init };
    },
    check(document) {
      expect(document.observers).toEqual([{ type: 'device', deviceUid: uidFromName('SegQC device observer'), deviceName: 'SegQC' }]);
    },
  },
  oneGroup: {
    name: 'CT, 1 annotator, 1 structure: a report with one measurement group',
    build() {
      const built = demoReport('ct-01', ['rivera']);
      return { ...built, init: { ...built.init, structures: built.init.structures.filter((s) => s.label === 'Lung nodule') } };
    },
    check(document) {
      expect(document.groups.map((group) => group.templateId)).toEqual(['1411']);
      expect(document.groups[0].measurements.map((measurement) => measurement.name.meaning)).toEqual(['Volume']);
    },
  },
  revised: {
    name: 'CT, 3 annotators, adjudicated revision of an earlier report (Predecessor Documents, instance 2)',
    build() {
      const first = GOLDEN_QC_REPORTS['ct3'].build();
      const init = decide({
        ...first.init,
        sopInstanceUid: uidFromName('golden revised QC report ct-01'),
        instanceNumber: 2,
        observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', role: 'adjudicator' },
        predecessors: [{ studyInstanceUid: first.init.subject.StudyInstanceUID, seriesInstanceUid: first.init.seriesInstanceUid, sopClassUid: SOP_CLASS.Comprehensive3dSrStorage, sopInstanceUid: first.init.sopInstanceUid }],
      }, (s) => (s.label === 'Lung nodule' ? { outcome: 'accepted', acceptedAnnotation: 'C', reasons: [{ reason: 'missedLesion' }] } : s.label === 'Right lung' ? { outcome: 'majority' } : { outcome: 'staple' }));
      return { ...first, init };
    },
    check(document, init) {
      expect(document.instanceNumber).toBe(2);
      expect(document.seriesInstanceUid).toBe(init.predecessors![0].seriesInstanceUid); // a revision joins its predecessor's series
      expect(document.observers[0].role).toEqual({ value: 'C96561', scheme: 'NCIt', meaning: 'Adjudicator' });
    },
  },
  checklist: {
    name: 'CT, 2 annotators, SOP in force with checklist results, reasons "SOP violation" and "other" with words',
    build() {
      const built = demoReport('ct-01', ['rivera', 'chen']);
      const init = decide({
        ...built.init,
        sop: { id: DEMO_SOP.id, version: DEMO_SOP.version, sha256: canonicalJsonSha256(DEMO_SOP) },
        checklist: [{ itemId: 'window-lung', checked: true }, { itemId: 'all-slices', checked: true }, { itemId: 'nodule-3mm', checked: false }],
      }, (s) => (s.label === 'Lung nodule' ? { outcome: 'escalated', reasons: [{ reason: 'sopViolation' }, { reason: 'other', text: 'Nodule below 3 mm segmented against SOP item nodule-3mm;\nsecond reader to confirm.' }] } : { outcome: 'agreed' }));
      return { ...built, init };
    },
    check(document) {
      expect(document.texts.map((text) => [text.name.value, text.value])).toEqual([
        ['SOP', `ct-chest-lungs-nodules@1.2.0+${canonicalJsonSha256(DEMO_SOP)}`],
        ['SOP-CHECKED', 'window-lung'],
        ['SOP-CHECKED', 'all-slices'],
        ['SOP-UNCHECKED', 'nodule-3mm'],
      ]);
    },
  },
  mr2: {
    name: 'MR FLAIR, 2 annotators, reader',
    build() {
      const built = demoReport('mr-01', ['rivera', 'chen']);
      return { ...built, init: { ...built.init, observer: { name: 'Okafor^Chidi', login: 'cokafor', role: 'reader' } } };
    },
    check(document) {
      expect(document.procedures).toEqual([{ value: '25056-3', scheme: 'LN', meaning: 'MRI unspecified body region' }]);
      expect(document.imageLibrary[0].modality).toEqual({ value: 'MR', scheme: 'DCM', meaning: 'Magnetic Resonance' });
    },
  },
  verified: {
    name: 'MR, 2 annotators, adjudicated and signed off by an authenticated adjudicator: COMPLETE, VERIFIED, Verifying Observer, issuer and subject',
    build() {
      const authentication = { issuer: 'https://login.segqc-demo.example/realms/radiology', subject: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' };
      const built = demoReport('mr-01', ['rivera', 'chen'], { verification: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', dateTime: '20260302113000', authentication } });
      const init = decide({ ...built.init, observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', role: 'adjudicator', authentication } },
        () => ({ outcome: 'edited', reasons: [{ reason: 'overSegmentation' }, { reason: 'falseLesion' }] }));
      return { ...built, init };
    },
    check(document, init) {
      expect([document.completionFlag, document.verificationFlag, document.preliminaryFlag]).toEqual(['COMPLETE', 'VERIFIED', 'FINAL']);
      expect(document.evaluations.map((item) => [item.name.value, item.value.value])).toEqual([['OBSERVER-ID', 'AUTHENTICATED']]);
      expect(document.texts.map((item) => [item.name.value, item.value])).toEqual([['OIDC-ISSUER', init.observer!.authentication!.issuer], ['OIDC-SUBJECT', init.observer!.authentication!.subject]]);
    },
  },
  unicode: {
    name: 'MR, 2 annotators, names and reason text outside ASCII (ISO_IR 192)',
    build() {
      const built = demoReport('mr-01', ['rivera', 'chen']);
      const init = decide({ ...built.init, observer: { name: 'Ødegård^Åsa', login: 'aodegard', organization: 'Hôpital Saint-Éloi', role: 'reviewer' } },
        () => ({ outcome: 'escalated', reasons: [{ reason: 'wrongLabel' }, { reason: 'other', text: 'Läsion im Balken — juxtakortikal? ≥ 3 mm' }] }));
      return { ...built, init };
    },
    check(document) {
      expect(document.observers[0].personName).toBe('Ødegård^Åsa');
    },
  },
};

/** The cases, each report with its own SOP Instance UID. */
export const GOLDEN_QC_REPORTS: Readonly<Record<keyof typeof CASES, GoldenQcReport>> = Object.fromEntries(Object.entries(CASES).map(([key, golden]) => [key, {
  ...golden,
  build() {
    const built = golden.build();
    return { ...built, init: { ...built.init, sopInstanceUid: uidFromName(`SegQC golden QC report ${key}`) } };
  },
}]));
