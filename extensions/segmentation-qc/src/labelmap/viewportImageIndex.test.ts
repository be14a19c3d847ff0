import { viewportImageIndex } from './viewportImageIndex';
import { ctDisplaySet, fakeCornerstone, imageIdOf, sliceOfInstance } from './labelmapBridge.fixture';
import { sourceImagesOfDisplaySet } from './sourceImagesOfDisplaySet';

// The grid sorts slices along the normal; the viewport keeps OHIF's order. Both the jump and the
// slice's name in the panel go through this index.
const series = sourceImagesOfDisplaySet(ctDisplaySet());

test('finds the slice by imageId in a stack listed in another order', () => {
  const imageIds = [3, 1, 5, 0, 2, 4].map(imageIdOf);
  expect(viewportImageIndex(imageIds, series.slices[sliceOfInstance(5)], fakeCornerstone().sopInstanceUIDOf)).toBe(2);
});

test('finds it by SOPInstanceUID when the viewport names the image differently, and says −1 when it is not there', () => {
  const imageIds = [0, 1, 2, 3, 4, 5].map((n) => imageIdOf(n).replace('wadors:', 'wadouri:'));
  expect(viewportImageIndex(imageIds, series.slices[sliceOfInstance(4)], fakeCornerstone().sopInstanceUIDOf)).toBe(4);
  expect(viewportImageIndex(imageIds.slice(0, 3), series.slices[sliceOfInstance(4)], fakeCornerstone().sopInstanceUIDOf)).toBe(-1);
});
