import { useEffect, useRef, useState } from 'react';
import type { Sop } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import type { SegqcServices } from '../services';
import { AgreementWorkerClient, type ReviewProgress } from './AgreementWorkerClient';
import { agreementWorkerUrl } from './agreementWorkerUrl';
import type { ReviewCandidates } from './reviewCandidates';
import type { CaseReviewSummary } from './reviewSummary';

export type CaseReviewState =
  | { status: 'idle' }
  | { status: 'running'; progress: ReviewProgress | null }
  | { status: 'done'; review: CaseReviewSummary }
  | { status: 'failed'; error: string };

/** One agreement worker per panel: it keeps the last case's masks for the discrepancy overlay. */
export function useAgreementWorker(): AgreementWorkerClient {
  const client = useRef<AgreementWorkerClient | null>(null);
  client.current ??= new AgreementWorkerClient(new Worker(agreementWorkerUrl(), { type: 'module', name: 'segqc-agreement' }) as never);
  useEffect(() => () => client.current?.dispose(), []);
  return client.current;
}

/**
 * The case's agreement, computed in the worker whenever the set of annotations or the SOP
 * changes; the panel renders progress meanwhile and never blocks.
 */
export function useCaseReview(
  client: AgreementWorkerClient,
  services: SegqcServices,
  dicomwebRoot: string | null,
  studyInstanceUid: string | null,
  candidates: ReviewCandidates | null,
  sop: Sop | null,
): CaseReviewState {
  const [state, setState] = useState<CaseReviewState>({ status: 'idle' });
  const key = candidates && dicomwebRoot && studyInstanceUid ? JSON.stringify([studyInstanceUid, candidates.sourceSeriesInstanceUid, candidates.annotations, sop?.reference.sha256 ?? null]) : null;

  useEffect(() => {
    if (!key || !candidates || !dicomwebRoot || !studyInstanceUid) {
      setState({ status: 'idle' });
      return;
    }
    let live = true;
    setState({ status: 'running', progress: null });
    client
      .review(
        {
          dicomwebRoot: new URL(dicomwebRoot, location.href).href.replace(/\/$/, ''),
          headers: services.userAuthenticationService.getAuthorizationHeader() ?? {},
          studyInstanceUid,
          sourceSeriesInstanceUid: candidates.sourceSeriesInstanceUid,
          annotations: candidates.annotations,
          sop,
        },
        (progress) => live && setState({ status: 'running', progress }),
      )
      .then((review) => live && setState({ status: 'done', review }))
      .catch((error: unknown) => live && setState({ status: 'failed', error: describeFailure(error) }));
    return () => {
      live = false;
    };
    // The key holds everything the review depends on.
  }, [key, client]);

  return state;
}
