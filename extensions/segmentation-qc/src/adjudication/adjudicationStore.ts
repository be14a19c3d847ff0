import { createPageStore } from '../pageStore';
import type { AdjudicationOnRecord } from '../review/reviewSummary';
import type { AdjudicationWritten } from '../review/workerProtocol';
import type { DecisionDraft } from './decisionDraft';
import type { EditLabelmap } from './editLabelmap';

export type SignState = { status: 'idle' } | { status: 'signing' } | { status: 'signed'; written: Omit<AdjudicationWritten, 'referenceSeg' | 'report'>; at: string } | { status: 'failed'; error: string };

/** An edit of one structure's reference; `from` is the method it started from (`accept:<id>`, `majority`, `staple`). */
export type ReferenceEdit =
  | { status: 'starting'; from: string }
  | { status: 'editing'; from: string; labelmap: EditLabelmap }
  | { status: 'failed'; from: string; error: string };

/** The adjudication just signed, as read back from the PACS once the outbox stored its report. */
export type ReadBack = { status: 'none' } | { status: 'read'; record: AdjudicationOnRecord } | { status: 'failed'; error: string };

export interface AdjudicationPageState {
  /** The case the drafts are for (caseKeyOf); null before the first review. */
  caseKey: string | null;
  drafts: DecisionDraft[];
  /** By structure key. */
  edits: Record<string, ReferenceEdit>;
  sign: SignState;
  /** The adjudicator whose saved draft of this case was looked up (adjudicationDraftStorage), or null before. */
  draftOwner: string | null;
  /** When the draft restored from this browser was saved (ISO), or null when none was. */
  restoredDraftSavedAt: string | null;
  /** The adjudicator chose "Revise": the signed adjudication on record opens for a new signature. */
  revising: boolean;
  readBack: ReadBack;
}

export const INITIAL_ADJUDICATION_STATE: AdjudicationPageState = {
  caseKey: null, drafts: [], edits: {}, sign: { status: 'idle' }, draftOwner: null, restoredDraftSavedAt: null, revising: false, readBack: { status: 'none' },
};

/**
 * The adjudication in this page (see pageStore): the adjudicator paints an edit in OHIF's
 * segmentation panel, which unmounts SegQC's panel, and comes back to sign. Survives switching
 * panels; across a reload the decisions come back from adjudicationDraftStorage.
 */
export const adjudicationStore = createPageStore<AdjudicationPageState>(INITIAL_ADJUDICATION_STATE);
