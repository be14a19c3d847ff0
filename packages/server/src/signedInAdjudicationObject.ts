import { signStoredObjectForUser, type JournalAuthor, type ReportSigner, type TokenIdentity } from '@segqc/gateway';
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
 * it through the gateway: her reference SEG and her VERIFIED QC report each signed for her exactly
 * as the gateway signs them (signStoredObjectForUser, at `now`); both journaled as hers.
 */
export function signedInAdjudicationObject(bytes: Uint8Array, kind: 'reference-seg' | 'report', adjudicator: SignedInAdjudicator, path: string, now = new Date()): SeededObject {
  const { identity } = adjudicator;
  const author: JournalAuthor = { issuer: identity.issuer, subject: identity.subject, login: identity.login ?? null, roles: identity.roles };
  const signed = signStoredObjectForUser(bytes, kind === 'reference-seg' ? 'adjudicated-seg' : 'verified-qc-report', adjudicator.signer, identity, now, path);
  return { bytes: signed.bytes, author, signature: signed.signature };
}
