/**
 * The DICOM Digital Signatures of one QC report as stored (its Part 10 bytes), each checked with
 * the SignatureChecker passed in: whether it verifies over either MAC stream
 * (verifyDatasetSignatures), whether it signs what binds it to this report, and — with a trust
 * store — whether its certificate was trusted at the signing time. Also the SHA-256 of the standard
 * stream of its signed elements, which `audit verify --journal` compares with what the gateway
 * recorded when it signed.
 */
import { sha256Hex } from '../hash/sha256';
import { macStream, verifyDatasetSignatures, type SignatureCheck } from '../signature/dicomSignatures';
import { keywordOf, profileRequiredTags } from '../signature/signatureProfiles';
import { tagString } from '../signature/rawDataset';
import type { ReportSignatureRecord } from './AuditEvent';
import { isoFromDicomDateTime } from './isoDateTime';
import type { CertificateDescription, SignatureChecker } from './SignatureChecker';
import { signatureInstant } from './signatureInstant';

/**
 * What a signature of a VERIFIED SR must sign (PS3.15 C.4): without the SOP Instance UID, the
 * content or the verifier, a signature that verifies proves nothing of this report — it would
 * verify just as well on another.
 */
const BINDING_TAGS = profileRequiredTags('sr-verification');

export function reportSignaturesOf(bytes: Uint8Array, checker: SignatureChecker): ReportSignatureRecord[] {
  return verifyDatasetSignatures(bytes, checker.verify).map((check) => recordOf(bytes, check, checker));
}

function recordOf(bytes: Uint8Array, check: SignatureCheck, checker: SignatureChecker): ReportSignatureRecord {
  const at = check.dateTime !== undefined ? signatureInstant(check.dateTime) : undefined;
  const certificate = check.certificateDer ? checker.describeCertificate(check.certificateDer) : undefined;
  const described: Omit<ReportSignatureRecord, 'status'> = {
    trustChecked: checker.verifyTrustedAt !== null,
    ...(check.signatureUid !== undefined ? { uid: check.signatureUid } : {}),
    ...(check.dateTime !== undefined ? { signedAt: at ? at.toISOString() : isoFromDicomDateTime(check.dateTime) } : {}),
    ...(check.purpose ? { purpose: { code: check.purpose.CodeValue, meaning: check.purpose.CodeMeaning } } : {}),
    ...(certificate ? { signer: certificate.commonName ?? certificate.subject } : {}),
    ...(check.coversAllSignedData !== undefined ? { coversAllSignedData: check.coversAllSignedData } : {}),
    ...standardStreamSha256(bytes, check),
  };
  if (!check.valid) return { status: 'invalid', ...described, reason: check.reason ?? 'the signature does not match the signed data' };
  const unbound = BINDING_TAGS.filter((tag) => !check.tagsSigned.includes(tagString(tag)));
  if (unbound.length > 0) {
    return { status: 'invalid', ...described, reason: `it does not sign ${unbound.map((tag) => keywordOf(tag) ?? tagString(tag)).join(', ')}, so it would verify on another report as well` };
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
function standardStreamSha256(bytes: Uint8Array, check: SignatureCheck): Pick<ReportSignatureRecord, 'standardStreamSha256'> {
  if (check.tagsSigned.length === 0) return {};
  try {
    return { standardStreamSha256: sha256Hex(macStream(bytes, check.tagsSigned, 'standard')) };
  } catch {
    // The signature is already reported invalid for the same reason (verifyDatasetSignatures builds this stream).
    return {};
  }
}
