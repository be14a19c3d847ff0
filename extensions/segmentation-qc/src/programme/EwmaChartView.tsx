import {
  CHART_FRAME, driftChartLayout, LEAVE_ONE_OUT_FRAME, leaveOneOutLayout, UNMONITORED_REASON_TEXT,
  type AgreementObservation, type AgreementReference, type CaseSummary, type DriftChart, type LeaveOneOutDice,
} from '@segqc/core';
import { calendarDate, fixed, personLabel, REFERENCE_LABELS } from './format';

const numberAttribute = (value: number | null | undefined): string | undefined => (value === null || value === undefined ? undefined : String(value));

/**
 * One annotator × structure × modality drift chart (core ewmaChart) as SVG: the Dice of each case
 * (hollow), the EWMA (line and filled points) with the centre line and the time-varying limits
 * from the baseline window (shaded), alarms in red. Dice against the majority vote of a case
 * without a reference standard is shown in its place in time (grey square) but not monitored, and so
 * is Dice against a reference taken from this annotator or made with their vote (issue 14). Beside
 * the chart, the annotator's Dice against the leave-one-out majority of the others (LeaveOneOutView).
 * Each point carries its data in data-* attributes.
 */
export function EwmaChartView({ drift, cases }: { drift: DriftChart; cases: ReadonlyMap<string, CaseSummary> }) {
  const { series, state, references, unmonitored } = drift;
  const peerPoints = unmonitored.filter((o) => o.unmonitored === undefined).length;
  const takenFrom = unmonitored.filter((o) => o.unmonitored === 'reference-from-annotator').length;
  const votedIn = unmonitored.filter((o) => o.unmonitored === 'reference-made-with-annotator').length;
  const { chart } = state;
  const layout = driftChartLayout(drift);
  const frame = CHART_FRAME;
  const plotBottom = frame.height - frame.bottom;
  const caseLabel = (caseId: string) => cases.get(caseId)?.label ?? caseId;
  const title = `${personLabel(series.annotator)} · ${series.structure} · ${series.modality}`;
  const firstAlarm = chart.firstAlarmIndex === null ? null : series.observations[chart.firstAlarmIndex];
  const referenceCounts = (Object.entries(references) as Array<[AgreementReference, number]>).filter(([, n]) => n > 0);

  return (
    <figure className="segqc-chart" data-testid="segqc-ewma-figure" data-annotator={series.annotator} data-structure={series.structure} data-modality={series.modality}>
      <figcaption>
        <strong>{title}</strong>
        {state.recalibrationDue && <span className="segqc-alarm-badge" data-testid="segqc-chart-recalibration">recalibration due</span>}
        {!state.recalibrationDue && state.alarm && <span className="segqc-warning-badge">alarm earlier</span>}
      </figcaption>
      <svg
        role="img"
        aria-label={`EWMA control chart of ${title}`}
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        width={frame.width}
        height={frame.height}
        data-testid="segqc-ewma-chart"
        data-annotator={series.annotator}
        data-structure={series.structure}
        data-modality={series.modality}
        data-points={chart.points.length}
        data-unmonitored-points={unmonitored.length}
        data-baseline-points={chart.baselinePoints}
        data-centre={numberAttribute(chart.centre)}
        data-sigma={numberAttribute(chart.sigma)}
        data-baseline-sigma={numberAttribute(chart.baselineSigma)}
        data-sigma-floor={numberAttribute(chart.sigmaFloor)}
        data-sigma-floored={chart.sigmaFloored}
        data-meaningful-dice-change={numberAttribute(state.meaningfulDiceChange)}
        data-alarm-side={chart.alarmSide}
        data-lambda={chart.lambda}
        data-limit-width={chart.limitWidth}
        data-alarm={state.alarm}
        data-alarms={chart.alarms.length}
        data-first-alarm-index={numberAttribute(chart.firstAlarmIndex)}
        data-first-alarm-case={firstAlarm?.caseId}
        data-first-alarm-date={firstAlarm?.date}
        data-recalibration-due={state.recalibrationDue}
      >
        {layout.baselineEndX !== null && (
          <rect className="segqc-chart-baseline" x={frame.left} y={frame.top} width={layout.baselineEndX - frame.left} height={plotBottom - frame.top} />
        )}
        {layout.ticks.map((tick) => (
          <g key={tick.value} className="segqc-chart-tick">
            <line x1={frame.left} x2={frame.width - frame.right} y1={tick.y} y2={tick.y} />
            <text x={frame.left - 4} y={tick.y + 3} textAnchor="end">{tick.value}</text>
          </g>
        ))}
        {layout.centreY !== null && <line className="segqc-chart-centre" data-testid="segqc-ewma-centre" x1={frame.left} x2={frame.width - frame.right} y1={layout.centreY} y2={layout.centreY} />}
        {layout.upperPath && <path className="segqc-chart-limit" data-testid="segqc-ewma-upper" d={layout.upperPath} />}
        {layout.lowerPath && <path className="segqc-chart-limit" data-testid="segqc-ewma-lower" d={layout.lowerPath} />}
        {layout.ewmaPath && <path className="segqc-chart-ewma" d={layout.ewmaPath} />}
        {chart.points.map((point, i) => {
          const observation = series.observations[i];
          const at = layout.points[i];
          const monitored = point.phase === 'monitoring' ? point : null;
          const alarm = monitored?.alarm ?? null;
          return (
            <g key={point.index}>
              <circle
                className="segqc-chart-value"
                cx={at.x}
                cy={at.yValue}
                r={3}
                data-testid="segqc-ewma-point"
                data-index={point.index}
                data-case={observation.caseId}
                data-case-label={caseLabel(observation.caseId)}
                data-date={observation.date}
                data-dice={point.value}
                data-reference={observation.reference}
                data-phase={point.phase}
                data-ewma={numberAttribute(monitored?.ewma)}
                data-lower={numberAttribute(monitored?.lower)}
                data-upper={numberAttribute(monitored?.upper)}
                data-alarm={alarm ?? 'none'}
              >
                <title>{`${caseLabel(observation.caseId)} (${calendarDate(observation.date)}): Dice ${fixed(point.value)}${monitored ? `, EWMA ${fixed(monitored.ewma)}` : ' (baseline)'}${alarm ? `, alarm ${alarm}` : ''}`}</title>
              </circle>
              {at.yEwma !== null && <circle className={alarm ? 'segqc-chart-ewma-point segqc-chart-alarm' : 'segqc-chart-ewma-point'} data-testid={alarm ? 'segqc-ewma-alarm' : undefined} cx={at.x} cy={at.yEwma} r={alarm ? 5 : 3.5} />}
              <text className="segqc-chart-xlabel" x={at.x} y={plotBottom + 13} textAnchor="middle">{caseLabel(observation.caseId)}</text>
              <text className="segqc-chart-xlabel segqc-muted" x={at.x} y={plotBottom + 25} textAnchor="middle">{calendarDate(observation.date).slice(5)}</text>
            </g>
          );
        })}
        {unmonitored.map((observation, j) => {
          const at = layout.unmonitored[j];
          return (
            <g key={`unmonitored-${observation.caseId}`}>
              <rect
                className="segqc-chart-unmonitored"
                x={at.x - 3}
                y={at.yValue - 3}
                width={6}
                height={6}
                data-testid="segqc-ewma-unmonitored"
                data-case={observation.caseId}
                data-case-label={caseLabel(observation.caseId)}
                data-date={observation.date}
                data-dice={observation.dice}
                data-reference={observation.reference}
                data-unmonitored-reason={observation.unmonitored}
                data-reference-from-annotator={observation.unmonitored === 'reference-from-annotator'}
              >
                <title>{`${caseLabel(observation.caseId)} (${calendarDate(observation.date)}): Dice ${fixed(observation.dice)} against ${REFERENCE_LABELS[observation.reference]}; not monitored${unmonitoredWhy(observation)}`}</title>
              </rect>
              <text className="segqc-chart-xlabel segqc-muted" x={at.x} y={plotBottom + 13} textAnchor="middle">{caseLabel(observation.caseId)}</text>
              <text className="segqc-chart-xlabel segqc-muted" x={at.x} y={plotBottom + 25} textAnchor="middle">{calendarDate(observation.date).slice(5)}</text>
            </g>
          );
        })}
      </svg>
      <ul className="segqc-chart-legend" data-testid="segqc-ewma-legend">
        <li><span className="segqc-key segqc-key-value" /> Dice per case</li>
        <li><span className="segqc-key segqc-key-ewma" /> EWMA (λ {chart.lambda})</li>
        <li><span className="segqc-key segqc-key-centre" /> centre{chart.centre !== null ? ` ${fixed(chart.centre)}` : ''}</li>
        <li data-testid="segqc-ewma-limits-legend">
          <span className="segqc-key segqc-key-limit" /> limits (L {chart.limitWidth}, σ {fixed(chart.sigma, 4)}
          {chart.sigmaFloored
            ? ` = the floor m / L, m = ${fixed(state.meaningfulDiceChange, 3)} (the SOP's meaningful Dice change; the first ${chart.baselinePoints} cases give ${chart.baselineSigma === null ? 'no variation' : `σ ${fixed(chart.baselineSigma, 4)}`})`
            : ` from the first ${chart.baselinePoints} cases`}, shaded)
        </li>
        <li><span className="segqc-key segqc-key-alarm" /> alarm{chart.alarmSide === 'both' ? '' : ` (only ${chart.alarmSide === 'below' ? 'a fall' : 'a rise'} alarms)`}</li>
        {referenceCounts.length > 0 && (
          <li className="segqc-chart-reference" data-testid="segqc-ewma-reference">
            Reference: {referenceCounts.map(([reference, n]) => `${REFERENCE_LABELS[reference]} (${n} case${n === 1 ? '' : 's'})`).join('; ')}
          </li>
        )}
        {peerPoints > 0 && (
          <li data-testid="segqc-ewma-unmonitored-legend">
            <span className="segqc-key segqc-key-unmonitored" /> not monitored: Dice against {REFERENCE_LABELS.peer} ({cases_(peerPoints)})
          </li>
        )}
        {takenFrom > 0 && (
          <li data-testid="segqc-ewma-reference-from-annotator-legend">
            <span className="segqc-key segqc-key-unmonitored" /> not monitored: {UNMONITORED_REASON_TEXT['reference-from-annotator']} ({cases_(takenFrom)})
          </li>
        )}
        {votedIn > 0 && (
          <li data-testid="segqc-ewma-reference-made-with-annotator-legend">
            <span className="segqc-key segqc-key-unmonitored" /> not monitored: {UNMONITORED_REASON_TEXT['reference-made-with-annotator']} ({cases_(votedIn)})
          </li>
        )}
        {chart.points.length === 0 && <li className="segqc-muted">Nothing monitored yet: no case of this chart has an adjudicated or gold reference.</li>}
        {chart.points.length > 0 && !chart.baselineComplete && <li className="segqc-muted">Baseline incomplete: no limits until {chart.baselinePoints} cases.</li>}
        {chart.baselineComplete && chart.sigma === null && <li className="segqc-muted">The baseline cases all agree exactly: no variation to set limits from.</li>}
      </ul>
      <LeaveOneOutView points={drift.leaveOneOut ?? []} caseLabel={caseLabel} />
    </figure>
  );
}

const cases_ = (n: number): string => `${n} case${n === 1 ? '' : 's'}`;

function unmonitoredWhy(observation: AgreementObservation): string {
  return observation.unmonitored ? ` (${UNMONITORED_REASON_TEXT[observation.unmonitored]})` : '';
}

/**
 * The annotator's Dice against the majority vote of the other annotators of each case (leave-one-out),
 * case by case in time order: to follow an annotator between adjudications. Drawn, never monitored;
 * laid out by core leaveOneOutLayout, as `segqc report --html` draws it.
 */
export function LeaveOneOutView({ points, caseLabel }: { points: readonly LeaveOneOutDice[]; caseLabel: (caseId: string) => string }) {
  if (points.length === 0) return null;
  const f = LEAVE_ONE_OUT_FRAME;
  const layout = leaveOneOutLayout(points.map((p) => p.dice));
  return (
    <div className="segqc-chart-loo" data-testid="segqc-loo" style={{ marginTop: 6 }}>
      <div className="segqc-muted" style={{ fontSize: '0.85em' }}>Dice against the majority of the other annotators (leave-one-out), per case — shown, not monitored</div>
      <svg role="img" aria-label="Dice against the leave-one-out majority of the other annotators" viewBox={`0 0 ${f.width} ${f.height}`} width={f.width} height={f.height} data-testid="segqc-loo-chart">
        {layout.labels.map((label) => <text key={label.value} x={f.left - 4} y={label.y + 3} textAnchor="end" fontSize={9}>{fixed(label.value)}</text>)}
        <polyline points={layout.points.map(({ x, y }) => `${x},${y}`).join(' ')} fill="none" stroke="#5a6a7a" strokeWidth={1} />
        {points.map((p, i) => (
          <circle key={p.caseId} cx={layout.points[i]!.x} cy={layout.points[i]!.y} r={2.5} fill="#5a6a7a" data-testid="segqc-loo-point" data-case={p.caseId} data-date={p.date} data-dice={p.dice} data-others={p.others}>
            <title>{`${caseLabel(p.caseId)} (${calendarDate(p.date)}): Dice ${fixed(p.dice)} against the majority of the ${p.others} other annotators`}</title>
          </circle>
        ))}
      </svg>
    </div>
  );
}
