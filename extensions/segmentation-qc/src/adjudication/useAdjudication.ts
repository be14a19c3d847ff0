import { useCallback, useEffect, useMemo } from 'react';
import type { SopChecklistResultInit } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import type { Identity } from '../identity/Identity';
import type { DurableOutbox } from '../outbox/DurableOutbox';
import { usePageStore, type PageStore } from '../pageStore';
import type { AgreementWorkerClient } from '../review/AgreementWorkerClient';
import { signingPersonOf } from '../review/signingPersonOf';
import type { CaseReviewSummary } from '../review/reviewSummary';
import type { SegqcServices } from '../services';
import {
  changeDraft, enterCase, forgetEditOfLabelmap, forgetEditsGoneFromViewer, readEditedReferences, startReferenceEdit,
  type AdjudicationContext, type EditRequest,
} from './adjudicationActions';
import { adjudicationStore, type AdjudicationPageState, type ReferenceEdit, type SignState } from './adjudicationStore';
import { caseKeyOf } from './caseKey';
import { decisionsOf, type DecisionDraft } from './decisionDraft';

export type { EditRequest, ReferenceEdit, SignState };

const NO_EDITS: Record<string, ReferenceEdit> = {};
const IDLE: SignState = { status: 'idle' };

/**
 * The adjudication of the reviewed case: the drafts per structure, the edits of a reference with
 * OHIF's brush, and the signature that has the worker write the reference SEG and the verified
 * report, then queues both in the durable outbox. It all lives in the page's adjudicationStore, so
 * it outlives the panel while the adjudicator paints in OHIF's segmentation panel.
 */
export function useAdjudication(
  client: AgreementWorkerClient,
  review: CaseReviewSummary | null,
  studyInstanceUid: string | null,
  outbox: DurableOutbox | null,
  services: SegqcServices,
  store: PageStore<AdjudicationPageState> = adjudicationStore,
) {
  const state = usePageStore(store);
  const context = useMemo<AdjudicationContext>(() => ({ store, services }), [store, services]);
  const caseKey = review && studyInstanceUid ? caseKeyOf(studyInstanceUid, review) : null;
  const current = caseKey !== null && state.caseKey === caseKey;

  useEffect(() => {
    if (review && caseKey !== null) enterCase(context, caseKey, review);
  }, [context, review, caseKey]);

  // Edits whose labelmaps left the viewer: deleted in OHIF's panel, or gone with the mode.
  useEffect(() => {
    forgetEditsGoneFromViewer(context);
    const { segmentationService } = context.services;
    const subscription = segmentationService.subscribe(segmentationService.EVENTS.SEGMENTATION_REMOVED, (payload) => {
      const segmentationId = (payload as { segmentationId?: string } | undefined)?.segmentationId;
      if (segmentationId) forgetEditOfLabelmap(context, segmentationId);
    });
    return () => subscription.unsubscribe();
  }, [context]);

  const update = useCallback((structureKey: string, change: Partial<DecisionDraft>) => changeDraft(context, structureKey, change), [context]);

  const startEdit = useCallback(
    async (request: EditRequest) => {
      if (review && caseKey !== null) await startReferenceEdit(context, client, review, caseKey, request);
    },
    [context, client, review, caseKey],
  );

  /** The edited masks to sign, read from their labelmaps now. */
  const editedReferences = useCallback(() => readEditedReferences(context), [context]);

  const signOff = useCallback(
    async (identity: Identity, checklist: readonly SopChecklistResultInit[], edited: ReadonlyMap<string, Uint32Array>) => {
      if (!outbox || !studyInstanceUid) return;
      store.set({ sign: { status: 'signing' } });
      try {
        const written = await client.adjudicate({
          decisions: decisionsOf(store.get().drafts, edited),
          checklist: [...checklist],
          adjudicator: signingPersonOf(identity),
          signedAt: Date.now(),
        });
        // The reference first: the report refers to it.
        await outbox.enqueue({ sopInstanceUID: written.referenceSegSopInstanceUid, studyInstanceUID: studyInstanceUid, description: 'Reference standard SEG (adjudicated)', bytes: written.referenceSeg.slice().buffer });
        await outbox.enqueue({ sopInstanceUID: written.reportSopInstanceUid, studyInstanceUID: studyInstanceUid, description: 'QC report, adjudicated and signed', bytes: written.report.slice().buffer });
        store.set({ sign: { status: 'signed', written: { referenceSegSopInstanceUid: written.referenceSegSopInstanceUid, reportSopInstanceUid: written.reportSopInstanceUid, revises: written.revises }, at: new Date().toISOString() } });
      } catch (error) {
        store.set({ sign: { status: 'failed', error: describeFailure(error) } });
      }
    },
    [client, outbox, studyInstanceUid, store],
  );

  return {
    drafts: current ? state.drafts : [],
    edits: current ? state.edits : NO_EDITS,
    sign: current ? state.sign : IDLE,
    update,
    startEdit,
    editedReferences,
    signOff,
  };
}
