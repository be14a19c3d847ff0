import type { AuthenticatedIdentity } from '@segqc/core';

/**
 * How a stored SEG or QC report says its person is known, wherever the viewer shows who made it:
 * "authenticated" (the issuer in the tooltip) or, when the object records no sign-in, visibly
 * "self-declared" — a name and login anyone could have typed (DESIGN.md "Trust").
 */
export function RecordedIdentity({ authentication }: { authentication: AuthenticatedIdentity | undefined }) {
  return authentication ? (
    <span className="segqc-role" data-testid="segqc-recorded-identity" data-authenticated="true" title={`Signed in at ${authentication.issuer} as ${authentication.subject}`}>
      authenticated
    </span>
  ) : (
    <span className="segqc-role" data-testid="segqc-recorded-identity" data-authenticated="false" title="No sign-in is recorded: the name and login were typed">
      self-declared
    </span>
  );
}
