import type { Identity } from '../identity/Identity';

/** The zone the time is shown in: the signer reads their own clock, and the record names the offset. */
const zoned = (at: Date) => at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });

/**
 * What signing will mean, shown before Sign (21 CFR 11.50): the printed name, the login, the date and
 * time with its zone and the meaning, "Adjudication approved". Signed in, the gateway signs it with the
 * site's certificate after the user enters their password again; self-declared, it is stored and
 * counts as today, but it is not an electronic signature, and the panel says so before saving.
 */
export function SignatureManifestation({ identity, now }: { identity: Identity | null; now: Date }) {
  if (!identity) return null;
  const authenticated = identity.authentication !== undefined;
  return (
    <div className="segqc-manifestation" data-testid="segqc-signature-manifestation" data-authenticated={authenticated}>
      <div>
        <strong>{identity.name}</strong> ({identity.login}) · {zoned(now)} · <strong>Adjudication approved</strong>
      </div>
      {authenticated ? (
        <div className="segqc-muted">Signing asks for your password again; the gateway then signs the QC report for you with the site's certificate (a DICOM digital signature).</div>
      ) : (
        <div className="segqc-warning" data-testid="segqc-signature-self-declared">
          Self-declared: without sign-in this adjudication is stored and counts, but it carries no signature — it is not a 21 CFR Part 11 electronic signature.
        </div>
      )}
    </div>
  );
}
