/**
 * The geometry of a drift chart (programmeReliability's DriftChart): its monitored points and, in
 * time order among them, the unmonitored Dice against the majority vote (core chartLayout).
 */
import { CHART_FRAME, chartLayout, type ChartFrame, type ChartLayout } from '../programme/chartLayout';
import { isoInstant } from '../programme/isoInstant';
import type { AgreementObservation } from '../programme/agreementSeries';
import type { DriftChart } from './programmeReliability';

/** agreementSeries' order: by time, then case id. */
function before(a: AgreementObservation, b: AgreementObservation): boolean {
  const [ta, tb] = [isoInstant(a.date, 'date'), isoInstant(b.date, 'date')];
  return ta < tb || (ta === tb && a.caseId < b.caseId);
}

export function driftChartLayout(drift: DriftChart, frame: ChartFrame = CHART_FRAME): ChartLayout {
  const { observations } = drift.series;
  return chartLayout(drift.state.chart, frame, drift.unmonitored.map((peer) => ({ value: peer.dice, after: observations.filter((o) => before(o, peer)).length })));
}
