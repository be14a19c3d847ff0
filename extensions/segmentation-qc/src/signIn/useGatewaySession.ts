import { useEffect, useState } from 'react';
import type { UserAuthenticationService } from '../services';
import { fetchGatewaySession, type GatewaySession } from './gatewaySession';
import { signInAuthority, viewerConfig } from './signInConfig';

/**
 * The gateway's session of the signed-in user, asked once per panel; null without sign-in (no
 * `oidc` in the app-config) and while asking. A failure is kept as its message for the panel.
 */
export function useGatewaySession(auth: Pick<UserAuthenticationService, 'getAuthorizationHeader'>): { session: GatewaySession | null; error: string | null } {
  const [state, setState] = useState<{ session: GatewaySession | null; error: string | null }>({ session: null, error: null });
  useEffect(() => {
    if (signInAuthority(viewerConfig()) === null) return;
    let current = true;
    fetchGatewaySession(auth.getAuthorizationHeader())
      .then((session) => current && setState({ session, error: null }))
      .catch((error: Error) => current && setState({ session: null, error: error.message }));
    return () => {
      current = false;
    };
  }, [auth]);
  return state;
}
