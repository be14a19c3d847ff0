import type { CaseTriage } from '@segqc/core';
import { personLabel } from './format';
import type { OverviewCase } from './overviewCase';

const VERDICT_TEXT = { escalate: 'Escalate', pass: 'All pairs pass', 'no-thresholds': 'No SOP limits' } as const;

function JudgedTriage({ triage }: { triage: Extract<CaseTriage, { kind: 'judged' }> }) {
  const escalated = triage.structures.filter((structure) => structure.verdict === 'escalate');
  return (
    <>
      <span className={`segqc-verdict segqc-verdict-${triage.verdict}`} data-testid="segqc-overview-verdict">{VERDICT_TEXT[triage.verdict]}</span>
      {triage.sop && <span className="segqc-muted"> against {triage.sop}</span>}
      {escalated.length > 0 && (
        <ul className="segqc-cell-list segqc-triage-structures">
          {escalated.map((structure) => (
            <li key={structure.label} data-testid="segqc-overview-failing" data-structure={structure.label} data-failing={structure.failing.length}>
              <strong>{structure.label}</strong>: {structure.failing.length} pair{structure.failing.length === 1 ? '' : 's'} fail
              <ul className="segqc-triage-pairs">
                {structure.failing.map((line) => <li key={line} className="segqc-muted">{line}</li>)}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {triage.outlier && <div className="segqc-warning" data-testid="segqc-overview-outlier">{personLabel(triage.outlier)} is in every failing pair</div>}
      {triage.excluded.length > 0 && <div className="segqc-warning" title={triage.excluded.join('\n')}>{triage.excluded.length} annotation{triage.excluded.length === 1 ? '' : 's'} left out</div>}
    </>
  );
}

/** The overview's agreement cell: the verdict the case's annotations predict against its SOP, the failing structures and pairs in words. */
export function TriageCell({ overviewCase }: { overviewCase: OverviewCase }) {
  const { triage, pending } = overviewCase;
  return (
    <td data-testid="segqc-overview-triage" data-triage={triage?.kind ?? 'none'} data-verdict={triage?.kind === 'judged' ? triage.verdict : ''}>
      {pending && <div className="segqc-muted" data-testid="segqc-overview-pending">Judging the new version…</div>}
      {triage === null && !pending && <span className="segqc-muted">—</span>}
      {triage?.kind === 'judged' && <JudgedTriage triage={triage} />}
      {triage?.kind === 'not-double-read' && <span className="segqc-muted">Not compared: fewer than two annotations of one series</span>}
      {triage?.kind === 'failed' && <span className="segqc-warning">Could not be judged: {triage.reason}</span>}
    </td>
  );
}
