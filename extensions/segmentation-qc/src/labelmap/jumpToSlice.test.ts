import type { SegqcServices } from '../services';
import { ctDisplaySet, fakeCornerstone, imageIdOf, sliceOfInstance } from './labelmapBridge.fixture';
import { jumpToSlice } from './jumpToSlice';
import { sourceImagesOfDisplaySet } from './sourceImagesOfDisplaySet';

// "Show me slice k" must land on that image whatever order the viewport's stack is sorted in.
const series = sourceImagesOfDisplaySet(ctDisplaySet());
const servicesWith = (viewport: unknown) => ({ cornerstoneViewportService: { getCornerstoneViewport: () => viewport } }) as unknown as SegqcServices;

test('a stack viewport scrolls to the image of the slice, found by SOPInstanceUID in its own list', async () => {
  const shown: number[] = [];
  // The viewport names its images differently (another rendering) and in another order.
  const viewportImageIds = [2, 0, 4, 1, 5, 3].map((n) => imageIdOf(n).replace('wadors:', 'wadouri:'));
  const viewport = { getImageIds: () => viewportImageIds, setImageIdIndex: async (index: number) => void shown.push(index) };
  await jumpToSlice(servicesWith(viewport), 'vp', series.slices[sliceOfInstance(5)], fakeCornerstone());
  expect(viewportImageIds[shown[0]]).toContain('/instances/2.25.1005/');
});

test('a volume viewport jumps to the centre of the slice; a viewport without the image says so', async () => {
  const jumps: number[][] = [];
  await jumpToSlice(servicesWith({ jumpToWorld: (p: number[]) => (jumps.push(p), true) }), 'vp', series.slices[2], fakeCornerstone());
  expect(jumps).toEqual([series.slices[2].centre]);
  const elsewhere = { getImageIds: () => ['wadors:/x/instances/2.25.77/frames/1'], setImageIdIndex: async () => undefined };
  await expect(jumpToSlice(servicesWith(elsewhere), 'vp', series.slices[0], fakeCornerstone())).rejects.toThrow(/does not show the image of slice 1/);
});
