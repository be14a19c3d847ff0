import { createPageStore } from '../pageStore';
import type { AdjudicationWritten } from '../review/workerProtocol';
import type { DecisionDraft } from './decisionDraft';
import type { EditLabelmap } from './editLabelmap';

export type SignState = { status: 'idle' } | { status: 'signing' } | { status: 'signed'; written: Omit<AdjudicationWritten, 'referenceSeg' | 'report'>; at: string } | { status: 'failed'; error: string };

/** An edit of one structure's reference; `from` is the method it started from (`accept:<id>`, `majority`, `staple`). */
export type ReferenceEdit =
  | { status: 'starting'; from: string }
  | { status: 'editing'; from: string; labelmap: EditLabelmap }
  | { status: 'failed'; from: string; error: string };

export interface AdjudicationPageState {
  /** The case the drafts are for (caseKeyOf); null before the first review. */
  caseKey: string | null;
  drafts: DecisionDraft[];
  /** By structure key. */
  edits: Record<string, ReferenceEdit>;
  sign: SignState;
}

export const INITIAL_ADJUDICATION_STATE: AdjudicationPageState = { caseKey: null, drafts: [], edits: {}, sign: { status: 'idle' } };

/**
 * The adjudication in this page (see pageStore): the adjudicator paints an edit in OHIF's
 * segmentation panel, which unmounts SegQC's panel, and comes back to sign. Survives switching
 * panels, not a reload.
 */
export const adjudicationStore = createPageStore<AdjudicationPageState>(INITIAL_ADJUDICATION_STATE);
