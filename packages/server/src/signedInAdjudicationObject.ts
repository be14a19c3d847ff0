import { signVerifiedReport, type JournalAuthor, type ReportSigner, type TokenIdentity } from '@segqc/gateway';
import type { SeededObject } from './seededObject';

/** With sign-in on (`SEGQC_AUTH=demo`): the demo provider's issuer, and the gateway's signer of VERIFIED QC reports. */
export interface DemoAdjudicatorSigning {
  issuer: string;
  signer: ReportSigner;
}

/** The demo's adjudicator signed in (demoAdjudicatorSignIn.ts), and the signer the gateway signs for her with. */
export interface SignedInAdjudicator {
  identity: TokenIdentity;
  signer: ReportSigner;
}

/**
 * An object of a demo adjudication (written with her sign-in recorded) as she would store
 * it through the gateway: her VERIFIED QC report signed for her exactly as the gateway signs it
 * (signVerifiedReport, at `now`), her reference SEG as written; both journaled as hers.
 */
export function signedInAdjudicationObject(bytes: Uint8Array, kind: 'reference-seg' | 'report', adjudicator: SignedInAdjudicator, path: string, now = new Date()): SeededObject {
  const { identity } = adjudicator;
  const author: JournalAuthor = { issuer: identity.issuer, subject: identity.subject, login: identity.login ?? null, roles: identity.roles };
  if (kind === 'reference-seg') return { bytes, author };
  const signed = signVerifiedReport(bytes, adjudicator.signer, identity, now, path);
  return { bytes: signed.bytes, author, signature: signed.signature };
}
