// A drift chart's unmonitored majority-vote points go among the monitored ones by date (then case id).
import { CHART_FRAME, chartLayout } from '../programme/chartLayout';
import type { AgreementObservation } from '../programme/agreementSeries';
import { driftChartLayout } from './driftChartLayout';
import { programmeReliability } from './programmeReliability';

const observation = (caseId: string, date: string, dice: number, reference: AgreementObservation['reference']): AgreementObservation =>
  ({ caseId, date, annotator: 'X', structure: 'Liver', modality: 'CT', dice, reference });

it('places each unmonitored point after the monitored points before it in time', () => {
  const agreement = [
    observation('a1', '2024-03-01', 0.9, 'adjudicated'),
    observation('a2', '2024-03-08', 0.92, 'adjudicated'),
    observation('a3', '2024-03-15', 0.91, 'adjudicated'),
    // Same day as a2, later case id: after it. Before everything: first.
    observation('b', '2024-03-08', 0.7, 'peer'),
    observation('0', '2024-02-01', 0.6, 'peer'),
  ];
  const [drift] = programmeReliability([{ caseId: 'all', modality: 'CT', structures: [], agreement, pairs: [], lesionCounts: [], calibration: [] }], []).drift;
  const layout = driftChartLayout(drift);
  expect(drift.unmonitored.map((o) => o.caseId)).toEqual(['0', 'b']);
  expect(layout).toEqual(chartLayout(drift.state.chart, CHART_FRAME, [{ value: 0.6, after: 0 }, { value: 0.7, after: 2 }]));
});
