// Which series the SOP is chosen for: the image series of the active viewport, or the one a SEG
// shown there refers to; nothing when the viewport shows no image series. And the image series
// annotations were drawn on, which the SOP is chosen for when they are under review.
import type { DisplaySet, DisplaySetService, ViewportGridService } from '../services';
import { activeSourceDisplaySet, imageDisplaySetOfSeries } from './activeSourceDisplaySet';

const displaySet = (uid: string, Modality: string, extra: Partial<DisplaySet> = {}): DisplaySet => ({
  displaySetInstanceUID: uid, StudyInstanceUID: '2.25.1', SeriesInstanceUID: `2.25.${uid.length}`, Modality, ...extra,
});

function fakeServices(viewports: Record<string, string[]>, active: string, sets: DisplaySet[]) {
  const byUid = new Map(sets.map((set) => [set.displaySetInstanceUID, set]));
  const displaySetService = { getDisplaySetByUID: (uid: string) => byUid.get(uid) } as unknown as DisplaySetService;
  const viewportGridService = { getActiveViewportId: () => active, getDisplaySetsUIDsForViewport: (id: string) => viewports[id] } as unknown as ViewportGridService;
  return { displaySetService, viewportGridService };
}

const flair = displaySet('flair', 'MR', { SeriesDescription: 'FLAIR axial' });
const ct = displaySet('ct', 'CT');
const seg = displaySet('seg', 'SEG', { referencedDisplaySetInstanceUID: 'flair' });

test('the image series of the active viewport, not of another one', () => {
  expect(activeSourceDisplaySet(fakeServices({ left: ['ct'], right: ['flair'] }, 'right', [flair, ct]))).toBe(flair);
  expect(activeSourceDisplaySet(fakeServices({ left: ['ct'], right: ['flair'] }, 'left', [flair, ct]))).toBe(ct);
});

test('a SEG shown in the viewport stands for the series it refers to; an overlay SEG listed first is skipped', () => {
  expect(activeSourceDisplaySet(fakeServices({ vp: ['seg'] }, 'vp', [flair, seg]))).toBe(flair);
  expect(activeSourceDisplaySet(fakeServices({ vp: ['seg', 'ct'] }, 'vp', [flair, seg, ct]))).toBe(flair);
});

test('nothing when the viewport is empty, unknown, or shows only a report', () => {
  expect(activeSourceDisplaySet(fakeServices({}, 'vp', [flair]))).toBeNull();
  expect(activeSourceDisplaySet(fakeServices({ vp: ['gone'] }, 'vp', [flair]))).toBeNull();
  expect(activeSourceDisplaySet(fakeServices({ vp: ['sr'] }, 'vp', [displaySet('sr', 'SR')]))).toBeNull();
});

test('the image display set of a series, not a SEG drawn on it; nothing for a series the viewer does not hold', () => {
  const segOfFlair = displaySet('seg', 'SEG', { SeriesInstanceUID: flair.SeriesInstanceUID });
  const displaySetService = { getActiveDisplaySets: () => [segOfFlair, ct, flair] } as unknown as DisplaySetService;
  expect(imageDisplaySetOfSeries(displaySetService, flair.SeriesInstanceUID)).toBe(flair);
  expect(imageDisplaySetOfSeries(displaySetService, ct.SeriesInstanceUID)).toBe(ct);
  expect(imageDisplaySetOfSeries(displaySetService, '2.25.999')).toBeNull();
});
