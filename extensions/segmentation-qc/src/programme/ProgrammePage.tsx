import type { MouseEvent, ReactNode } from 'react';
import type { CaseSummary } from '@segqc/core';
import { PROGRAMME_ROUTES } from '../ids';
import { QC_STATE_LABELS } from './format';
import { isPlainLeftClick, navigateInViewer, viewerPath } from './navigateInViewer';
import type { ProgrammeProgress } from './ProgrammeWorkerClient';
import type { SkippedCase } from './programmeWorkerProtocol';
import stylesheet from './programme.css';

const viewerGlobals = () => window as unknown as Parameters<typeof viewerPath>[1];

/** A link to another page of the viewer that moves there without reloading it (navigateInViewer). */
export function ViewerLink({ route, children, testId, className }: { route: string; children: ReactNode; testId?: string; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainLeftClick(event)) return;
    event.preventDefault();
    navigateInViewer(route);
  };
  return (
    <a href={viewerPath(route, viewerGlobals())} onClick={onClick} data-testid={testId} className={className}>
      {children}
    </a>
  );
}

/** The frame of a programme page: SegQC's stylesheet, the title and the links between the pages and to the study list. */
export function ProgrammePage({ title, active, onReload, children, testId }: { title: string; active: 'overview' | 'dashboard'; onReload: () => void; children: ReactNode; testId: string }) {
  return (
    <div className="segqc-page" data-testid={testId}>
      <style>{stylesheet}</style>
      <header className="segqc-page-header">
        <h1>{title}</h1>
        <nav>
          <ViewerLink route="/" testId="segqc-nav-study-list">Study list</ViewerLink>
          <ViewerLink route={PROGRAMME_ROUTES.overview} testId="segqc-nav-overview" className={active === 'overview' ? 'segqc-nav-active' : undefined}>QC overview</ViewerLink>
          <ViewerLink route={PROGRAMME_ROUTES.dashboard} testId="segqc-nav-dashboard" className={active === 'dashboard' ? 'segqc-nav-active' : undefined}>Reliability dashboard</ViewerLink>
          <button type="button" onClick={onReload} data-testid="segqc-programme-reload">Reload</button>
        </nav>
      </header>
      <main>{children}</main>
    </div>
  );
}

const STAGE_TEXT = { inventory: 'Listing the cases of the PACS', reading: 'Reading and comparing the SEGs of each case' } as const;

export function ProgrammeProgressView({ progress }: { progress: ProgrammeProgress | null }) {
  const known = progress !== null && progress.total > 0;
  return (
    <div className="segqc-progress segqc-page-progress" data-testid="segqc-programme-progress" data-stage={progress?.stage ?? 'starting'} data-done={progress?.done ?? 0} data-total={progress?.total ?? 0}>
      <span>{progress ? `${STAGE_TEXT[progress.stage]}${known ? `: ${progress.done} of ${progress.total}` : '…'}` : 'Starting…'}</span>
      {known ? <progress max={progress.total} value={progress.done} /> : <progress />}
    </div>
  );
}

export function ProgrammeError({ error }: { error: string }) {
  return <div className="segqc-error" role="alert" data-testid="segqc-programme-error">{error}</div>;
}

export function SkippedCases({ skipped, cases }: { skipped: readonly SkippedCase[]; cases: ReadonlyMap<string, CaseSummary> }) {
  if (skipped.length === 0) return null;
  return (
    <section className="segqc-page-section" data-testid="segqc-programme-skipped">
      <h2>Not used ({skipped.length})</h2>
      <ul className="segqc-skipped">
        {skipped.map((entry, n) => (
          <li key={n} data-study={entry.studyInstanceUid}>
            <strong>{cases.get(entry.studyInstanceUid)?.label ?? entry.studyInstanceUid}</strong>: {entry.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StateBadge({ state }: { state: CaseSummary['state'] }) {
  return <span className={`segqc-state segqc-state-${state}`}>{QC_STATE_LABELS[state]}</span>;
}
