import { useEffect, useRef, useState } from 'react';
import { describeFailure } from '../describeFailure';
import { MissingServiceError, type ServicesManager, type UserAuthenticationService } from '../services';
import { configuredDicomwebRoot, type DataSourceConfig } from './configuredDicomwebRoot';
import { ProgrammeWorkerClient, type ProgrammeProgress } from './ProgrammeWorkerClient';
import { programmeWorkerUrl } from './programmeWorkerUrl';
import type { ProgrammeInventoryResult, ProgrammeReliabilityResult } from './programmeWorkerProtocol';

export type ProgrammeState<T> =
  | { status: 'running'; progress: ProgrammeProgress | null }
  | { status: 'done'; result: T }
  | { status: 'failed'; error: string };

/** One programme worker per page; it goes with the page. */
export function useProgrammeWorker(): ProgrammeWorkerClient {
  const client = useRef<ProgrammeWorkerClient | null>(null);
  client.current ??= new ProgrammeWorkerClient(new Worker(programmeWorkerUrl(), { type: 'module', name: 'segqc-programme' }) as never);
  useEffect(() => () => {
    client.current?.dispose();
    client.current = null;
  }, []);
  return client.current;
}

/** The user's auth header for the PACS: the pages are outside any study, so only this service is needed. */
export function authorizationHeaders(servicesManager: ServicesManager): Record<string, string> {
  const service = servicesManager.services.userAuthenticationService as UserAuthenticationService | undefined;
  if (!service) throw new MissingServiceError('SegQC needs the OHIF service userAuthenticationService, which this viewer does not provide');
  return service.getAuthorizationHeader() ?? {};
}

type Kind = 'inventory' | 'reliability';
type ResultOf<K extends Kind> = K extends 'inventory' ? ProgrammeInventoryResult : ProgrammeReliabilityResult;

/**
 * The programme read in the worker from the app-config's PACS: the inventory (QC overview) or the
 * reliability (dashboard). Runs again when `generation` changes (the page's Reload).
 */
export function useProgramme<K extends Kind>(servicesManager: ServicesManager, kind: K, generation: number): ProgrammeState<ResultOf<K>> {
  const client = useProgrammeWorker();
  const [state, setState] = useState<ProgrammeState<ResultOf<K>>>({ status: 'running', progress: null });

  useEffect(() => {
    let live = true;
    setState({ status: 'running', progress: null });
    (async () => {
      const request = pacsRequest(servicesManager);
      const onProgress = (progress: ProgrammeProgress) => live && setState({ status: 'running', progress });
      return (kind === 'inventory' ? client.inventory(request, onProgress) : client.reliability(request, onProgress)) as Promise<ResultOf<K>>;
    })()
      .then((result) => live && setState({ status: 'done', result }))
      .catch((error: unknown) => live && setState({ status: 'failed', error: describeFailure(error) }));
    return () => {
      live = false;
    };
  }, [client, kind, generation, servicesManager]);

  return state;
}

/** What the programme worker reads the PACS with: the app-config's DICOMweb root and the user's auth header. */
export function pacsRequest(servicesManager: ServicesManager): { dicomwebRoot: string; headers: Record<string, string> } {
  return {
    dicomwebRoot: configuredDicomwebRoot((window as unknown as { config?: DataSourceConfig }).config, location.href),
    headers: authorizationHeaders(servicesManager),
  };
}
