/**
 * Who an OpenID Provider says a person (or a service account) is: the issuer identifier and the
 * subject, exactly as in the access token (`iss`, `sub`; OpenID Connect Core 1.0 §2). Every SEG and
 * SR SegQC writes records either this (the writer was signed in) or that the identity was
 * self-declared; an object that records neither is read as self-declared, never as authenticated.
 */
export interface AuthenticatedIdentity {
  issuer: string;
  subject: string;
}
