import { CHART_FRAME, driftChartLayout, type AgreementReference, type DriftChart } from '@segqc/core';
import type { CaseSummary } from './caseSummary';
import { calendarDate, fixed, personLabel, REFERENCE_LABELS } from './format';

const numberAttribute = (value: number | null | undefined): string | undefined => (value === null || value === undefined ? undefined : String(value));

/**
 * One annotator × structure × modality drift chart (core ewmaChart) as SVG: the Dice of each case
 * (hollow), the EWMA (line and filled points) with the centre line and the time-varying limits
 * from the baseline window (shaded), alarms in red. Dice against the majority vote of a case
 * without a reference standard is shown in its place in time (grey square) but not monitored. Each
 * point carries its data in data-* attributes.
 */
export function EwmaChartView({ drift, cases }: { drift: DriftChart; cases: ReadonlyMap<string, CaseSummary> }) {
  const { series, state, references, unmonitored } = drift;
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
              >
                <title>{`${caseLabel(observation.caseId)} (${calendarDate(observation.date)}): Dice ${fixed(observation.dice)} against ${REFERENCE_LABELS[observation.reference]}; not monitored`}</title>
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
        <li><span className="segqc-key segqc-key-limit" /> limits (L {chart.limitWidth}, σ {fixed(chart.sigma, 4)} from the first {chart.baselinePoints} cases, shaded)</li>
        <li><span className="segqc-key segqc-key-alarm" /> alarm</li>
        {referenceCounts.length > 0 && (
          <li className="segqc-chart-reference" data-testid="segqc-ewma-reference">
            Reference: {referenceCounts.map(([reference, n]) => `${REFERENCE_LABELS[reference]} (${n} case${n === 1 ? '' : 's'})`).join('; ')}
          </li>
        )}
        {unmonitored.length > 0 && (
          <li data-testid="segqc-ewma-unmonitored-legend">
            <span className="segqc-key segqc-key-unmonitored" /> not monitored: Dice against {REFERENCE_LABELS.peer} ({unmonitored.length} case{unmonitored.length === 1 ? '' : 's'})
          </li>
        )}
        {chart.points.length === 0 && <li className="segqc-muted">Nothing monitored yet: no case of this chart has an adjudicated or gold reference.</li>}
        {chart.points.length > 0 && !chart.baselineComplete && <li className="segqc-muted">Baseline incomplete: no limits until {chart.baselinePoints} cases.</li>}
        {chart.baselineComplete && chart.sigma === null && <li className="segqc-muted">The baseline cases all agree exactly: no variation to set limits from.</li>}
      </ul>
    </figure>
  );
}
