import { withSegqcServices } from './withSegqcServices';
import { useEffect, useMemo, useState } from 'react';
import { activeDicomwebRoot, activeDicomwebRootOrError, type ExtensionManager } from '../dataSourceRoot';
import { describeFailure } from '../describeFailure';
import type { DurableOutbox } from '../outbox/DurableOutbox';
import { OutboxStatus } from '../outbox/OutboxStatus';
import { segqcOutbox } from '../outbox/segqcOutbox';
import type { SegqcServices } from '../services';
import { useStudyAnnotations, type StudyAnnotation } from '../annotations/useStudyAnnotations';
import { AdjudicationSection } from '../adjudication/AdjudicationSection';
import { useAdjudication } from '../adjudication/useAdjudication';
import { IdentityForm } from '../identity/IdentityForm';
import { RecordedIdentity } from '../identity/RecordedIdentity';
import { useIdentity } from '../identity/useIdentity';
import { storeRefusal } from '../signIn/gatewaySession';
import { useGatewaySession } from '../signIn/useGatewaySession';
import { DiscrepancySection } from '../review/DiscrepancySection';
import { useChecklist } from '../sop/useChecklist';
import { SopPanelSection } from '../sop/SopPanelSection';
import { useSopInForce } from '../sop/useSopInForce';
import { RecordReviewSection } from '../review/RecordReviewSection';
import { ReviewSection } from '../review/ReviewSection';
import { ReviewerChoicesSection } from '../review/ReviewerChoicesSection';
import { attributedNames } from '../review/attributedNames';
import { usePanelChoices } from '../review/usePanelChoices';
import { reviewCandidates } from '../review/reviewCandidates';
import { reviewCandidatesKey } from '../review/reviewCandidatesKey';
import { useAgreementWorker, useCaseReview } from '../review/useCaseReview';
import { useDiscrepancyOverlay } from '../review/useDiscrepancyOverlay';
import { useRecordReview } from '../review/useRecordReview';
import type { AnnotationSummary } from '../annotations/annotationSummary';

/** No annotation to name: the sections' names while there is nothing to review. */
const NO_NAMES: ReadonlyMap<string, AnnotationSummary> = new Map();

function Swatch({ rgb }: { rgb: [number, number, number] | null }) {
  const background = rgb ? `rgb(${rgb.join(',')})` : 'transparent';
  return <span className="segqc-swatch" style={{ background }} aria-hidden="true" />;
}

function AnnotationRow({ annotation, onToggle }: { annotation: StudyAnnotation; onToggle: (shown: boolean) => void }) {
  const { summary, error, shown, busy } = annotation;
  return (
    <li className="segqc-annotation" data-testid="segqc-annotation" data-uid={annotation.displaySetInstanceUID} data-shown={shown}>
      <div className="segqc-annotation-head">
        <span className="segqc-annotator" data-testid="segqc-annotator">
          {summary?.annotator || annotation.seriesDescription || 'SEG'}
        </span>
        {summary && (
          <button
            type="button"
            className="segqc-toggle"
            data-testid="segqc-toggle"
            disabled={busy}
            aria-pressed={shown}
            onClick={() => onToggle(!shown)}
          >
            {busy ? 'Loading…' : shown ? 'Hide' : 'Show'}
          </button>
        )}
      </div>
      {summary && (
        <div className="segqc-annotation-meta">
          {summary.login && <span className="segqc-login">{summary.login}</span>}
          <RecordedIdentity authentication={summary.authentication} />
          {summary.role && <span className="segqc-role">{summary.role}</span>}
          <span data-testid="segqc-date">{summary.date ?? 'no date'}</span>
        </div>
      )}
      {summary && (
        <div className="segqc-annotation-meta">
          <span data-testid="segqc-sop">{summary.sop ? `SOP ${summary.sop.id}@${summary.sop.version}+${summary.sop.shortHash}` : 'no SOP recorded'}</span>
        </div>
      )}
      {summary && (
        <ul className="segqc-structures">
          {summary.structures.map((s) => (
            <li key={s.segmentNumber} data-testid="segqc-structure">
              <Swatch rgb={s.rgb} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <div className="segqc-error" role="alert" data-testid="segqc-error">
          {error}
        </div>
      )}
    </li>
  );
}


/** The outbox, opened when the panel first shows (it resumes writes a previous page left pending). */
function useOutbox(services: SegqcServices, extensionManager: ExtensionManager): { outbox: DurableOutbox | null; error: string | null } {
  const [state, setState] = useState<{ outbox: DurableOutbox | null; error: string | null }>({ outbox: null, error: null });
  useEffect(() => {
    let live = true;
    Promise.resolve()
      .then(() => segqcOutbox(services, activeDicomwebRoot(extensionManager)))
      .then((outbox) => live && setState({ outbox, error: null }))
      .catch((error: unknown) => live && setState({ outbox: null, error: describeFailure(error) }));
    return () => {
      live = false;
    };
  }, [services, extensionManager]);
  return state;
}

/** The series in the active viewport, if any: the tie-breaker when annotations of several series could be compared. */
function seriesOnScreen(services: SegqcServices): string | null {
  const uid = services.viewportGridService.getDisplaySetsUIDsForViewport(services.viewportGridService.getActiveViewportId())?.[0];
  return (uid && services.displaySetService.getDisplaySetByUID(uid)?.SeriesInstanceUID) || null;
}

/** The QC panel: the study's annotations (shown or hidden one by one), their agreement, the overlay, the review record and the adjudication. */
function AnnotationList({ services, extensionManager }: { services: SegqcServices; extensionManager: ExtensionManager }) {
  const outbox = useOutbox(services, extensionManager);
  const { annotations, setShown } = useStudyAnnotations(services);
  const summaries = annotations.flatMap((annotation) => (annotation.summary ? [annotation.summary] : []));
  const candidates = useMemo(() => reviewCandidates(summaries, seriesOnScreen(services)), [reviewCandidatesKey(summaries)]);
  const studyInstanceUid = services.displaySetService.getActiveDisplaySets()[0]?.StudyInstanceUID ?? null;
  // The SOP the reviewed annotations name, else the one for the series they were drawn on, as `segqc qc` judges the case.
  const sopInForce = useSopInForce(services, candidates);
  const worker = useAgreementWorker();
  const panelChoices = usePanelChoices(studyInstanceUid);
  // Not before the SOP in force is settled: a review judged without it would be asked for again a moment later.
  const review = useCaseReview(worker, services, activeDicomwebRootOrError(extensionManager).root, studyInstanceUid, sopInForce.settled ? candidates : null, sopInForce.sop, panelChoices.choices);
  const reviewed = review.status === 'done' ? review.review : null;
  // Each SEG a reviewer attributed is named as its person everywhere below, as `segqc qc` names it.
  const names = useMemo(() => attributedNames(candidates?.summaries ?? NO_NAMES, reviewed?.choices ?? null), [candidates, reviewed]);
  const overlay = useDiscrepancyOverlay(worker, services, reviewed, candidates?.sourceSeriesInstanceUid ?? null);
  const identity = useIdentity(services.userAuthenticationService);
  const adjudication = useAdjudication(worker, reviewed, studyInstanceUid, outbox.outbox, services, identity.identity?.login ?? null, activeDicomwebRootOrError(extensionManager).root);
  const gateway = useGatewaySession(services.userAuthenticationService);
  const adjudicatorChecklist = useChecklist(sopInForce.sop, 'adjudicator');
  const reviewerChecklist = useChecklist(sopInForce.sop, 'reviewer');
  const recordReview = useRecordReview(worker, reviewed, studyInstanceUid, outbox.outbox);
  return (
    <section className="segqc-panel" data-testid="segqc-annotations-panel">
      <h2 className="segqc-title">
        Annotations <span data-testid="segqc-annotation-count">{annotations.length}</span>
      </h2>
      <IdentityForm identity={identity.identity} error={identity.error} onDeclare={identity.declare} onForget={identity.forget} />
      <SopPanelSection sopInForce={sopInForce} />
      {annotations.length === 0 && <p className="segqc-empty">This study has no segmentations yet.</p>}
      <ul className="segqc-annotations">
        {annotations.map((annotation) => (
          <AnnotationRow key={annotation.displaySetInstanceUID} annotation={annotation} onToggle={(shown) => void setShown(annotation.displaySetInstanceUID, shown)} />
        ))}
      </ul>
      {candidates && candidates.leftOut.length > 0 && (
        <section className="segqc-section" data-testid="segqc-left-out">
          <h3 className="segqc-subtitle">Not compared</h3>
          <ul>
            {candidates.leftOut.map(({ summary, reason }) => (
              <li key={summary.displaySetInstanceUID} data-testid="segqc-left-out-annotation" data-uid={summary.sopInstanceUID ?? ''}>
                {summary.annotator}: {reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ReviewSection state={review} names={names} annotationCount={candidates?.annotations.length ?? 0} />
      {reviewed && (
        <ReviewerChoicesSection review={reviewed} names={candidates?.summaries ?? NO_NAMES} sop={sopInForce.sop} onAttribute={panelChoices.attribute} onMap={panelChoices.mapSegment} />
      )}
      {reviewed && reviewed.rows.length > 0 && (
        <DiscrepancySection review={reviewed} names={names} state={overlay.state} onShow={(c) => void overlay.show(c)} onStep={(d) => void overlay.step(d)} onHide={overlay.hide} />
      )}
      {reviewed && reviewed.structures.length > 0 && (
        <RecordReviewSection
          checklist={reviewerChecklist}
          identity={identity.identity}
          state={recordReview.state}
          onRecord={() => identity.identity && void recordReview.record(identity.identity, reviewerChecklist.results)}
          recordRefused={storeRefusal(gateway.session, 'unverified-qc-report', 'Recording a review')}
        />
      )}
      {reviewed && reviewed.structures.length > 0 && (
        <AdjudicationSection
          review={reviewed}
          names={names}
          drafts={adjudication.drafts}
          edits={adjudication.edits}
          onChange={adjudication.update}
          onEdit={(request) => void adjudication.startEdit(request)}
          checklist={adjudicatorChecklist}
          identity={identity.identity}
          sign={adjudication.sign}
          readBack={adjudication.readBack}
          revising={adjudication.revising}
          onRevise={adjudication.revise}
          onCancelRevision={adjudication.cancelRevision}
          restoredDraftSavedAt={adjudication.restoredDraftSavedAt}
          onSign={() => identity.identity && void adjudication.signOff(identity.identity, adjudicatorChecklist.results, adjudication.editedReferences())}
          signRefused={storeRefusal(gateway.session, 'verified-qc-report', 'Signing an adjudication')}
        />
      )}
      {gateway.error && (
        <div className="segqc-error" role="alert" data-testid="segqc-session-error">
          {gateway.error}
        </div>
      )}
      <OutboxStatus outbox={outbox.outbox} />
      {outbox.error && (
        <div className="segqc-error" role="alert">
          Results cannot be stored in the PACS: {outbox.error}
        </div>
      )}
    </section>
  );
}

export const AnnotationsPanel = withSegqcServices(AnnotationList);
