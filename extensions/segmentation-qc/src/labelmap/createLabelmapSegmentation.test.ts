import type { SegqcServices } from '../services';
import { createLabelmapSegmentation } from './createLabelmapSegmentation';
import { ctDisplaySet } from './labelmapBridge.fixture';

// Start segmentation makes an OHIF labelmap whose segments are the SOP's structures: OHIF's brush
// must paint them with the SOP's colours, the first structure active, on the viewport of the series.
function fakeServices(options: { shownIn?: string } = {}) {
  const calls: unknown[][] = [];
  const displaySet = { ...ctDisplaySet(), imageIds: ['a', 'b'] };
  const viewports = new Map([['vp-1', { viewportId: 'vp-1', displaySetInstanceUIDs: ['other'] }], ['vp-2', { viewportId: 'vp-2', displaySetInstanceUIDs: [options.shownIn ?? 'ds-ct'] }]]);
  const record = (name: string, result?: unknown) => (...args: unknown[]) => (calls.push([name, ...args]), result);
  const services = {
    displaySetService: { getDisplaySetByUID: (uid: string) => (uid === 'ds-ct' ? displaySet : undefined) },
    viewportGridService: { getActiveViewportId: () => 'vp-1', getState: () => ({ viewports }) },
    segmentationService: {
      createLabelmapForDisplaySet: record('create', Promise.resolve('seg-1')),
      addSegmentationRepresentation: record('add', Promise.resolve()),
      setSegmentColor: record('color'),
      setActiveSegmentation: record('activeSegmentation'),
      setActiveSegment: record('activeSegment'),
    },
  } as unknown as SegqcServices;
  return { services, calls, displaySet };
}

const segments = [
  { segmentIndex: 1, label: 'Right lung', color: [80, 160, 220] as const },
  { segmentIndex: 2, label: 'Lung nodule', color: [240, 80, 60] as const },
];

test('creates the labelmap with the segments, shows it where the series is shown, colours it and activates the first segment', async () => {
  const { services, calls, displaySet } = fakeServices();
  const id = await createLabelmapSegmentation(services, { sourceDisplaySetInstanceUID: 'ds-ct', label: 'Annotation', segments });
  expect(id).toBe('seg-1');
  expect(calls).toEqual([
    ['create', displaySet, {
      label: 'Annotation',
      segments: {
        1: { segmentIndex: 1, label: 'Right lung', active: true, locked: false, cachedStats: {} },
        2: { segmentIndex: 2, label: 'Lung nodule', active: false, locked: false, cachedStats: {} },
      },
    }],
    ['add', 'vp-2', { segmentationId: 'seg-1', type: 'Labelmap' }],
    ['color', 'vp-2', 'seg-1', 1, [80, 160, 220, 255]],
    ['color', 'vp-2', 'seg-1', 2, [240, 80, 60, 255]],
    ['activeSegmentation', 'vp-2', 'seg-1'],
    ['activeSegment', 'seg-1', 1],
  ]);
});

test('bad segments are refused before OHIF is asked for anything', async () => {
  const { services, calls } = fakeServices();
  const create = (list: typeof segments) => createLabelmapSegmentation(services, { sourceDisplaySetInstanceUID: 'ds-ct', label: 'A', segments: list });
  await expect(create([])).rejects.toThrow('a labelmap needs at least one segment');
  await expect(create([segments[0], { ...segments[1], segmentIndex: 1 }])).rejects.toThrow('segments[1].segmentIndex 1 is used by an earlier segment');
  await expect(create([{ ...segments[0], segmentIndex: 0 }])).rejects.toThrow(/0 is background/);
  await expect(create([{ ...segments[0], color: [300, 0, 0] as never }])).rejects.toThrow(/color must be three integers/);
  await expect(createLabelmapSegmentation(services, { sourceDisplaySetInstanceUID: 'gone', label: 'A', segments })).rejects.toThrow(/is not in the viewer/);
  expect(calls).toEqual([]);
});
