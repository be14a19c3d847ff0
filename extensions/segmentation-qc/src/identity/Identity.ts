/** Who is working in the viewer, as SegQC stamps it on what it writes (DESIGN.md: identity, time and SOP on every SEG and SR). */
export interface Identity {
  /** Shown in the viewer: the OIDC profile's name, or the name as the user typed it. */
  name: string;
  /** The DICOM person name (PN) written as ContentCreatorName or the observer's name (personName.ts). */
  personName: string;
  /** The login, written in the person's identification code. */
  login: string;
  /** True when the user typed it (no login in this viewer), false when it comes from the OIDC login. */
  selfDeclared: boolean;
}

export type IdentityField = 'name' | 'login';

/** A typed identity that cannot be recorded, naming the field. */
export class IdentityError extends Error {
  override readonly name = 'IdentityError';

  constructor(readonly field: IdentityField, readonly reason: string) {
    super(`${field}: ${reason}`);
  }
}
