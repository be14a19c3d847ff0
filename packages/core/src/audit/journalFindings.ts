/**
 * A case checked against the gateway's journal of writes (journalRecords.ts): what the journal says
 * was stored must still be in the PACS with the bytes it recorded — else `missing` or `changed` —
 * and every SEG and SR the PACS holds must have come through the gateway — else `unjournaled`
 * (stored behind the gateway's back). Images are not asked for a record: they come from the
 * modalities, not through SegQC. The latest record of an object is the one that counts (an object
 * stored again, e.g. the demo seed after a restart, has several).
 */
import { SOP_CLASS } from '../dicom/sopClasses';
import type { RetrievedObjects } from './AuditEvent';
import type { AuditFinding } from './AuditFinding';
import type { JournalRecord } from './journalRecords';

const SEGMENTATION_CLASSES: ReadonlySet<string> = new Set([SOP_CLASS.SegmentationStorage, SOP_CLASS.LabelMapSegmentationStorage]);

/** What the object was, by its SOP class. */
function objectOf(sopClassUid: string): AuditFinding['object'] {
  if (SEGMENTATION_CLASSES.has(sopClassUid)) return 'SEG';
  return sopClassUid.startsWith('1.2.840.10008.5.1.4.1.1.88.') ? 'SR' : 'image';
}

const storedBy = (record: JournalRecord): string => `${record.login ?? record.subject ?? 'no user (sign-in off)'} at ${record.at} (journal record ${record.seq})`;

export function journalFindings(studyInstanceUid: string, journal: readonly JournalRecord[], retrieved: RetrievedObjects): AuditFinding[] {
  const latest = new Map<string, JournalRecord>();
  for (const record of journal) if (record.studyInstanceUid === studyInstanceUid) latest.set(record.sopInstanceUid, record);
  const findings: AuditFinding[] = [];
  for (const record of latest.values()) {
    const object = objectOf(record.sopClassUid);
    const now = retrieved.get(record.sopInstanceUid);
    const base = { studyInstanceUid, sopInstanceUid: record.sopInstanceUid, object, referencedBy: [] };
    if (now === undefined) {
      findings.push({ ...base, kind: 'missing', message: `${object} ${record.sopInstanceUid} (series ${record.seriesInstanceUid}) is missing; it was stored by ${storedBy(record)}` });
    } else if (now.sha256 !== undefined && now.sha256 !== record.sha256) {
      findings.push({
        ...base, kind: 'changed', recordedSha256: record.sha256, currentSha256: now.sha256,
        message: `${object} ${record.sopInstanceUid} changed: its SHA-256 is ${now.sha256}, the journal recorded ${record.sha256} when ${storedBy(record)} stored it`,
      });
    }
  }
  for (const now of retrieved.values()) {
    if (now.kind === 'image' || latest.has(now.sopInstanceUid)) continue;
    const object = now.kind === 'seg' ? 'SEG' : now.kind === 'qc-report' ? 'QC report' : 'SR';
    findings.push({
      kind: 'unjournaled', studyInstanceUid, sopInstanceUid: now.sopInstanceUid, object, referencedBy: [],
      message: `${object} ${now.sopInstanceUid} (series ${now.seriesInstanceUid}) is in the PACS, but no write through the gateway stored it`,
    });
  }
  return findings;
}
