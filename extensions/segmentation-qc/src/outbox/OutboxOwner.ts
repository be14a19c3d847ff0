import type { AuthenticatedIdentity } from '@segqc/core';

/**
 * Whose write an outbox record is: the signed-in user (issuer + subject, as the OpenID Provider
 * says), or, in a viewer without sign-in, the login the user typed, marked as self-declared so that
 * it never matches a signed-in user of the same name. The outbox lists and sends only the current
 * owner's records, so one user's writes never go out under another's token or name.
 */
export type OutboxOwner = ({ kind: 'signed-in' } & AuthenticatedIdentity) | { kind: 'self-declared'; login: string };

/** The owner as one string, the key of the store's owner index; distinct owners give distinct keys. */
export function ownerKey(owner: OutboxOwner): string {
  return JSON.stringify(owner.kind === 'signed-in' ? [owner.kind, owner.issuer, owner.subject] : [owner.kind, owner.login]);
}

/** Nobody is signed in or has said who they are: a write cannot be attributed, so it is not queued. */
export class NoOutboxOwnerError extends Error {
  override readonly name = 'NoOutboxOwnerError';

  constructor() {
    super('nobody is signed in and no identity is declared in this tab: say who you are before anything is written to the PACS');
  }
}

/** A SOP Instance UID already queued by another user of this browser: that write is theirs, not this one. */
export class ForeignWriteError extends Error {
  override readonly name = 'ForeignWriteError';

  constructor(readonly sopInstanceUID: string) {
    super(`another user's write in this browser has the SOP Instance UID ${sopInstanceUID}: this one is not queued`);
  }
}
