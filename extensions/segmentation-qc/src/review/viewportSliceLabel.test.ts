import { ctDisplaySet, fakeCornerstone, imageIdOf } from '../labelmap/labelmapBridge.fixture';
import { sourceImagesOfDisplaySet } from '../labelmap';
import { viewportSliceLabel, viewportSliceLabels } from './viewportSliceLabel';

// Why: the panel said "slice 82" (SegQC's grid, feet first) while OHIF's overlay said "I:19"; a
// reviewer must read the same words in the panel and on the viewport.
test('names the slice by InstanceNumber and its place in the viewport stack, as the overlay does', () => {
  expect(viewportSliceLabel(19, 81, 100)).toBe('I:19 (82/100)');
});

test('without an InstanceNumber, or for a single image, only the place in the stack', () => {
  expect(viewportSliceLabel(null, 4, 30)).toBe('5/30');
  expect(viewportSliceLabel(7, 0, 1)).toBe('1/1');
});

test('each grid slice is named by its place in the viewport stack, not by the grid index', () => {
  // The fixture's series lies head first: grid slice k is instance 6 − k, listed by OHIF as n = 5 − k.
  const { slices } = sourceImagesOfDisplaySet(ctDisplaySet());
  const imageIds = [0, 1, 2, 3, 4, 5].map(imageIdOf);
  expect(viewportSliceLabels(imageIds, slices, fakeCornerstone().sopInstanceUIDOf)).toEqual(['I:6 (6/6)', 'I:5 (5/6)', 'I:4 (4/6)', 'I:3 (3/6)', 'I:2 (2/6)', 'I:1 (1/6)']);
  expect(viewportSliceLabels(undefined, slices, fakeCornerstone().sopInstanceUIDOf)[0]).toBe('I:6 (1/6)');
  expect(viewportSliceLabels(imageIds.slice(1), slices, fakeCornerstone().sopInstanceUIDOf)[5]).toBe('an image this viewport does not show');
});
