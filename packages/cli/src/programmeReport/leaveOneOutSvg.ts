import { LEAVE_ONE_OUT_FRAME, leaveOneOutLayout, type LeaveOneOutDice } from '@segqc/core';
import { attributes, escapeHtml as e, fixed } from './html';

/** What the series is, in the dashboard's words (extensions/segmentation-qc/src/programme/EwmaChartView.tsx LeaveOneOutView). */
export const LEAVE_ONE_OUT_CAPTION = 'Dice against the majority of the other annotators (leave-one-out), per case — shown, not monitored';

const xy = (value: number): string => value.toFixed(2);

/**
 * A drift chart's leave-one-out series (core DriftChart.leaveOneOut: the annotator's Dice against the
 * majority of the other annotators of each case, oldest first) as the small chart the viewer's
 * dashboard draws under the EWMA chart, on the same geometry (core leaveOneOutLayout): a line through
 * the cases and a point per case whose tooltip names the case, its date, the Dice and how many others
 * voted, its numbers in data-* attributes. '' when the chart has none (no case with three annotators).
 */
export function leaveOneOutSvg(points: readonly LeaveOneOutDice[], caseName: (studyInstanceUid: string) => string): string {
  if (points.length === 0) return '';
  const frame = LEAVE_ONE_OUT_FRAME;
  const layout = leaveOneOutLayout(points.map((p) => p.dice));
  const parts = layout.labels.map((label) => `<text class="tick-label" x="${frame.left - 4}" y="${xy(label.y + 3)}" text-anchor="end">${fixed(label.value)}</text>`);
  parts.push(`<polyline class="loo-line" points="${layout.points.map((at) => `${xy(at.x)},${xy(at.y)}`).join(' ')}"/>`);
  points.forEach((point, i) => {
    const at = layout.points[i];
    const name = caseName(point.caseId);
    const tip = `${name} (${point.date.slice(0, 10)}): Dice ${fixed(point.dice)} against the majority of the ${point.others} other annotators`;
    parts.push(`<circle class="loo-point" cx="${xy(at.x)}" cy="${xy(at.y)}" r="2.5"${attributes({
      'data-case': point.caseId, 'data-case-label': name, 'data-date': point.date, 'data-dice': point.dice, 'data-others': point.others,
    })}><title>${e(tip)}</title></circle>`);
  });
  return `<div class="loo"><div class="muted loo-caption">${e(LEAVE_ONE_OUT_CAPTION)}</div>`
    + `<svg class="loo-chart" role="img" aria-label="Dice against the leave-one-out majority of the other annotators" viewBox="0 0 ${frame.width} ${frame.height}" width="${frame.width}" height="${frame.height}" data-points="${points.length}">`
    + `${parts.join('')}</svg></div>`;
}
