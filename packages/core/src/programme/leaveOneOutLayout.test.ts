// Where the leave-one-out series' marks go: the dashboard and the HTML report draw it from this.
import { LEAVE_ONE_OUT_FRAME, leaveOneOutLayout } from './leaveOneOutLayout';

// Plot area from x 34 to 292 (258 wide) and y 6 to 50 (44 high).
it('spreads the cases over the width and the values from the highest (top) to the lowest (bottom)', () => {
  const { points, labels } = leaveOneOutLayout([0.8, 0.9, 0.85]);
  expect(points.map((p) => p.x)).toEqual([34, 34 + 129, 292]);
  expect(points[0].y).toBeCloseTo(50, 12);
  expect(points[1].y).toBeCloseTo(6, 12);
  expect(points[2].y).toBeCloseTo(28, 12);
  expect(labels).toEqual([{ value: 0.9, y: 6 }, { value: 0.8, y: expect.closeTo(50, 12) }]);
});

it('one case sits in the middle; a flat series on the top line with one label; none draws nothing', () => {
  expect(leaveOneOutLayout([0.7])).toEqual({ points: [{ x: 34 + 129, y: 6 }], labels: [{ value: 0.7, y: 6 }] });
  expect(leaveOneOutLayout([0.5, 0.5]).points).toEqual([{ x: 34, y: 6 }, { x: 292, y: 6 }]);
  expect(leaveOneOutLayout([])).toEqual({ points: [], labels: [] });
  expect(LEAVE_ONE_OUT_FRAME).toEqual({ width: 300, height: 64, left: 34, right: 8, top: 6, bottom: 14 });
});
