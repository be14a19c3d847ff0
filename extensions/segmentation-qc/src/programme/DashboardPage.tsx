import { useMemo, useState } from 'react';
import type { DriftChart } from '@segqc/core';
import type { ServicesManager } from '../services';
import { CalibrationView } from './CalibrationView';
import { EwmaChartView } from './EwmaChartView';
import { personLabel } from './format';
import { IrrMatrixView } from './IrrMatrixView';
import { LesionLabelsView } from './LesionLabelsView';
import { ProgrammeError, ProgrammePage, ProgrammeProgressView, SkippedCases } from './ProgrammePage';
import { DEFAULT_MEANINGFUL_DICE_CHANGE, MINIMUM_BASELINE_POINTS, recalibrationsDue } from '@segqc/core';
import { RecalibrationView } from './RecalibrationView';
import { useProgramme } from './useProgramme';

/** The drift charts grouped by annotator, in the order the core sorted them (annotator, structure, modality). */
function byAnnotator(drift: readonly DriftChart[]): Array<[string, DriftChart[]]> {
  const groups = new Map<string, DriftChart[]>();
  for (const chart of drift) groups.set(chart.series.annotator, [...(groups.get(chart.series.annotator) ?? []), chart]);
  return [...groups.entries()];
}

/**
 * The reliability dashboard: drift charts per annotator × structure × modality, who is due for
 * recalibration, pairwise IRR matrices, agreement on case-level lesion labels and the calibration
 * scores. Everything heavy (reading every SEG) runs in the programme worker.
 */
export function DashboardPage({ servicesManager }: { servicesManager: ServicesManager }) {
  const [generation, setGeneration] = useState(0);
  const state = useProgramme(servicesManager, 'reliability', generation);
  const result = state.status === 'done' ? state.result : null;
  const cases = useMemo(() => new Map((result?.cases ?? []).map((c) => [c.studyInstanceUid, c])), [result]);
  const due = useMemo(() => (result ? recalibrationsDue(result.reliability.drift) : []), [result]);
  const compared = result?.structures.length ?? 0;
  const calibrationCompared = result ? result.structures.filter((s) => cases.get(s.studyInstanceUid)?.calibration).length : 0;

  return (
    <ProgrammePage title="SegQC — reliability dashboard" active="dashboard" onReload={() => setGeneration((g) => g + 1)} testId="segqc-dashboard-page">
      {state.status === 'running' && <ProgrammeProgressView progress={state.progress} />}
      {state.status === 'failed' && <ProgrammeError error={state.error} />}
      {result && (
        <div data-testid="segqc-dashboard" data-status="done" data-cases={compared} data-charts={result.reliability.drift.length}>
          <p className="segqc-muted" data-testid="segqc-dashboard-summary">
            {compared} of {result.cases.length} cases compared ({calibrationCompared} calibration case{calibrationCompared === 1 ? '' : 's'}, also scored against their gold).
          </p>

          <section className="segqc-page-section">
            <h2>Recalibration</h2>
            <RecalibrationView due={due} cases={cases} />
          </section>

          <section className="segqc-page-section" data-testid="segqc-drift">
            <h2>Agreement with the reference over time</h2>
            <p className="segqc-muted">
              Each annotator’s Dice against the case’s reference standard (its adjudicated SEG, or the gold of a calibration case), as an EWMA control chart;
              the first cases of each chart set its centre and limits. A case without one is shown against the majority vote of its annotators but not
              monitored: the majority includes the annotator’s own vote and moves with the group.
            </p>
            <ul className="segqc-muted" data-testid="segqc-drift-rule">
              <li>A reference never judges the annotator it was taken from: where the adjudicator accepted an annotator’s segmentation, or edited the reference from it, that annotator’s point is drawn but not monitored; where the reference is a majority vote or STAPLE of the annotations, no one’s point is monitored.</li>
              <li>Only a fall in Dice alarms: agreement above the centre line is never drift.</li>
              <li>No alarm before {MINIMUM_BASELINE_POINTS} monitored cases have set the centre and σ.</li>
              <li>σ is never below m / L, m being the SOP’s meaningful Dice change for the structure ({DEFAULT_MEANINGFUL_DICE_CHANGE} where no SOP says), L = 3: one case alarms on its own only when its Dice falls more than m below the centre.</li>
              <li>Recalibration is due when the latest point is below the lower limit.</li>
              <li>Under each chart, the annotator’s Dice against the majority of the other annotators of each case (leave-one-out), to follow them between adjudications; not monitored.</li>
            </ul>
            {result.reliability.drift.length === 0 && <p className="segqc-empty">No case has a reference to compare with yet (a case needs an adjudicated or gold SEG, or three annotators for an unmonitored majority vote).</p>}
            {byAnnotator(result.reliability.drift).map(([annotator, charts]) => (
              <div key={annotator} className="segqc-chart-group" data-testid="segqc-annotator-charts" data-annotator={annotator}>
                <h3>{personLabel(annotator)}</h3>
                <div className="segqc-chart-row">
                  {charts.map((chart) => <EwmaChartView key={`${chart.series.structure}|${chart.series.modality}`} drift={chart} cases={cases} />)}
                </div>
              </div>
            ))}
          </section>

          <section className="segqc-page-section">
            <h2>Pairwise inter-rater agreement</h2>
            <p className="segqc-muted">Over the programme’s cases; calibration cases are scored against their gold (below), not paired.</p>
            <div className="segqc-chart-row">
              {result.reliability.irr.map((matrix) => <IrrMatrixView key={`${matrix.structure}|${matrix.modality}`} matrix={matrix} />)}
            </div>
          </section>

          <section className="segqc-page-section">
            <h2>Case-level labels</h2>
            <p className="segqc-muted">Over the programme’s cases, calibration cases left out.</p>
            <div className="segqc-chart-row">
              {result.reliability.lesionLabels.map((entry) => <LesionLabelsView key={`${entry.kind}|${entry.structure}|${entry.modality}`} entry={entry} />)}
            </div>
            {result.reliability.lesionLabels.length === 0 && <p className="segqc-empty">No lesion structure (category Morphologically Abnormal Structure) was segmented.</p>}
          </section>

          <section className="segqc-page-section">
            <h2>Calibration scores (accuracy against the gold)</h2>
            <CalibrationView calibration={result.reliability.calibration} cases={cases} />
          </section>

          <SkippedCases skipped={result.skipped} cases={cases} />
        </div>
      )}
    </ProgrammePage>
  );
}
