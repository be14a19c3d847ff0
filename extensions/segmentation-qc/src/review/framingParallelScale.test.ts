import { framingParallelScale, MIN_PARALLEL_SCALE_MM, REGION_SHARE } from './framingParallelScale';

// Why: "Next discrepancy" must bring the region into view at a size a reviewer can judge, not leave
// a 5 mm crescent as a few pixels of a whole-chest view.
const canvas = { canvasWidthPx: 800, canvasHeightPx: 600, parallelScale: 200, wholeImageParallelScale: 200 };

test('a small region is zoomed in on until it takes REGION_SHARE of the canvas on its larger side', () => {
  const scale = framingParallelScale({ ...canvas, regionWidthPx: 120, regionHeightPx: 60 });
  // 120 px of 800 is 0.15 of the width; at scale s it becomes 0.15 · 200 / s of the width.
  expect((0.15 * 200) / scale).toBeCloseTo(REGION_SHARE, 10);
});

test('the taller side decides when the region is taller than the canvas is wide', () => {
  const scale = framingParallelScale({ ...canvas, regionWidthPx: 40, regionHeightPx: 150 });
  expect((0.25 * 200) / scale).toBeCloseTo(REGION_SHARE, 10);
});

test('never closer than the minimum, never further out than the whole image', () => {
  expect(framingParallelScale({ ...canvas, regionWidthPx: 2, regionHeightPx: 2 })).toBe(MIN_PARALLEL_SCALE_MM);
  expect(framingParallelScale({ ...canvas, regionWidthPx: 700, regionHeightPx: 500 })).toBe(200);
});
