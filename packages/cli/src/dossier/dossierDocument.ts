import {
  auditRows, caseLabel, recalibrationsDue,
  type AuditDocument, type AuditFinding, type CaseRecords, type DicomJsonDataset, type ProgrammeReliabilityFromPacs, type QcState, type Recalibration,
} from '@segqc/core';
import { driftJson, type DriftJson } from '../drift/driftReport';
import type { MetricConventionsText } from './metricConventionsText';
import { qcRates, type QcRates } from './qcRates';
import { roster, type RosterPerson } from './roster';
import { sopVersions, type SopFile, type SopVersions } from './sopVersions';
import { selfDeclaredAdjudications, verificationSummary, type SelfDeclaredAdjudication, type VerificationSummary } from './verificationSummary';

/** A case (study) of the PACS as the dossier names it: StudyID or accession number, never the patient. */
export interface DossierCase {
  studyInstanceUid: string;
  name: string;
  /** From the programme's inventory; null for a study without a SEG (it has nothing to compare). */
  modality: string | null;
  state: QcState | null;
  calibration: boolean;
}

/** dossier.json: everything the HTML and PDF show, as data. */
export interface DossierDocument {
  format: 'segqc-qc-dossier';
  version: 1;
  generatedAt: string;
  /** The PACS, without credentials. */
  pacs: string;
  includesPatientIdentifiers: boolean;
  roster: RosterPerson[];
  sops: SopVersions;
  /** In the PACS's listing order, as the audit trail's cases. */
  cases: DossierCase[];
  /** What `segqc audit export --out FILE.json` writes for the same studies. */
  auditTrail: AuditDocument;
  /** What `segqc drift --json` prints for the same PACS and SOP library. */
  drift: DriftJson;
  recalibrationsDue: Recalibration[];
  rates: QcRates[];
  /** `segqc audit verify` on every case. */
  verification: VerificationSummary;
  selfDeclaredAdjudications: SelfDeclaredAdjudication[];
  metricConventions: MetricConventionsText;
}

export interface DossierInput {
  pacs: string;
  generatedAt: Date;
  includePatientIdentifiers: boolean;
  /** Every study of the PACS in listing order: its audit records and what audit verify found in it. */
  trail: ReadonlyArray<{ records: CaseRecords; findings: AuditFinding[] }>;
  journal: VerificationSummary['journal'];
  trustStore: string | null;
  /** The programme as segqc drift reads it, the studies' attributes, and how long the read took. */
  programme: ProgrammeReliabilityFromPacs;
  studies: ReadonlyMap<string, DicomJsonDataset>;
  seconds: number;
  sopLibrary: { dir: string; files: readonly SopFile[]; invalid: SopVersions['invalid'] };
  conventions: MetricConventionsText;
}

/** The dossier's data, assembled from what the audit, drift and verify code computed: nothing here is measured again. */
export function dossierDocument(input: DossierInput): DossierDocument {
  const records = input.trail.map((entry) => entry.records);
  const { programme } = input;
  const inventory = new Map(programme.inventory.cases.map((c) => [c.studyInstanceUid, c]));
  const generatedAt = input.generatedAt.toISOString();
  return {
    format: 'segqc-qc-dossier',
    version: 1,
    generatedAt,
    pacs: input.pacs,
    includesPatientIdentifiers: input.includePatientIdentifiers,
    roster: roster(records, programme.reliability.calibration),
    sops: sopVersions(input.sopLibrary.dir, input.sopLibrary.files, input.sopLibrary.invalid, records),
    cases: records.map(({ studyInstanceUid }) => {
      const inventoried = inventory.get(studyInstanceUid);
      return {
        studyInstanceUid, name: caseLabel(input.studies.get(studyInstanceUid), studyInstanceUid),
        modality: inventoried?.modality ?? null, state: inventoried?.state ?? null, calibration: inventoried?.calibration ?? false,
      };
    }),
    auditTrail: auditRows(records, { includePatientIdentifiers: input.includePatientIdentifiers, generatedAt }).document,
    drift: driftJson(input.pacs, programme, input.seconds),
    recalibrationsDue: recalibrationsDue(programme.reliability.drift),
    rates: qcRates(programme.inventory.cases, records),
    verification: verificationSummary(input.trail.map((entry) => ({ studyInstanceUid: entry.records.studyInstanceUid, findings: entry.findings })), input.journal, input.trustStore),
    selfDeclaredAdjudications: selfDeclaredAdjudications(records),
    metricConventions: input.conventions,
  };
}
