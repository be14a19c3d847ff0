/**
 * The DICOM Digital Signatures of a case's signed objects — its QC reports and its reference-standard
 * SEGs (ADJUDICATED, GOLD) — checked when the records were read (their events' `signatures`),
 * verified for `segqc audit verify`:
 * - a signature that does not verify is `signature-invalid`; one whose certificate the trust store
 *   does not vouch for at the signing time `signature-untrusted`;
 * - a VERIFIED report whose verifier is recorded as authenticated, a reference SEG whose creator is,
 *   or an object whose journal record names a signature, that carries none is `signature-missing`
 *   (a self-declared VERIFIED report or reference is unsigned by design: see selfDeclaredUnsigned);
 * - a signature that does not verify on this object and whose Digital Signature UID is on another
 *   signed object of the case, or is the one the journal recorded for another object, is
 *   `signature-copied`: its items were taken from that object (the SOP Instance UID and content it
 *   signs are that object's). A copy whose original is neither in the case nor journaled cannot be
 *   told from any other signature that does not verify: it is `signature-invalid`.
 * Against the gateway's journal of writes (the latest record of the object):
 * - a signature other than the one the journal recorded is `signature-not-journaled`, unless the
 *   object is byte for byte what the journal recorded the gateway forwarding: then it came in with
 *   the object (a batch signed with a key file, `segqc adjudicate --signing-key`), not behind it;
 * - the journaled signature's standard-stream SHA-256 must be that of the object as retrieved, else —
 *   when the signature itself verifies — `signed-content-changed` (what DCMTK's stream leaves out was
 *   changed: signature/README.md);
 * - the journal's user (login; issuer and subject when the object records them) must be the report's
 *   verifier or the SEG's creator, else `signer-not-observer`.
 * Objects whose signatures were not checked give no finding here.
 */
import type { AuditPerson, CaseRecords, RetrievedObjects, SignatureRecord } from './AuditEvent';
import type { AuditFinding } from './AuditFinding';
import type { JournalRecord } from './journalRecords';

/** A signed object as the findings see it: what it is called, its signatures, and whom it names as signing. */
interface SignedObject {
  uid: string;
  /** What the object is, as a finding records it. */
  object: 'QC report' | 'SEG';
  /** What it is called in a message. */
  name: 'QC report' | 'reference SEG';
  signatures: SignatureRecord[];
  /** The report's verifier (its observer when it records none), the SEG's creator. */
  signer: AuditPerson | undefined;
  /** The words for that person: "verifier", "creator". */
  signerIs: string;
  /** The sign-in that made it one the gateway signs: a VERIFIED report's verifier's, a reference SEG's creator's. */
  signedInAs: AuditPerson['authentication'];
}

function signedObjectsOf(records: CaseRecords): SignedObject[] {
  return records.events.flatMap((event): SignedObject[] => {
    if (event.kind === 'qc-report' && event.signatures) {
      return [{ uid: event.sopInstanceUid, object: 'QC report', name: 'QC report', signatures: event.signatures, signer: event.verification ?? event.observer, signerIs: 'verifier', signedInAs: event.verification?.authentication }];
    }
    if (event.kind === 'reference' && event.signatures) {
      return [{ uid: event.sopInstanceUid, object: 'SEG', name: 'reference SEG', signatures: event.signatures, signer: event.creator, signerIs: 'creator', signedInAs: event.creator.authentication }];
    }
    return [];
  });
}

export function signatureFindings(records: CaseRecords, journal: readonly JournalRecord[] | null, retrieved?: RetrievedObjects): AuditFinding[] {
  const objects = signedObjectsOf(records);
  const carriers = new Map<string, string[]>();
  for (const signed of objects) for (const signature of signed.signatures) if (signature.uid !== undefined) carriers.set(signature.uid, [...(carriers.get(signature.uid) ?? []), `${signed.name} ${signed.uid}`]);
  const latest = new Map<string, JournalRecord>();
  const journaledFor = new Map<string, string>();
  for (const record of journal ?? []) {
    latest.set(record.sopInstanceUid, record);
    if (record.signature) journaledFor.set(record.signature.uid, record.sopInstanceUid);
  }

  const findings: AuditFinding[] = [];
  for (const signed of objects) {
    const { uid, object, name } = signed;
    const finding = (kind: AuditFinding['kind'], message: string, more: Partial<AuditFinding> = {}) =>
      findings.push({ kind, studyInstanceUid: records.studyInstanceUid, sopInstanceUid: uid, object, referencedBy: [], message, ...more });
    const record = latest.get(uid);
    const journaled = record?.signature ?? undefined;
    const asForwarded = record !== undefined && retrieved?.get(uid)?.sha256 === record.sha256;
    const authentication = signed.signedInAs;

    if (signed.signatures.length === 0) {
      if (authentication) {
        const made = name === 'QC report' ? 'is VERIFIED by an authenticated verifier' : 'was made by an authenticated creator';
        finding('signature-missing', `${name} ${uid} ${made} (${authentication.issuer}, subject ${authentication.subject}) but carries no Digital Signature`);
      } else if (journaled) {
        finding('signature-missing', `${name} ${uid} carries no Digital Signature; the journal records that the gateway signed it (signature ${journaled.uid}, journal record ${record!.seq})`, { signatureUid: journaled.uid });
      }
      continue;
    }
    for (const signature of signed.signatures) {
      const signatureUid = signature.uid ?? '(no Digital Signature UID)';
      const naming = { signatureUid };
      const original = signature.uid === undefined ? undefined : originalCarrier(signature.uid, `${name} ${uid}`, uid, carriers, journaledFor);
      if (signature.status === 'invalid' && original !== undefined) {
        finding('signature-copied', `${name} ${uid} carries signature ${signatureUid} of ${original}: it does not verify on this ${name === 'QC report' ? 'report' : 'SEG'} (${signature.reason})`, naming);
        continue;
      }
      if (signature.status === 'invalid') finding('signature-invalid', `${name} ${uid}: signature ${signatureUid} does not verify: ${signature.reason}`, naming);
      if (signature.status === 'untrusted') finding('signature-untrusted', `${name} ${uid}: signature ${signatureUid} is not trusted: ${signature.reason}`, naming);
      if (!record) continue; // unjournaled: journalFindings says so
      if (journaled === undefined || journaled.uid !== signature.uid) {
        if (asForwarded) continue;
        finding('signature-not-journaled', `${name} ${uid}: signature ${signatureUid} is not the one the journal records for it (${journaled ? `signature ${journaled.uid}` : 'stored unsigned'}, journal record ${record.seq})`, naming);
        continue;
      }
      // A signature that does not verify already says its content changed; one that verifies over DCMTK's stream says nothing of the rest.
      if (signature.status !== 'invalid' && signature.standardStreamSha256 !== journaled.standardStreamSha256) {
        finding('signed-content-changed', `${name} ${uid}: the content signature ${signatureUid} signs changed since the gateway signed it: its standard MAC stream's SHA-256 is ${signature.standardStreamSha256 ?? '(none)'}, the journal recorded ${journaled.standardStreamSha256} (journal record ${record.seq})`, {
          ...naming, recordedSha256: journaled.standardStreamSha256, ...(signature.standardStreamSha256 !== undefined ? { currentSha256: signature.standardStreamSha256 } : {}),
        });
      }
      const mismatch = signerMismatch(signed.signer, record);
      if (mismatch) finding('signer-not-observer', `${name} ${uid}: signature ${signatureUid} was made for ${mismatch.signer}, the ${name === 'QC report' ? "report's" : "SEG's"} ${signed.signerIs} is ${mismatch.named} (journal record ${record.seq})`, naming);
    }
  }
  return findings;
}

/** Where a signature UID belongs when not to this object: another signed object of the case, or the object the journal recorded it for. */
function originalCarrier(signatureUid: string, carrier: string, uid: string, carriers: ReadonlyMap<string, string[]>, journaledFor: ReadonlyMap<string, string>): string | undefined {
  const other = carriers.get(signatureUid)?.find((candidate) => candidate !== carrier);
  if (other !== undefined) return other;
  const journaled = journaledFor.get(signatureUid);
  return journaled !== undefined && journaled !== uid ? `object ${journaled} (as the journal records)` : undefined;
}

/** The journal's user and the person the object names as signing, when they differ. */
function signerMismatch(named: AuditPerson | undefined, record: JournalRecord): { signer: string; named: string } | undefined {
  const signer = `login ${record.login ?? '(none)'}${record.subject !== null ? ` (subject ${record.subject})` : ''}`;
  if (!named) return { signer, named: 'not recorded' };
  const authentication = named.authentication;
  const same = record.login === named.login
    && (authentication === undefined || (authentication.issuer === record.issuer && authentication.subject === record.subject));
  return same ? undefined : { signer, named: `login ${named.login ?? '(none)'}${authentication ? ` (subject ${authentication.subject})` : ''}` };
}
