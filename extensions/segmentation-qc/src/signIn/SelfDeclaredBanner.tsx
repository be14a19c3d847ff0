import type { CSSProperties } from 'react';
import type { SignedInUser } from './currentOwner';
import { signInAuthority, type SignInConfig } from './signInConfig';

/** Whether identities in this viewer are only typed: no sign-in in the app-config, or nobody signed in. */
export function identitiesSelfDeclared(config: SignInConfig | undefined, user: SignedInUser | null | undefined): boolean {
  return signInAuthority(config) === null || !user?.profile?.sub;
}

// Set as properties (CSSOM), which the viewer's Content-Security-Policy allows; SegQC's amber warning look.
const BANNER_STYLE: CSSProperties = {
  margin: '8px 10px 0',
  padding: '6px 8px',
  borderRadius: 6,
  background: '#2b230e',
  border: '1px solid #7a5b1e',
  color: '#f0c36a',
  font: '12px/1.4 Inter, system-ui, sans-serif',
};

/** Says, where the identity is asked or shown, that nobody proved who they are (DESIGN.md "Trust"). */
export function SelfDeclaredBanner() {
  return (
    <div role="status" data-testid="segqc-self-declared-banner" style={BANNER_STYLE}>
      <strong>No sign-in: identities are self-declared</strong>
      <div>Names and logins here are typed, not proved by a sign-in, and the reports written here carry no signature.</div>
    </div>
  );
}
