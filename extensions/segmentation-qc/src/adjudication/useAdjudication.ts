import { useCallback, useEffect, useState } from 'react';
import { describeFailure } from '../describeFailure';
import type { Identity } from '../identity/Identity';
import type { DurableOutbox } from '../outbox/DurableOutbox';
import type { AgreementWorkerClient } from '../review/AgreementWorkerClient';
import type { CaseReviewSummary } from '../review/reviewSummary';
import type { AdjudicationWritten } from '../review/workerProtocol';
import type { SopChecklistResultInit } from '@segqc/core';
import { decisionsOf, initialDrafts, type DecisionDraft } from './decisionDraft';

export type SignState = { status: 'idle' } | { status: 'signing' } | { status: 'signed'; written: Omit<AdjudicationWritten, 'referenceSeg' | 'report'> } | { status: 'failed'; error: string };

/**
 * The adjudication of the reviewed case: the drafts per structure, and the signature that has the
 * worker write the reference SEG and the verified report, then queues both in the durable outbox.
 */
export function useAdjudication(client: AgreementWorkerClient, review: CaseReviewSummary | null, studyInstanceUid: string | null, outbox: DurableOutbox | null) {
  const [drafts, setDrafts] = useState<DecisionDraft[]>([]);
  const [sign, setSign] = useState<SignState>({ status: 'idle' });

  useEffect(() => {
    setDrafts(review ? initialDrafts(review) : []);
    setSign({ status: 'idle' });
  }, [review]);

  const update = useCallback((structureKey: string, change: Partial<DecisionDraft>) => {
    setDrafts((current) => current.map((draft) => (draft.structureKey === structureKey ? { ...draft, ...change } : draft)));
  }, []);

  const signOff = useCallback(
    async (identity: Identity, checklist: readonly SopChecklistResultInit[], edited: ReadonlyMap<string, Uint32Array>) => {
      if (!outbox || !studyInstanceUid) return;
      setSign({ status: 'signing' });
      try {
        const written = await client.adjudicate({
          decisions: decisionsOf(drafts, edited),
          checklist: [...checklist],
          adjudicator: { name: identity.personName, login: identity.login, selfDeclared: identity.selfDeclared },
          signedAt: Date.now(),
        });
        // The reference first: the report refers to it.
        await outbox.enqueue({ sopInstanceUID: written.referenceSegSopInstanceUid, studyInstanceUID: studyInstanceUid, description: 'Reference standard SEG (adjudicated)', bytes: written.referenceSeg.slice().buffer });
        await outbox.enqueue({ sopInstanceUID: written.reportSopInstanceUid, studyInstanceUID: studyInstanceUid, description: 'QC report, adjudicated and signed', bytes: written.report.slice().buffer });
        setSign({ status: 'signed', written: { referenceSegSopInstanceUid: written.referenceSegSopInstanceUid, reportSopInstanceUid: written.reportSopInstanceUid, revises: written.revises } });
      } catch (error) {
        setSign({ status: 'failed', error: describeFailure(error) });
      }
    },
    [client, drafts, outbox, studyInstanceUid],
  );

  return { drafts, update, sign, signOff };
}
