import { withSegqcServices } from '../panels/withSegqcServices';
import { useCallback, useMemo, useState } from 'react';
import type { Sop } from '@segqc/core';
import { activeDicomwebRootOrError, type ExtensionManager } from '../dataSourceRoot';
import { IdentityForm } from '../identity/IdentityForm';
import type { Identity } from '../identity/Identity';
import { RecordedIdentity } from '../identity/RecordedIdentity';
import { useIdentity } from '../identity/useIdentity';
import { OutboxStatus } from '../outbox/OutboxStatus';
import type { SegqcServices } from '../services';
import { SopChecklist } from '../sop/SopChecklist';
import { SopPanelSection } from '../sop/SopPanelSection';
import { useChecklist, type Checklist } from '../sop/useChecklist';
import { useSopInForce } from '../sop/useSopInForce';
import type { OwnAnnotation } from './ownAnnotationsOfStudy';
import { useAnnotationOutbox } from './useAnnotationOutbox';
import { useAnnotationSession, type AnnotationSession } from './useAnnotationSession';
import { useOpenSeriesToAnnotate } from './useOpenSeriesToAnnotate';
import { useOwnAnnotations } from './useOwnAnnotations';
import { useSaveAnnotation, type SaveState } from './useSaveAnnotation';
import { useSopBrush } from './useSopBrush';

/** SeriesNumber of an annotator's n-th SEG of a study: 900 + n (SEG series sort after the images in most viewers). */
const ANNOTATION_SERIES_NUMBER_BASE = 900;

/** The institution whose login the creator's is: the source images' InstitutionName, else this viewer's host. */
function institutionOf(session: AnnotationSession, services: SegqcServices): string {
  const displaySet = services.displaySetService.getDisplaySetByUID(session.series.displaySetInstanceUID);
  const named = (displaySet?.images ?? displaySet?.instances ?? [])[0]?.InstitutionName;
  const text = Array.isArray(named) ? named[0] : named;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : location.host;
}

/** Why Save is not possible yet, or null when it is. */
function saveBlockedBy(identity: Identity | null, session: AnnotationSession | null, sop: Sop | null, checklist: Checklist, outboxReady: boolean, saving: boolean): string | null {
  if (!identity) return 'Say who you are first.';
  if (!session) return 'Start a segmentation first.';
  if (!sop || sop.reference.sha256 !== session.sop.reference.sha256) return `The segmentation was started under ${session.sop.id}@${session.sop.version}, which is no longer the SOP in force: start a new one.`;
  if (checklist.missingRequired.length > 0) return 'Tick every required checklist item to save.';
  if (!outboxReady) return 'The outbox to the PACS is not open.';
  if (saving) return 'Saving…';
  return null;
}

function formatWhen(annotation: OwnAnnotation): string {
  const date = annotation.contentDate;
  const time = annotation.contentTime;
  const day = date && /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : date ?? 'no date';
  return time && /^\d{4}/.test(time) ? `${day} ${time.slice(0, 2)}:${time.slice(2, 4)}` : day;
}

function SaveStatus({ state }: { state: SaveState }) {
  if (state.status === 'idle') return null;
  if (state.status === 'failed') {
    return (
      <div className="segqc-error" role="alert" data-testid="segqc-save-status" data-state="failed">
        Not saved: {state.error}
      </div>
    );
  }
  if (state.status === 'saving') return <p className="segqc-empty" data-testid="segqc-save-status" data-state="saving">Saving…</p>;
  const painted = [...state.voxels.values()].reduce((a, b) => a + b, 0);
  return (
    <p className={state.status === 'stored' ? 'segqc-checklist-complete' : 'segqc-checklist-missing'} data-testid="segqc-save-status" data-state={state.status} data-sop-instance-uid={state.sopInstanceUID}>
      {state.status === 'stored' ? 'Stored in the PACS' : 'Queued for the PACS'} ({painted} painted voxels).
    </p>
  );
}

/** The annotator view: who, under which SOP, Start segmentation, the checklist, Save, and the annotator's own earlier SEGs. */
function AnnotateView({ services, extensionManager }: { services: SegqcServices; extensionManager: ExtensionManager }) {
  const { root: dicomwebRoot, error: rootError } = useMemo(() => activeDicomwebRootOrError(extensionManager), [extensionManager]);
  const identityState = useIdentity(services.userAuthenticationService);
  const { identity } = identityState;
  const sopInForce = useSopInForce(services);
  const { sop, series } = sopInForce;
  const checklist = useChecklist(sop, 'annotator');
  const { session, busy, error: sessionError, start, discard } = useAnnotationSession(services);
  useOpenSeriesToAnnotate(services, sopInForce.library, session !== null, series?.displaySetInstanceUID ?? null, services.displaySetService.getActiveDisplaySets().length);
  useSopBrush(services, session);
  const outbox = useAnnotationOutbox(services, dicomwebRoot);
  const [revision, setRevision] = useState(0);
  const own = useOwnAnnotations(services, dicomwebRoot, series?.StudyInstanceUID ?? null, identity?.login ?? null, revision);
  const { reset } = checklist;
  const onStored = useCallback(() => {
    setRevision((r) => r + 1);
    reset();
  }, [reset]);
  const { state: saveState, save } = useSaveAnnotation(services, outbox.outbox, onStored);

  const blocked = saveBlockedBy(identity, session, sop, checklist, outbox.outbox !== null, saveState.status === 'saving');
  const canStart = identity !== null && sop !== null && series !== null && session === null && !busy;
  const readOptions = useMemo(
    () => ({ fetch: (url: string, init: RequestInit) => fetch(url, init), headers: () => services.userAuthenticationService.getAuthorizationHeader() }),
    [services],
  );

  return (
    <section className="segqc-panel" data-testid="segqc-annotate-panel">
      <h2 className="segqc-title">Annotate</h2>
      <IdentityForm identity={identity} error={identityState.error} onDeclare={identityState.declare} onForget={identityState.forget} />
      <SopPanelSection sopInForce={sopInForce} />

      <section className="segqc-annotate-work" data-testid="segqc-annotate-work" data-started={session !== null}>
        <h3 className="segqc-subtitle">Segmentation</h3>
        {!session && (
          <button
            type="button"
            className="segqc-toggle"
            data-testid="segqc-start-segmentation"
            disabled={!canStart}
            onClick={() => sop && series && void start(sop, series.displaySetInstanceUID)}
          >
            {busy ? 'Starting…' : 'Start segmentation'}
          </button>
        )}
        {!session && !identity && <p className="segqc-empty">Say who you are to start.</p>}
        {!session && identity && !sop && <p className="segqc-empty">A SOP must be in force to start.</p>}
        {session && (
          <div className="segqc-annotation" data-testid="segqc-session" data-segmentation-id={session.segmentationId}>
            <div className="segqc-annotation-meta">
              Under {session.sop.id}@{session.sop.version}
              {session.continuedFrom && ` from your annotation of ${formatWhen(session.continuedFrom)}`}. Paint with the Brush of OHIF&apos;s segmentation tools below; selecting a structure there sets the brush to the SOP&apos;s size for it.
            </div>
            <ul className="segqc-structures">
              {session.sop.structures.map((structure, n) => (
                <li key={structure.label} data-testid="segqc-session-structure" data-segment-index={n + 1} data-brush-mm={structure.brushMm ?? ''}>
                  <span className="segqc-swatch" style={{ background: `rgb(${structure.color.join(',')})` }} aria-hidden="true" />
                  {structure.label}
                  {structure.brushMm !== undefined && <span className="segqc-muted"> · brush {structure.brushMm} mm</span>}
                </li>
              ))}
            </ul>
            <button type="button" className="segqc-toggle" data-testid="segqc-discard" onClick={discard} style={{ marginTop: 6 }}>
              Discard
            </button>
          </div>
        )}
        {sessionError && (
          <div className="segqc-error" role="alert" data-testid="segqc-session-error">
            {sessionError}
          </div>
        )}
      </section>

      <SopChecklist checklist={checklist} disabled={saveState.status === 'saving'} />
      <button
        type="button"
        className="segqc-toggle"
        data-testid="segqc-save"
        disabled={blocked !== null}
        title={blocked ?? 'Save the annotation as a SEG in the PACS'}
        onClick={() => session && identity && void save({ session, identity, seriesNumber: ANNOTATION_SERIES_NUMBER_BASE + own.annotations.length + 1, institutionName: institutionOf(session, services) })}
      >
        Save
      </button>
      {blocked && session && <p className="segqc-empty" data-testid="segqc-save-blocked">{blocked}</p>}
      <SaveStatus state={saveState} />
      <OutboxStatus outbox={outbox.outbox} />
      {(rootError ?? outbox.error) && (
        <div className="segqc-error" role="alert">
          Annotations cannot be stored in the PACS: {rootError ?? outbox.error}
        </div>
      )}

      <h3 className="segqc-subtitle" data-testid="segqc-own-annotations" data-state={!identity ? 'no-identity' : own.loading ? 'loading' : own.error ? 'error' : 'loaded'}>
        Your earlier annotations of this study <span data-testid="segqc-own-count">{own.annotations.length}</span>
      </h3>
      {!identity && <p className="segqc-empty">Say who you are to see them.</p>}
      {identity && own.loading && <p className="segqc-empty">Looking for them…</p>}
      {identity && !own.loading && !own.error && own.annotations.length === 0 && <p className="segqc-empty">None yet.</p>}
      {own.error && (
        <div className="segqc-error" role="alert">
          Your earlier annotations cannot be listed: {own.error}
        </div>
      )}
      <ul className="segqc-annotations">
        {own.annotations.map((annotation) => (
          <li key={annotation.sopInstanceUid} className="segqc-annotation" data-testid="segqc-own-annotation" data-sop-instance-uid={annotation.sopInstanceUid}>
            <div className="segqc-annotation-head">
              <span className="segqc-annotator">{formatWhen(annotation)}</span>
              <button
                type="button"
                className="segqc-toggle"
                data-testid="segqc-own-continue"
                disabled={!canStart || !dicomwebRoot}
                title="Start a new segmentation from this annotation"
                onClick={() =>
                  sop && series && dicomwebRoot &&
                  void start(sop, series.displaySetInstanceUID, { annotation, dicomwebRoot: new URL(dicomwebRoot, location.href).href.replace(/\/$/, ''), options: readOptions })
                }
              >
                Continue from this
              </button>
            </div>
            <div className="segqc-annotation-meta">
              <span>{annotation.sop ? `SOP ${annotation.sop.id}@${annotation.sop.version}+${annotation.sop.shortHash}` : 'no SOP recorded'}</span>
              <RecordedIdentity authentication={annotation.authentication} />
            </div>
            <ul className="segqc-structures">
              {annotation.structures.map((label, n) => (
                <li key={`${n}-${label}`}>{label}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const AnnotatePanel = withSegqcServices(AnnotateView);
