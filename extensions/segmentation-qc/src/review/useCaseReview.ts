import { useEffect, useState } from 'react';
import { createPageStore } from '../pageStore';
import type { ReviewerChoices, Sop } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import type { SegqcServices } from '../services';
import { AgreementWorkerClient, type ReviewProgress } from './AgreementWorkerClient';
import { agreementWorkerUrl } from './agreementWorkerUrl';
import { loadedSourceImages } from './loadedSourceImages';
import type { ReviewCandidates } from './reviewCandidates';
import type { CaseReviewSummary } from './reviewSummary';

export type CaseReviewState =
  | { status: 'idle' }
  /** `partial`: the rows computed so far, shown while the others are (issue 16). */
  | { status: 'running'; progress: ReviewProgress | null; partial?: CaseReviewSummary }
  | { status: 'done'; review: CaseReviewSummary }
  | { status: 'failed'; error: string };

let pageWorker: AgreementWorkerClient | null = null;

/**
 * One agreement worker per page: it keeps the last case's masks for the overlay and the
 * adjudication, and outlives the panel, which OHIF unmounts whenever another tab is shown.
 */
export function useAgreementWorker(): AgreementWorkerClient {
  pageWorker ??= new AgreementWorkerClient(new Worker(agreementWorkerUrl(), { type: 'module', name: 'segqc-agreement' }) as never);
  return pageWorker;
}

/** The last finished review and what it was computed from: a remounted panel shows it without recomputing. */
const lastReview = createPageStore<{ key: string | null; state: CaseReviewState | null }>({ key: null, state: null });

/**
 * The case's agreement, computed in the worker whenever the set of annotations, the SOP or the
 * reviewer's choices change; the panel renders progress meanwhile and never blocks.
 */
export function useCaseReview(
  client: AgreementWorkerClient,
  services: SegqcServices,
  dicomwebRoot: string | null,
  studyInstanceUid: string | null,
  candidates: ReviewCandidates | null,
  sop: Sop | null,
  choices: ReviewerChoices,
): CaseReviewState {
  const key = candidates && dicomwebRoot && studyInstanceUid ? JSON.stringify([studyInstanceUid, candidates.sourceSeriesInstanceUid, candidates.annotations, sop?.reference.sha256 ?? null, choices]) : null;
  const cached = lastReview.get();
  const [state, setState] = useState<CaseReviewState>(cached.key === key && cached.state ? cached.state : { status: 'idle' });
  const absoluteRoot = dicomwebRoot && new URL(dicomwebRoot, location.href).href.replace(/\/$/, '');

  // The worker reads the study's SEGs as soon as the case opens, before OHIF has made their display
  // sets and the SOP is settled; the review then finds them read. What fails there, the review reports.
  useEffect(() => {
    if (!absoluteRoot || !studyInstanceUid) return;
    client.prefetch({ dicomwebRoot: absoluteRoot, headers: services.userAuthenticationService.getAuthorizationHeader() ?? {}, studyInstanceUid }).catch(() => undefined);
  }, [absoluteRoot, studyInstanceUid, client]);

  useEffect(() => {
    if (!key || !candidates || !dicomwebRoot || !studyInstanceUid) {
      setState({ status: 'idle' });
      return;
    }
    const previous = lastReview.get();
    if (previous.key === key && previous.state) {
      setState(previous.state);
      return;
    }
    let live = true;
    // The worker forgets the previous case as this review starts.
    lastReview.set({ key: null, state: null });
    setState({ status: 'running', progress: null });
    client
      .review(
        {
          dicomwebRoot: absoluteRoot!,
          headers: services.userAuthenticationService.getAuthorizationHeader() ?? {},
          studyInstanceUid,
          sourceSeriesInstanceUid: candidates.sourceSeriesInstanceUid,
          sourceImages: loadedSourceImages(services.displaySetService, candidates.sourceSeriesInstanceUid),
          annotations: candidates.annotations,
          sop,
          choices,
        },
        (progress) => live && setState((previous) => {
          const partial = progress.partial ?? (previous.status === 'running' ? previous.partial : undefined);
          return { status: 'running', progress, ...(partial ? { partial } : {}) };
        }),
      )
      .then((review) => {
        lastReview.set({ key, state: { status: 'done', review } });
        if (live) setState({ status: 'done', review });
      })
      .catch((error: unknown) => live && setState({ status: 'failed', error: describeFailure(error) }));
    return () => {
      live = false;
    };
    // The key holds everything the review depends on.
  }, [key, client]);

  return state;
}
