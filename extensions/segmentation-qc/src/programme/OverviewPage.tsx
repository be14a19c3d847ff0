import { useMemo, useState } from 'react';
import { QC_STATES, type CaseStoreSync, type QcState } from '@segqc/core';
import type { ServicesManager } from '../services';
import { reviewRoute } from './caseRoutes';
import { calendarDate, personLabel, QC_STATE_LABELS } from './format';
import { isPlainLeftClick, navigateInViewer, viewerPath } from './navigateInViewer';
import { predictedVerdict, type OverviewCase } from './overviewCase';
import { AGREEMENT_FILTER_LABELS, byLabel, filterChoices, matchesFilter, NO_FILTER, type AgreementFilter, type OverviewFilter } from './overviewFilters';
import { ProgrammeError, ProgrammePage, ProgrammeProgressView, SkippedCases, StateBadge } from './ProgrammePage';
import { TriageCell } from './TriageCell';
import { useOverviewCases, type OverviewCases } from './useOverviewCases';

const PREDICTED_TEXT = { 'escalation-predicted': 'escalation predicted', 'agreement-predicted': 'agreement predicted' } as const;

function FilterSelect({ name, label, value, choices, onChange }: { name: keyof OverviewFilter; label: string; value: string; choices: Array<{ value: string; label: string }>; onChange: (value: string) => void }) {
  return (
    <label className="segqc-filter">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={`segqc-overview-filter-${name}`}>
        <option value="">All</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>{choice.label}</option>
        ))}
      </select>
    </label>
  );
}

function CaseRow({ overviewCase }: { overviewCase: OverviewCase }) {
  const { summary } = overviewCase;
  const predicted = predictedVerdict(overviewCase);
  const route = reviewRoute(summary.studyInstanceUid);
  const open = () => navigateInViewer(route);
  return (
    <tr
      className="segqc-overview-row"
      data-testid="segqc-overview-row"
      data-study={summary.studyInstanceUid}
      data-label={summary.label}
      data-state={summary.state}
      data-predicted={predicted ?? ''}
      data-modality={summary.modality ?? ''}
      data-annotators={JSON.stringify(summary.annotators)}
      data-sops={JSON.stringify(summary.sops)}
      data-calibration={summary.calibration}
      onClick={open}
      title="Open the case in the review flow"
    >
      <td>
        <a
          href={viewerPath(route, window as never)}
          data-testid="segqc-overview-open"
          onClick={(event) => {
            event.stopPropagation();
            if (!isPlainLeftClick(event)) return;
            event.preventDefault();
            open();
          }}
        >
          {summary.label}
        </a>
        {/* Apart from the name (it read "CT-CALGOLD"), and in the CLI report's word for it. */}
        {summary.calibration && <>{' '}<span className="segqc-role" data-testid="segqc-overview-calibration" title="A calibration case: annotators are scored against its GOLD reference SEG">calibration</span></>}
        <div className="segqc-muted">{[summary.patientName && personLabel(summary.patientName), summary.studyDescription].filter(Boolean).join(' · ')}</div>
      </td>
      <td>{calendarDate(summary.studyDate)}</td>
      <td>{summary.modality ?? '—'}</td>
      <td>
        <StateBadge state={summary.state} />
        {predicted && <div className={`segqc-predicted segqc-${predicted}`} data-testid="segqc-overview-predicted">{PREDICTED_TEXT[predicted]}</div>}
      </td>
      <TriageCell overviewCase={overviewCase} />
      <td>
        <ul className="segqc-cell-list">
          {summary.annotations.map((annotation) => (
            <li key={annotation.sopInstanceUid}>
              {personLabel(annotation.annotator)} <span className="segqc-muted">{calendarDate(annotation.madeAt)}</span>
            </li>
          ))}
        </ul>
      </td>
      <td>{summary.sops.length > 0 ? summary.sops.join(', ') : <span className="segqc-muted">none recorded</span>}</td>
      <td>
        {summary.references.map((reference, n) => (
          <div key={n}>{reference.kind} <span className="segqc-muted">{personLabel(reference.annotator)}</span></div>
        ))}
        {summary.qcReports > 0 && <div className="segqc-muted">{summary.qcReports} QC report{summary.qcReports === 1 ? '' : 's'}</div>}
        {summary.unreadable.length > 0 && <div className="segqc-warning" title={summary.unreadable.join('\n')}>{summary.unreadable.length} unreadable</div>}
      </td>
    </tr>
  );
}

/** Where the overview's cases came from, and how fresh: the case store's last sync, or the PACS read now. */
function SourceNote({ result }: { result: OverviewCases }) {
  if (result.source === 'pacs') {
    return <p className="segqc-muted" data-testid="segqc-overview-source" data-source="pacs">Read from the PACS now. This server keeps no case store, so no verdict is predicted before a review (run <code>segqc sync</code> and set SEGQC_CASE_STORE on the gateway).</p>;
  }
  const sync = result.sync as CaseStoreSync;
  const judging = sync.pending.length;
  return (
    <p className="segqc-muted" data-testid="segqc-overview-source" data-source="store" data-pending={judging}>
      Verdicts predicted from each case's annotations against its SOP, before any review.{' '}
      {sync.finishedAt ? `In step with the PACS as of ${new Date(sync.finishedAt).toLocaleString()}` : `Syncing with the PACS since ${new Date(sync.startedAt).toLocaleString()}`}
      {judging > 0 ? `; judging ${judging} new or changed case${judging === 1 ? '' : 's'}…` : '.'}
    </p>
  );
}

/**
 * The QC overview: every case of the PACS with its QC state, the verdict its annotations predict
 * (from the programme's case store), annotators, modality and SOP; a click opens the case in the review flow.
 */
export function OverviewPage({ servicesManager }: { servicesManager: ServicesManager }) {
  const [generation, setGeneration] = useState(0);
  const [filter, setFilter] = useState<OverviewFilter>(NO_FILTER);
  const state = useOverviewCases(servicesManager, generation);
  const result = state.status === 'done' ? state.result : null;
  const summaries = useMemo(() => (result?.cases ?? []).map((c) => c.summary), [result]);
  const choices = useMemo(() => filterChoices(summaries), [summaries]);
  const shown = useMemo(() => (result?.cases ?? []).filter((c) => matchesFilter(c, filter)).sort((a, b) => byLabel(a.summary, b.summary)), [result, filter]);
  const byUid = useMemo(() => new Map(summaries.map((c) => [c.studyInstanceUid, c])), [summaries]);
  const set = (name: keyof OverviewFilter) => (value: string) => setFilter((current) => ({ ...current, [name]: value }));

  return (
    <ProgrammePage title="SegQC — QC overview" active="overview" onReload={() => setGeneration((g) => g + 1)} testId="segqc-overview-page">
      {state.status === 'running' && <ProgrammeProgressView progress={state.progress} />}
      {state.status === 'failed' && <ProgrammeError error={state.error} />}
      {result && (
        <section className="segqc-page-section" data-testid="segqc-overview" data-status="done" data-cases={result.cases.length} data-source={result.source}>
          <SourceNote result={result} />
          <div className="segqc-filters">
            <FilterSelect name="state" label="QC state" value={filter.state} choices={QC_STATES.map((s: QcState) => ({ value: s, label: QC_STATE_LABELS[s] }))} onChange={set('state')} />
            {result.source === 'store' && (
              <FilterSelect name="agreement" label="Agreement" value={filter.agreement} choices={(Object.keys(AGREEMENT_FILTER_LABELS) as AgreementFilter[]).map((a) => ({ value: a, label: AGREEMENT_FILTER_LABELS[a] }))} onChange={set('agreement')} />
            )}
            <FilterSelect name="annotator" label="Annotator" value={filter.annotator} choices={choices.annotators.map((a) => ({ value: a, label: personLabel(a) }))} onChange={set('annotator')} />
            <FilterSelect name="modality" label="Modality" value={filter.modality} choices={choices.modalities.map((m) => ({ value: m, label: m }))} onChange={set('modality')} />
            <FilterSelect name="sop" label="SOP" value={filter.sop} choices={choices.sops.map((s) => ({ value: s, label: s }))} onChange={set('sop')} />
            <span className="segqc-muted" data-testid="segqc-overview-count">
              {shown.length} of {result.cases.length} cases{result.studiesWithoutSegs > 0 ? ` (and ${result.studiesWithoutSegs} studies without any SEG)` : ''}
            </span>
          </div>
          <table className="segqc-page-table segqc-overview-table">
            <thead>
              <tr>
                <th>Case</th>
                <th>Study date</th>
                <th>Modality</th>
                <th>QC state</th>
                <th>Agreement</th>
                <th>Annotations</th>
                <th>SOP</th>
                <th>References and reports</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((overviewCase) => <CaseRow key={overviewCase.summary.studyInstanceUid} overviewCase={overviewCase} />)}
            </tbody>
          </table>
          {result.cases.length === 0 && <p className="segqc-empty">The PACS holds no study with a SEG.</p>}
          <SkippedCases skipped={result.skipped} cases={byUid} />
        </section>
      )}
    </ProgrammePage>
  );
}
