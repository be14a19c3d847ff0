import { useCallback, useEffect, useMemo } from 'react';
import type { SopChecklistResultInit } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import type { Identity } from '../identity/Identity';
import type { StorageLike } from '../identity/selfDeclaredIdentity';
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
import { draftStorage, forgetAdjudicationDraft, readAdjudicationDraft, saveAdjudicationDraft } from './adjudicationDraftStorage';
import { adjudicationInPacs } from './adjudicationInPacs';
import { adjudicationStore, type AdjudicationPageState, type ReadBack, type ReferenceEdit, type SignState } from './adjudicationStore';
import { caseKeyOf } from './caseKey';
import { decisionsOf, initialDrafts, type DecisionDraft } from './decisionDraft';
import { restoredDrafts } from './restoredDrafts';

export type { EditRequest, ReferenceEdit, SignState };

const NO_EDITS: Record<string, ReferenceEdit> = {};
const IDLE: SignState = { status: 'idle' };
const NOT_READ: ReadBack = { status: 'none' };

/**
 * The adjudication of the reviewed case: the drafts per structure, the edits of a reference with
 * OHIF's brush, and the signature that has the worker write the reference SEG and the verified
 * report, then queues both in the durable outbox. It all lives in the page's adjudicationStore, so
 * it outlives the panel while the adjudicator paints in OHIF's segmentation panel; the decisions
 * are also kept in this browser for the adjudicator (adjudicationDraftStorage) until they sign, and
 * once the outbox has stored the report, the adjudication is read back from the PACS.
 *
 * @param login the adjudicator's login: their saved draft is restored once it is known.
 * @param dicomwebRoot where the signed report is read back from.
 */
export function useAdjudication(
  client: AgreementWorkerClient,
  review: CaseReviewSummary | null,
  studyInstanceUid: string | null,
  outbox: DurableOutbox | null,
  services: SegqcServices,
  login: string | null,
  dicomwebRoot: string | null,
  store: PageStore<AdjudicationPageState> = adjudicationStore,
  storage: StorageLike | null = draftStorage(),
) {
  const state = usePageStore(store);
  const context = useMemo<AdjudicationContext>(() => ({ store, services }), [store, services]);
  const caseKey = review && studyInstanceUid ? caseKeyOf(studyInstanceUid, review) : null;
  const current = caseKey !== null && state.caseKey === caseKey;
  const owner = useMemo(() => (studyInstanceUid && login ? { studyInstanceUid, login } : null), [studyInstanceUid, login]);

  useEffect(() => {
    if (review && caseKey !== null) enterCase(context, caseKey, review);
  }, [context, review, caseKey]);

  // The adjudicator's saved draft of this case, once they are known (a reload, or a new sitting).
  useEffect(() => {
    if (!current || !owner || caseKey === null || store.get().draftOwner === owner.login) return;
    const saved = readAdjudicationDraft(storage, owner, caseKey);
    store.set((now) => ({ draftOwner: owner.login, drafts: saved ? restoredDrafts(now.drafts, saved.decisions) : now.drafts, restoredDraftSavedAt: saved?.savedAt ?? null }));
  }, [current, owner, caseKey, store, storage]);

  // Every change is kept until the signature; back to nothing decided, nothing is kept.
  const signing = state.sign.status === 'signing' || state.sign.status === 'signed';
  useEffect(() => {
    if (!current || !owner || !review || caseKey === null || state.draftOwner !== owner.login || signing) return;
    if (JSON.stringify(state.drafts) === JSON.stringify(initialDrafts(review))) forgetAdjudicationDraft(storage, owner);
    else saveAdjudicationDraft(storage, owner, caseKey, state.drafts, new Date());
  }, [current, owner, review, caseKey, state.drafts, state.draftOwner, signing, storage]);

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

  // The signed report, read back from the PACS once the outbox has stored it: what the panel shows as signed.
  const { sign, readBack } = state;
  useEffect(() => {
    if (!current || sign.status !== 'signed' || !outbox || !dicomwebRoot || !studyInstanceUid) return undefined;
    const reportUid = sign.written.reportSopInstanceUid;
    if (readBack.status === 'read' && readBack.record.reportSopInstanceUid === reportUid) return undefined;
    let live = true;
    const root = new URL(dicomwebRoot, location.href).href.replace(/\/$/, '');
    const options = { fetch: (url: string, init: RequestInit) => fetch(url, init), headers: () => services.userAuthenticationService.getAuthorizationHeader() };
    const readWhenStored = async () => {
      const stored = (await outbox.records()).some((record) => record.sopInstanceUID === reportUid && record.state === 'stored');
      if (!stored || !live) return;
      try {
        const record = await adjudicationInPacs(root, studyInstanceUid, options);
        if (!live) return;
        if (record?.reportSopInstanceUid !== reportUid) {
          store.set({ readBack: { status: 'failed', error: 'the PACS stored the QC report, but does not return it as the adjudication in force' } });
          return;
        }
        store.set({ readBack: { status: 'read', record } });
        // The PACS holds the decisions now: the draft has done its work (kept until here, in case the write was refused).
        if (owner) forgetAdjudicationDraft(storage, owner);
      } catch (error) {
        if (live) store.set({ readBack: { status: 'failed', error: describeFailure(error) } });
      }
    };
    void readWhenStored();
    const unsubscribe = outbox.subscribe(() => void readWhenStored());
    return () => {
      live = false;
      unsubscribe();
    };
  }, [current, sign, readBack, outbox, dicomwebRoot, studyInstanceUid, services, store, owner, storage]);

  const update = useCallback((structureKey: string, change: Partial<DecisionDraft>) => changeDraft(context, structureKey, change), [context]);

  const startEdit = useCallback(
    async (request: EditRequest) => {
      if (review && caseKey !== null) await startReferenceEdit(context, client, review, caseKey, request);
    },
    [context, client, review, caseKey],
  );

  /** "Revise": the adjudication on record opens for a new signature, which will name it as its predecessor. */
  const revise = useCallback(() => store.set({ revising: true, sign: { status: 'idle' } }), [store]);
  const cancelRevision = useCallback(() => store.set({ revising: false }), [store]);

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
        store.set({
          sign: { status: 'signed', written: { referenceSegSopInstanceUid: written.referenceSegSopInstanceUid, reportSopInstanceUid: written.reportSopInstanceUid, revises: written.revises }, at: new Date().toISOString() },
          revising: false,
          readBack: { status: 'none' },
          restoredDraftSavedAt: null,
        });
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
    readBack: current ? state.readBack : NOT_READ,
    revising: current && state.revising,
    restoredDraftSavedAt: current ? state.restoredDraftSavedAt : null,
    update,
    startEdit,
    revise,
    cancelRevision,
    editedReferences,
    signOff,
  };
}
