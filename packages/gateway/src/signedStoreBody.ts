/**
 * The STOW-RS body as the gateway forwards it when it signs (GatewayOptions.signing, with sign-in):
 * every VERIFIED QC report in it signed for the signed-in user (signVerifiedReport.ts), everything
 * else byte for byte (replacedParts.ts). A body with a VERIFIED report and a sign-in that is not fresh
 * (freshLogin.ts) is refused whole with StepUpRequired, before any byte reaches the PACS.
 *
 * Runs after storePolicy's checkStoreBody: by then every SR part is a SegQC QC report naming the
 * user as observer, and a VERIFIED one names them as verifier and is one their roles may store
 * ('verified-qc-report'); here the VERIFIED ones are only picked out.
 */
import { firstText, parseMultipartRelated, readPart10, type JournalSignature } from '@segqc/core';
import type { TokenIdentity } from './accessTokens';
import { staleLoginReason } from './freshLogin';
import { withPartsReplaced, type PartReplacement } from './replacedParts';
import type { ReportSigner } from './reportSigner';
import { signVerifiedReport } from './signVerifiedReport';
import { kindOfSopClass } from './storedObjectKind';
import { StoreRefusal } from './storeRefusal';

/** The user must sign in again (RFC 9470 step-up) before the gateway signs for them. */
export class StepUpRequired extends Error {
  override readonly name = 'StepUpRequired';

  constructor(readonly maxAgeSeconds: number, message: string) {
    super(message);
  }
}

export interface SignedStoreBody {
  body: Uint8Array;
  /** The signature added to each signed object, by its SOP Instance UID. */
  signatures: ReadonlyMap<string, JournalSignature>;
}

export function signedStoreBody(body: Uint8Array, contentType: string, signer: ReportSigner, user: TokenIdentity, now: Date): SignedStoreBody {
  const parts = parseMultipartRelated(body, contentType);
  const verified = parts.map((part, n) => ({ part, where: `part ${n + 1}` })).filter(({ part }) => isVerifiedReport(part.body));
  if (verified.length === 0) return { body, signatures: new Map() };
  const stale = staleLoginReason(user, signer.maxAuthAgeSeconds, now);
  if (stale) throw new StepUpRequired(signer.maxAuthAgeSeconds, stale);

  const signatures = new Map<string, JournalSignature>();
  const replacements: PartReplacement[] = verified.map(({ part, where }) => {
    // The part's own length would no longer be true; a STOW part needs none (RFC 2046 5.1).
    if (part.headers['content-length'] !== undefined) throw new StoreRefusal(400, `${where} declares a Content-Length: the gateway signs this VERIFIED report for you and cannot keep it; send the part without one`);
    const signed = signVerifiedReport(part.body, signer, user, now, where);
    signatures.set(signed.sopInstanceUid, signed.signature);
    return { part, bytes: signed.bytes };
  });
  return { body: withPartsReplaced(body, contentType, replacements), signatures };
}

function isVerifiedReport(bytes: Uint8Array): boolean {
  const { dataset } = readPart10(bytes, { untilPixelData: true });
  return kindOfSopClass(firstText(dataset['SOPClassUID']) ?? '') === 'structured-report' && firstText(dataset['VerificationFlag']) === 'VERIFIED';
}
