import { useMemo, type ComponentType } from 'react';
import type { ServicesManager, UserAuthenticationService } from '../services';
import { SelfDeclaredBanner, identitiesSelfDeclared } from './SelfDeclaredBanner';
import { viewerConfig } from './signInConfig';

/** A SegQC panel with the self-declared banner above it whenever identities in this viewer are only typed. */
export function withSelfDeclaredBanner<P extends { servicesManager: ServicesManager }>(Panel: ComponentType<P>): ComponentType<P> {
  return function PanelWithSignInStatus(props: P) {
    const auth = props.servicesManager.services.userAuthenticationService as Pick<UserAuthenticationService, 'getUser'> | undefined;
    const selfDeclared = useMemo(() => identitiesSelfDeclared(viewerConfig(), auth?.getUser?.()), [auth]);
    return (
      <>
        {selfDeclared && <SelfDeclaredBanner />}
        <Panel {...props} />
      </>
    );
  };
}
