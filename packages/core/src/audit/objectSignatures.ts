/**
 * The DICOM Digital Signatures of one signed object as stored (its Part 10 bytes) — a QC report or a
 * reference-standard SEG — each checked with the SignatureChecker passed in: whether it verifies
 * over either MAC stream (verifyDatasetSignatures), whether it signs what binds it to this object,
 * and — with a trust store — whether its certificate was trusted at the signing time. Also the
 * SHA-256 of the standard stream of its signed elements, which `audit verify --journal` compares
 * with what the gateway recorded when it signed.
 */
import { sha256Hex } from '../hash/sha256';
import { macStream, verifyDatasetSignatures, type SignatureCheck } from '../signature/dicomSignatures';
import { keywordOf, profileRequiredTags, tagOf } from '../signature/signatureProfiles';
import { tagString } from '../signature/rawDataset';
import type { SignatureRecord } from './AuditEvent';
import { isoFromDicomDateTime } from './isoDateTime';
import type { CertificateDescription, SignatureChecker } from './SignatureChecker';
import { signatureInstant } from './signatureInstant';

/** The objects SegQC signs: VERIFIED QC reports, and ADJUDICATED or GOLD reference SEGs. */
export type SignedObjectType = 'qc-report' | 'reference-seg';

/**
 * What a signature must sign to be this object's: without the SOP Instance UID and what the object
 * says — a VERIFIED SR's content and verifier (PS3.15 C.4), a SEG's segments and pixels — a
 * signature that verifies proves nothing of it: it would verify just as well on another.
 */
const BINDING_TAGS: Readonly<Record<SignedObjectType, readonly number[]>> = {
  'qc-report': profileRequiredTags('sr-verification'),
  'reference-seg': [...profileRequiredTags('authorization'), tagOf('SegmentSequence'), tagOf('PixelData')],
};

export function objectSignaturesOf(bytes: Uint8Array, type: SignedObjectType, checker: SignatureChecker): SignatureRecord[] {
  return verifyDatasetSignatures(bytes, checker.verify).map((check) => recordOf(bytes, check, BINDING_TAGS[type], checker));
}

function recordOf(bytes: Uint8Array, check: SignatureCheck, binding: readonly number[], checker: SignatureChecker): SignatureRecord {
  const at = check.dateTime !== undefined ? signatureInstant(check.dateTime) : undefined;
  const certificate = check.certificateDer ? checker.describeCertificate(check.certificateDer) : undefined;
  const described: Omit<SignatureRecord, 'status'> = {
    trustChecked: checker.verifyTrustedAt !== null,
    ...(check.signatureUid !== undefined ? { uid: check.signatureUid } : {}),
    ...(check.dateTime !== undefined ? { signedAt: at ? at.toISOString() : isoFromDicomDateTime(check.dateTime) } : {}),
    ...(check.purpose ? { purpose: { code: check.purpose.CodeValue, meaning: check.purpose.CodeMeaning } } : {}),
    ...(certificate ? { signer: certificate.commonName ?? certificate.subject } : {}),
    ...(check.coversAllSignedData !== undefined ? { coversAllSignedData: check.coversAllSignedData } : {}),
    ...standardStreamSha256(bytes, check),
  };
  if (!check.valid) return { status: 'invalid', ...described, reason: check.reason ?? 'the signature does not match the signed data' };
  const unbound = binding.filter((tag) => !check.tagsSigned.includes(tagString(tag)));
  if (unbound.length > 0) {
    return { status: 'invalid', ...described, reason: `it does not sign ${unbound.map((tag) => keywordOf(tag) ?? tagString(tag)).join(', ')}, so it would verify on another object as well` };
  }
  if (checker.verifyTrustedAt === null) return { status: 'valid', ...described };
  if (at === undefined) return { status: 'untrusted', ...described, reason: `its Digital Signature DateTime '${check.dateTime ?? ''}' is not a date and time, so the certificate cannot be checked at it` };
  const trusted = verifyDatasetSignatures(bytes, checker.verifyTrustedAt(at))[check.index]?.valid === true;
  return trusted ? { status: 'valid', ...described } : { status: 'untrusted', ...described, reason: untrustedReason(certificate, at) };
}

function untrustedReason(certificate: CertificateDescription | undefined, at: Date): string {
  const name = certificate ? `its certificate "${certificate.subject}"` : 'its certificate';
  if (certificate && (at < certificate.validFrom || at > certificate.validTo)) {
    return `${name} was not valid at the signing time ${at.toISOString()} (valid ${certificate.validFrom.toISOString()} to ${certificate.validTo.toISOString()})`;
  }
  return `${name} was not issued by a certificate of the trust store`;
}

/** The hash of the standard stream of the elements the signature names; none when it names none or they cannot be streamed. */
function standardStreamSha256(bytes: Uint8Array, check: SignatureCheck): Pick<SignatureRecord, 'standardStreamSha256'> {
  if (check.tagsSigned.length === 0) return {};
  try {
    return { standardStreamSha256: sha256Hex(macStream(bytes, check.tagsSigned, 'standard')) };
  } catch {
    // The signature is already reported invalid for the same reason (verifyDatasetSignatures builds this stream).
    return {};
  }
}
