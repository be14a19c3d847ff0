import { useCallback, useEffect, useState } from 'react';
import type { SopChecklistResultInit } from '@segqc/core';
import { describeFailure } from '../describeFailure';
import type { Identity } from '../identity/Identity';
import type { DurableOutbox } from '../outbox/DurableOutbox';
import type { AgreementWorkerClient } from './AgreementWorkerClient';
import type { CaseReviewSummary } from './reviewSummary';
import { signingPersonOf } from './signingPersonOf';

export type RecordState =
  | { status: 'idle' }
  | { status: 'recording' }
  | { status: 'recorded'; reportSopInstanceUid: string; revises: string | null }
  | { status: 'failed'; error: string };

/** The reviewer's record of the verdicts: an unsigned QC report, queued in the durable outbox. */
export function useRecordReview(client: AgreementWorkerClient, review: CaseReviewSummary | null, studyInstanceUid: string | null, outbox: DurableOutbox | null) {
  const [state, setState] = useState<RecordState>({ status: 'idle' });
  useEffect(() => setState({ status: 'idle' }), [review]);

  const record = useCallback(
    async (identity: Identity, checklist: readonly SopChecklistResultInit[]) => {
      if (!outbox || !studyInstanceUid) return;
      setState({ status: 'recording' });
      try {
        const recorded = await client.recordReview({
          checklist: [...checklist],
          reviewer: signingPersonOf(identity),
          recordedAt: Date.now(),
        });
        await outbox.enqueue({ sopInstanceUID: recorded.reportSopInstanceUid, studyInstanceUID: studyInstanceUid, description: 'QC report, review', bytes: recorded.report.slice().buffer });
        setState({ status: 'recorded', reportSopInstanceUid: recorded.reportSopInstanceUid, revises: recorded.revises });
      } catch (error) {
        setState({ status: 'failed', error: describeFailure(error) });
      }
    },
    [client, outbox, studyInstanceUid],
  );
  return { state, record };
}
