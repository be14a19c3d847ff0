import type { AuthenticatedIdentity } from '@segqc/core';

/** Who is working in the viewer, as SegQC stamps it on what it writes (DESIGN.md: identity, time and SOP on every SEG and SR). */
export interface Identity {
  /** Shown in the viewer: the OIDC profile's name, or the name as the user typed it. */
  name: string;
  /** The DICOM person name (PN) written as ContentCreatorName or the observer's name (personName.ts). */
  personName: string;
  /** The login, written in the person's identification code. */
  login: string;
  /**
   * The OIDC sign-in (issuer and subject) that vouches for it, recorded in every SEG and SR the
   * user writes; absent when the user typed name and login (no login in this viewer): self-declared.
   */
  authentication?: AuthenticatedIdentity;
}

export type IdentityField = 'name' | 'login';

/** A typed identity that cannot be recorded, naming the field. */
export class IdentityError extends Error {
  override readonly name = 'IdentityError';

  constructor(readonly field: IdentityField, readonly reason: string) {
    super(`${field}: ${reason}`);
  }
}
