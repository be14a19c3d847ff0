import { BitMask } from '@segqc/core';
import { PIXELS, SLICES, ctDisplaySet, fakeCornerstone, sliceOfInstance, type FakeCornerstone } from '../labelmap/labelmapBridge.fixture';
import { sourceImagesOfDisplaySet } from '../labelmap/sourceImagesOfDisplaySet';
import { createPageStore } from '../pageStore';
import type { CaseReviewSummary } from '../review/reviewSummary';
import type { SegqcServices } from '../services';
import {
  changeDraft, enterCase, forgetEditOfLabelmap, forgetEditsGoneFromViewer, readEditedReferences, startReferenceEdit, type AdjudicationContext,
} from './adjudicationActions';
import { INITIAL_ADJUDICATION_STATE, type AdjudicationPageState } from './adjudicationStore';
import { decisionsOf } from './decisionDraft';

// The adjudicator's edit: the worker's reference for a method goes into a labelmap of its own on
// the reviewed series, OHIF's brush changes it, and the signature takes the mask as the labelmap
// holds it then — voxel for voxel on the worker's grid. The labelmap and the drafts outlive the
// panel (OHIF unmounts it while the adjudicator paints) but not the case.
const series = sourceImagesOfDisplaySet(ctDisplaySet());
const { grid } = series.sourceGrid;
const review = {
  annotationIds: ['Rivera, Ana', 'Okafor, Ben'],
  rows: [],
  structures: [
    { key: '0', label: 'Right lung', verdict: 'escalate', segmentNumbers: new Map([['Rivera, Ana', 1], ['Okafor, Ben', 1]]) },
    { key: '1', label: 'Left lung', verdict: 'pass', segmentNumbers: new Map([['Rivera, Ana', 2], ['Okafor, Ben', 2]]) },
  ],
  sliceSopInstanceUids: series.slices.map((slice) => slice.sopInstanceUID),
  grid: { columns: grid.columns, rows: grid.rows, slices: grid.slices },
  adjudication: null,
  excluded: [],
  unreadableReports: [],
} as unknown as CaseReviewSummary;

/** Rivera's right lung: two voxels on the slice of instance 2, one on the slice of instance 4 (the starting mask). */
function riveraRightLung(): Uint8Array {
  const labels = new Uint8Array(PIXELS * SLICES);
  labels[sliceOfInstance(2) * PIXELS + 3] = 1;
  labels[sliceOfInstance(2) * PIXELS + 4] = 1;
  labels[sliceOfInstance(4) * PIXELS + 0] = 1;
  return labels;
}

/** OHIF's services as far as an edit uses them, over a fake cornerstone that keeps the labelmaps. */
function fakeViewer(cs: FakeCornerstone) {
  const calls: unknown[][] = [];
  const notifications: string[] = [];
  const removedListeners: Array<(payload: unknown) => void> = [];
  const displaySet = { ...ctDisplaySet(), imageIds: ctDisplaySet().instances!.map((i) => i.imageId as string) };
  const shownImages: number[] = [];
  const services = {
    displaySetService: { getActiveDisplaySets: () => [displaySet], getDisplaySetByUID: (uid: string) => (uid === displaySet.displaySetInstanceUID ? displaySet : undefined) },
    viewportGridService: { getActiveViewportId: () => 'vp-1', getState: () => ({ viewports: new Map([['vp-1', { viewportId: 'vp-1', displaySetInstanceUIDs: ['ds-ct'] }]]) }) },
    cornerstoneViewportService: { getCornerstoneViewport: () => ({ getImageIds: () => displaySet.imageIds, setImageIdIndex: async (index: number) => void shownImages.push(index) }) },
    uiNotificationService: { show: ({ message }: { message: string }) => void notifications.push(message) },
    segmentationService: {
      EVENTS: { SEGMENTATION_REMOVED: 'removed' },
      async createLabelmapForDisplaySet(_displaySet: unknown, options: { segmentationId: string; label: string; segments: Record<number, unknown> }) {
        calls.push(['create', options.segmentationId, options.label, Object.keys(options.segments)]);
        cs.addStackLayer(options.segmentationId, `${options.segmentationId}-storage-0`, [0, 1, 2, 3, 4, 5]);
        cs.segmentations.get(options.segmentationId)!.segments = { 1: {} };
        return options.segmentationId;
      },
      addSegmentationRepresentation: async (viewportId: string, specifier: unknown) => void calls.push(['show', viewportId, specifier]),
      setSegmentColor: (_viewportId: string, _id: string, segmentIndex: number, color: number[]) => void calls.push(['color', segmentIndex, color]),
      setActiveSegmentation: () => undefined,
      setActiveSegment: () => undefined,
      getSegmentation: (id: string) => cs.segmentations.get(id),
      remove(id: string) {
        calls.push(['remove', id]);
        cs.segmentations.delete(id);
        removedListeners.forEach((listener) => listener({ segmentationId: id }));
      },
      subscribe: (_event: string, listener: (payload: unknown) => void) => (removedListeners.push(listener), { unsubscribe: () => undefined }),
    },
  } as unknown as SegqcServices;
  return { services, calls, notifications, shownImages, displaySet };
}

function setUp() {
  const cs = fakeCornerstone();
  const viewer = fakeViewer(cs);
  const store = createPageStore<AdjudicationPageState>(INITIAL_ADJUDICATION_STATE);
  const context: AdjudicationContext = { store, services: viewer.services, cs };
  const asked: unknown[] = [];
  const client = { startingMask: async (request: unknown) => (asked.push(request), riveraRightLung()) };
  enterCase(context, 'case-1', review);
  return { cs, viewer, store, context, client, asked };
}

const pixelsOf = (cs: FakeCornerstone, segmentationId: string, instance: number) => cs.images.get(`derived:${segmentationId}-storage-0:${instance}`)!.pixels;

test('"Edit, starting from Rivera": her mask in a one-segment labelmap on the series, on its busiest slice; the draft becomes edited', async () => {
  const { cs, viewer, store, context, client, asked } = setUp();
  await startReferenceEdit(context, client, review, 'case-1', { structureKey: '0', from: 'accept:Rivera, Ana', color: [10, 20, 30] });
  expect(asked).toEqual([{ structureKey: '0', method: { kind: 'accept', annotationId: 'Rivera, Ana' } }]);
  expect(viewer.calls).toEqual([
    ['create', 'segqc-edit-0', 'Reference edit: Right lung', ['1']],
    ['show', 'vp-1', { segmentationId: 'segqc-edit-0', type: 'Labelmap' }],
    ['color', 1, [10, 20, 30, 255]],
  ]);
  expect([...pixelsOf(cs, 'segqc-edit-0', 2).slice(3, 5)]).toEqual([1, 1]);
  expect(pixelsOf(cs, 'segqc-edit-0', 4)[0]).toBe(1);
  expect(viewer.shownImages).toEqual([2]); // the viewport's image list is in instance order: instance 2 has most voxels
  const { drafts, edits } = store.get();
  expect(drafts.find((d) => d.structureKey === '0')!.method).toBe('edited');
  expect(edits['0']).toMatchObject({ status: 'editing', from: 'accept:Rivera, Ana', labelmap: { segmentationId: 'segqc-edit-0' } });
});

test('the signature takes the mask as the brush left it: the starting mask plus what was painted, minus what was erased', async () => {
  const { cs, store, context, client } = setUp();
  await startReferenceEdit(context, client, review, 'case-1', { structureKey: '0', from: 'accept:Rivera, Ana', color: [10, 20, 30] });
  pixelsOf(cs, 'segqc-edit-0', 5)[7] = 1; // painted
  pixelsOf(cs, 'segqc-edit-0', 4)[0] = 0; // erased
  const edited = readEditedReferences(context);
  expect([...edited.keys()]).toEqual(['0']);
  const expected = new BitMask(grid);
  expected.set(sliceOfInstance(2) * PIXELS + 3);
  expected.set(sliceOfInstance(2) * PIXELS + 4);
  expected.set(sliceOfInstance(5) * PIXELS + 7);
  expect(edited.get('0')).toEqual(expected.words);
  store.set((now) => ({ drafts: now.drafts.map((d) => ({ ...d, reasons: ['boundaryDisagreement' as const] })) }));
  expect(decisionsOf(store.get().drafts, edited)[0].method).toEqual({ kind: 'edited', words: expected.words });
});

test('choosing another reference gives the edit up: its labelmap leaves the viewer', async () => {
  const { cs, viewer, store, context, client } = setUp();
  await startReferenceEdit(context, client, review, 'case-1', { structureKey: '0', from: 'staple', color: [10, 20, 30] });
  changeDraft(context, '0', { method: 'majority' });
  expect(viewer.calls.at(-1)).toEqual(['remove', 'segqc-edit-0']);
  expect(cs.segmentations.has('segqc-edit-0')).toBe(false);
  expect(store.get().edits).toEqual({});
  expect(store.get().drafts[0].method).toBe('majority');
  expect(readEditedReferences(context).size).toBe(0);
});

test('starting again replaces the structure\'s labelmap with a fresh one from the new starting point', async () => {
  const { viewer, store, context, client } = setUp();
  await startReferenceEdit(context, client, review, 'case-1', { structureKey: '0', from: 'accept:Rivera, Ana', color: [10, 20, 30] });
  await startReferenceEdit(context, client, review, 'case-1', { structureKey: '0', from: 'majority', color: [10, 20, 30] });
  expect(viewer.calls.filter(([name]) => name === 'create' || name === 'remove').map(([name]) => name)).toEqual(['create', 'remove', 'create']);
  expect(store.get().edits['0']).toMatchObject({ status: 'editing', from: 'majority' });
  expect(store.get().drafts[0].method).toBe('edited');
});

test('the same case reviewed again keeps drafts and edits; another case drops them and their labelmaps', async () => {
  const { cs, store, context, client } = setUp();
  await startReferenceEdit(context, client, review, 'case-1', { structureKey: '0', from: 'staple', color: [10, 20, 30] });
  const before = store.get();
  enterCase(context, 'case-1', { ...review });
  expect(store.get()).toBe(before);
  enterCase(context, 'case-2', review);
  expect(cs.segmentations.has('segqc-edit-0')).toBe(false);
  expect(store.get()).toMatchObject({ caseKey: 'case-2', edits: {} });
  expect(store.get().drafts.map((d) => d.method)).toEqual(['', 'staple']);
});

test('a labelmap deleted in OHIF\'s panel, or gone while the panel was hidden, takes the edit with it', async () => {
  const { cs, store, context, client } = setUp();
  await startReferenceEdit(context, client, review, 'case-1', { structureKey: '0', from: 'staple', color: [10, 20, 30] });
  forgetEditOfLabelmap(context, 'someone-elses-labelmap');
  expect(store.get().drafts[0].method).toBe('edited');
  cs.segmentations.delete('segqc-edit-0'); // e.g. the mode was left and entered again
  forgetEditsGoneFromViewer(context);
  expect(store.get().edits).toEqual({});
  expect(store.get().drafts[0].method).toBe('');
  expect(() => decisionsOf([{ ...store.get().drafts[0], method: 'edited' }], readEditedReferences(context))).toThrow('Right lung: the edited reference is not in the viewer any more');
});

test('a failed start stays on the structure with its reason, is notified, and leaves nothing to sign', async () => {
  const { viewer, store, context } = setUp();
  const failing = { startingMask: async () => Promise.reject(new Error('no case has been reviewed yet')) };
  await startReferenceEdit(context, failing, review, 'case-1', { structureKey: '0', from: 'staple', color: [10, 20, 30] });
  expect(store.get().edits['0']).toEqual({ status: 'failed', from: 'staple', error: 'no case has been reviewed yet' });
  expect(store.get().drafts[0].method).toBe('');
  expect(viewer.notifications).toEqual(['no case has been reviewed yet']);
});

test('a viewer whose series differs from the reviewed grid is refused before any labelmap is made', async () => {
  const { viewer, store, context, client } = setUp();
  const otherGrid = { ...review, sliceSopInstanceUids: [...review.sliceSopInstanceUids.slice(1), '2.25.999'] } as CaseReviewSummary;
  await startReferenceEdit(context, client, otherGrid, 'case-1', { structureKey: '0', from: 'staple', color: [10, 20, 30] });
  expect(store.get().edits['0']).toMatchObject({ status: 'failed', error: expect.stringContaining('reload the study') });
  expect(viewer.calls).toEqual([]);
});

test('a choice made while the labelmap was being made wins: the late labelmap is removed', async () => {
  const { cs, store, context } = setUp();
  let release: (labels: Uint8Array) => void = () => undefined;
  const slow = { startingMask: () => new Promise<Uint8Array>((resolve) => (release = resolve)) };
  const started = startReferenceEdit(context, slow, review, 'case-1', { structureKey: '0', from: 'staple', color: [10, 20, 30] });
  changeDraft(context, '0', { method: 'accept:Rivera, Ana' });
  release(riveraRightLung());
  await started;
  expect(cs.segmentations.has('segqc-edit-0')).toBe(false);
  expect(store.get().drafts[0].method).toBe('accept:Rivera, Ana');
  expect(store.get().edits).toEqual({});
});
