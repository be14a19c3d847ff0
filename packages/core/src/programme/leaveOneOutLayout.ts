/**
 * Where a drift chart's leave-one-out series (DriftChart.leaveOneOut: the annotator's Dice against the
 * majority of the other annotators, case by case, oldest first) goes in the small chart drawn under
 * it, by the viewer's dashboard (EwmaChartView's LeaveOneOutView) and `segqc report --html` alike:
 * one column per case, evenly spread (a single case in the middle), the y axis from the lowest to the
 * highest value, labelled at both ends (a flat series at the top, one label). It is shown, never
 * monitored, so it has no limits and no share of the EWMA chart's axis.
 */
import type { ChartFrame } from './chartLayout';

export const LEAVE_ONE_OUT_FRAME: Readonly<ChartFrame> = Object.freeze({ width: 300, height: 64, left: 34, right: 8, top: 6, bottom: 14 });

export interface LeaveOneOutLayout {
  /** One per value, in the order given. */
  points: Array<{ x: number; y: number }>;
  /** The axis labels: the highest value, and the lowest when it differs. */
  labels: Array<{ value: number; y: number }>;
}

export function leaveOneOutLayout(values: readonly number[], frame: ChartFrame = LEAVE_ONE_OUT_FRAME): LeaveOneOutLayout {
  if (values.length === 0) return { points: [], labels: [] };
  const high = Math.max(...values);
  const low = Math.min(...values);
  const plotWidth = frame.width - frame.left - frame.right;
  const plotHeight = frame.height - frame.top - frame.bottom;
  const x = (i: number) => frame.left + (values.length === 1 ? plotWidth / 2 : (i * plotWidth) / (values.length - 1));
  // A flat series (span 0) sits on the top line.
  const y = (value: number) => frame.top + ((high - value) / (high - low || 1)) * plotHeight;
  return {
    points: values.map((value, i) => ({ x: x(i), y: y(value) })),
    labels: high === low ? [{ value: high, y: y(high) }] : [{ value: high, y: y(high) }, { value: low, y: y(low) }],
  };
}
