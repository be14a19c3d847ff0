import { describeFailure } from '../describeFailure';
import { removeLabelmapSegmentation, type HostCornerstone } from '../labelmap';
import type { PageStore } from '../pageStore';
import type { AgreementWorkerClient } from '../review/AgreementWorkerClient';
import type { CaseReviewSummary } from '../review/reviewSummary';
import type { SegqcServices } from '../services';
import { INITIAL_ADJUDICATION_STATE, type AdjudicationPageState } from './adjudicationStore';
import { initialDrafts, startingChoiceOf, type DecisionDraft } from './decisionDraft';
import { openEditLabelmap, readEditLabelmap } from './editLabelmap';
import { reviewedSourceSeries } from './reviewedSourceSeries';

/** What the adjudication's actions work on: the page's store and the viewer (cornerstone given in tests). */
export interface AdjudicationContext {
  store: PageStore<AdjudicationPageState>;
  services: SegqcServices;
  cs?: HostCornerstone;
}

/** "Edit, starting from …" for one structure: the method it starts from and the colour to paint it in. */
export interface EditRequest {
  structureKey: string;
  from: string;
  color: readonly [number, number, number];
}

/** Removes a labelmap the viewer may already have dropped (mode exit, OHIF's delete). */
function removeIfPresent(services: SegqcServices, segmentationId: string): void {
  if (services.segmentationService.getSegmentation(segmentationId)) removeLabelmapSegmentation(services, segmentationId);
}

/** The state without the structure's edit; a draft that was the edit goes back to undecided. */
function withoutEdit(current: AdjudicationPageState, structureKey: string): Partial<AdjudicationPageState> {
  const { [structureKey]: _dropped, ...edits } = current.edits;
  return { edits, drafts: current.drafts.map((draft) => (draft.structureKey === structureKey && draft.method === 'edited' ? { ...draft, method: '' } : draft)) };
}

/**
 * A reviewed case arrives. The same case again (OHIF remounted the panel, which reviews anew)
 * keeps its drafts, edits and signature; another case starts afresh, and the edits of the
 * former one leave the viewer.
 */
export function enterCase({ store, services }: AdjudicationContext, caseKey: string, review: CaseReviewSummary): void {
  if (store.get().caseKey === caseKey) return;
  const stale = Object.values(store.get().edits);
  store.set({ ...INITIAL_ADJUDICATION_STATE, caseKey, drafts: initialDrafts(review) });
  for (const edit of stale) if (edit.status === 'editing') removeIfPresent(services, edit.labelmap.segmentationId);
}

/** The edit whose labelmap left the viewer is forgotten; its structure needs a reference again. */
export function forgetEditOfLabelmap({ store }: AdjudicationContext, segmentationId: string): void {
  store.set((now) => {
    const key = Object.keys(now.edits).find((k) => {
      const edit = now.edits[k];
      return edit.status === 'editing' && edit.labelmap.segmentationId === segmentationId;
    });
    return key === undefined ? {} : withoutEdit(now, key);
  });
}

/** Forgets the edits whose labelmaps the viewer no longer has (removed while SegQC's panel was hidden). */
export function forgetEditsGoneFromViewer(context: AdjudicationContext): void {
  for (const edit of Object.values(context.store.get().edits)) {
    if (edit.status === 'editing' && !context.services.segmentationService.getSegmentation(edit.labelmap.segmentationId)) forgetEditOfLabelmap(context, edit.labelmap.segmentationId);
  }
}

/** Changes a draft; choosing another reference than the edit gives the edit up (its labelmap leaves the viewer). */
export function changeDraft({ store, services }: AdjudicationContext, structureKey: string, change: Partial<DecisionDraft>): void {
  const edit = store.get().edits[structureKey];
  if (edit && change.method !== undefined && change.method !== 'edited') {
    store.set((now) => withoutEdit(now, structureKey));
    if (edit.status === 'editing') removeIfPresent(services, edit.labelmap.segmentationId);
  }
  store.set((now) => ({ drafts: now.drafts.map((draft) => (draft.structureKey === structureKey ? { ...draft, ...change } : draft)) }));
}

/**
 * "Edit, starting from …": the worker's reference for the method, in a labelmap of its own on the
 * source series for OHIF's Brush and Eraser; the draft becomes 'edited' once the labelmap is
 * there. Meanwhile the draft has no reference (nothing can be signed), and an earlier edit of the
 * structure leaves the viewer. A failure stays on the structure and is notified.
 */
export async function startReferenceEdit(
  context: AdjudicationContext,
  client: Pick<AgreementWorkerClient, 'startingMask'>,
  review: CaseReviewSummary,
  caseKey: string,
  { structureKey, from, color }: EditRequest,
): Promise<void> {
  const { store, services, cs } = context;
  const choice = startingChoiceOf(from);
  const draft = store.get().drafts.find((d) => d.structureKey === structureKey);
  const earlier = store.get().edits[structureKey];
  if (store.get().caseKey !== caseKey || !choice || !draft || earlier?.status === 'starting') return;
  store.set((now) => ({
    edits: { ...now.edits, [structureKey]: { status: 'starting', from } },
    drafts: now.drafts.map((d) => (d.structureKey === structureKey ? { ...d, method: '' } : d)),
  }));
  if (earlier?.status === 'editing') removeIfPresent(services, earlier.labelmap.segmentationId);
  try {
    const labels = await client.startingMask({ structureKey, method: choice });
    const series = reviewedSourceSeries(services, review);
    const labelmap = await openEditLabelmap(services, { series, structureKey, label: draft.label, color, labels }, cs);
    const now = store.get();
    const pending = now.edits[structureKey];
    // Another case, or another choice for the structure, while the labelmap was being made.
    if (now.caseKey !== caseKey || pending?.status !== 'starting' || pending.from !== from) {
      removeIfPresent(services, labelmap.segmentationId);
      return;
    }
    store.set((latest) => ({
      edits: { ...latest.edits, [structureKey]: { status: 'editing', from, labelmap } },
      drafts: latest.drafts.map((d) => (d.structureKey === structureKey ? { ...d, method: 'edited' } : d)),
    }));
  } catch (failure) {
    const error = describeFailure(failure);
    if (store.get().caseKey === caseKey) store.set((now) => ({ edits: { ...now.edits, [structureKey]: { status: 'failed', from, error } } }));
    services.uiNotificationService.show({ title: `SegQC: cannot start editing ${draft.label}`, message: error, type: 'error', duration: 8000 });
  }
}

/**
 * The edited references as their labelmaps hold them now, by structure key. One that cannot be
 * read is left out with its reason notified: the signature then names the structure to edit again.
 */
export function readEditedReferences({ store, services, cs }: AdjudicationContext): Map<string, Uint32Array> {
  const edited = new Map<string, Uint32Array>();
  const { drafts, edits } = store.get();
  for (const draft of drafts) {
    const edit = edits[draft.structureKey];
    if (draft.method !== 'edited' || edit?.status !== 'editing') continue;
    try {
      edited.set(draft.structureKey, readEditLabelmap(edit.labelmap, cs));
    } catch (failure) {
      services.uiNotificationService.show({ title: `SegQC: cannot read the edited ${draft.label}`, message: describeFailure(failure), type: 'error', duration: 8000 });
    }
  }
  return edited;
}
