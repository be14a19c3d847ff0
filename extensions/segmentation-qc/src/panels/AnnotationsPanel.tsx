import { useMemo } from 'react';
import { getSegqcServices, type SegqcServices, type ServicesManager } from '../services';
import { formatSopReference } from '../annotations/sopReference';
import { useStudyAnnotations, type StudyAnnotation } from '../annotations/useStudyAnnotations';

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
          {summary.role && <span className="segqc-role">{summary.role}</span>}
          <span data-testid="segqc-date">{summary.date ?? 'no date'}</span>
        </div>
      )}
      {summary && (
        <div className="segqc-annotation-meta">
          <span data-testid="segqc-sop">{summary.sop ? `SOP ${formatSopReference(summary.sop)}` : 'no SOP recorded'}</span>
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

/** The QC panel: the annotations of the study, each shown or hidden on the viewport. */
export function AnnotationsPanel({ servicesManager }: { servicesManager: ServicesManager }) {
  const resolved = useMemo(() => {
    try {
      return { services: getSegqcServices(servicesManager), error: null };
    } catch (e) {
      return { services: null, error: (e as Error).message };
    }
  }, [servicesManager]);
  if (!resolved.services) {
    return (
      <section className="segqc-panel">
        <div className="segqc-error" role="alert">
          {resolved.error}
        </div>
      </section>
    );
  }
  return <AnnotationList services={resolved.services} />;
}

function AnnotationList({ services }: { services: SegqcServices }) {
  const { annotations, setShown } = useStudyAnnotations(services);
  return (
    <section className="segqc-panel" data-testid="segqc-annotations-panel">
      <h2 className="segqc-title">
        Annotations <span data-testid="segqc-annotation-count">{annotations.length}</span>
      </h2>
      {annotations.length === 0 && <p className="segqc-empty">This study has no segmentations yet.</p>}
      <ul className="segqc-annotations">
        {annotations.map((annotation) => (
          <AnnotationRow key={annotation.displaySetInstanceUID} annotation={annotation} onToggle={(shown) => void setShown(annotation.displaySetInstanceUID, shown)} />
        ))}
      </ul>
    </section>
  );
}
