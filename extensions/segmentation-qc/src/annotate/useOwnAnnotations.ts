import { useEffect, useState } from 'react';
import { describeFailure } from '../describeFailure';
import type { SegqcServices } from '../services';
import { ownAnnotationsOfStudy, type OwnAnnotation } from './ownAnnotationsOfStudy';

export interface OwnAnnotationsState {
  annotations: OwnAnnotation[];
  loading: boolean;
  error: string | null;
}

/**
 * The annotator's own earlier SEGs of the study (ownAnnotationsOfStudy), read again whenever the
 * study, the login or `revision` (bumped after each save reaches the PACS) changes.
 */
export function useOwnAnnotations(
  services: SegqcServices,
  dicomwebRoot: string | null,
  studyInstanceUid: string | null,
  login: string | null,
  revision: number,
): OwnAnnotationsState {
  const [state, setState] = useState<OwnAnnotationsState>({ annotations: [], loading: false, error: null });
  useEffect(() => {
    if (!dicomwebRoot || !studyInstanceUid || !login) {
      setState({ annotations: [], loading: false, error: null });
      return undefined;
    }
    let live = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    const root = new URL(dicomwebRoot, location.href).href.replace(/\/$/, '');
    const options = { fetch: (url: string, init: RequestInit) => fetch(url, init), headers: () => services.userAuthenticationService.getAuthorizationHeader() };
    ownAnnotationsOfStudy(root, studyInstanceUid, login, options).then(
      (annotations) => live && setState({ annotations, loading: false, error: null }),
      (error: unknown) => live && setState({ annotations: [], loading: false, error: describeFailure(error) }),
    );
    return () => {
      live = false;
    };
  }, [services, dicomwebRoot, studyInstanceUid, login, revision]);
  return state;
}
