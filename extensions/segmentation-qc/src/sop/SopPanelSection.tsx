import type { SopInForceState } from './useSopInForce';
import { sopKey, type SopChosenBy } from './chooseSop';

/** The picker's value for the automatic choice (a sopKey is never empty). */
export const AUTOMATIC_CHOICE = '';

export interface SopPanelSectionProps {
  /** From useSopInForce. */
  sopInForce: SopInForceState;
}

/**
 * The SOP in force: id, version and the hash that SEGs record (`id@version+hash`, the first
 * SOP_SHORT_HASH_DIGITS hex digits of the SHA-256; the whole digest on hover), how it was chosen
 * (named by the annotations under review, for the series they were drawn on, for the series on
 * screen, or by hand), a picker to change it, and the library files that were refused, each naming
 * the file and the failing field. Annotations naming a SOP that cannot be used are an alert: then
 * no SOP judges the case. When the series header and its description name different sequences
 * (issue 14: Siemens' `t2_tirm_tra` that is a FLAIR by its TI), a note says what each says, that
 * the header decided, and that the picker changes it.
 */
export function SopPanelSection({ sopInForce }: SopPanelSectionProps) {
  const { loading, libraryError, library, failures, sop, chosenBy, reason, annotationsError, disagreement, series, chooseByHand, chooseAutomatically } = sopInForce;
  return (
    <section className="segqc-sop" data-testid="segqc-sop">
      <h3 className="segqc-subtitle">SOP in force</h3>
      {loading && <p className="segqc-empty">Loading the SOP library…</p>}
      {libraryError && (
        <div className="segqc-error" role="alert" data-testid="segqc-sop-library-error">
          No SOP can be chosen: {libraryError}
        </div>
      )}
      {sop ? (
        <div className="segqc-sop-current">
          <div className="segqc-sop-title">{sop.title}</div>
          <div className="segqc-sop-reference">
            <span data-testid="segqc-sop-id">{sop.id}</span>
            <span className="segqc-sop-version">
              version <span data-testid="segqc-sop-version">{sop.version}</span>
            </span>
            <span className="segqc-sop-hash" title={`SHA-256 ${sop.reference.sha256}`}>
              hash <span data-testid="segqc-sop-hash">{sop.reference.shortHash}</span>
            </span>
          </div>
        </div>
      ) : (
        !loading && !libraryError && <p className="segqc-empty" data-testid="segqc-sop-none">No SOP in force.</p>
      )}
      {!loading && !libraryError && (annotationsError ? (
        <div className="segqc-sop-reason segqc-error" role="alert" data-testid="segqc-sop-reason" data-chosen-by={chosenBy} data-error="">
          The SOP the annotations name cannot be used: {annotationsError}. No SOP judges this case.
        </div>
      ) : (
        <p className="segqc-sop-reason" data-testid="segqc-sop-reason" data-chosen-by={chosenBy}>
          {reasonText(sop !== null, chosenBy, reason)}
        </p>
      ))}
      {!loading && !libraryError && !annotationsError && chosenBy !== 'hand' && disagreement && (
        <p className="segqc-warning segqc-sop-disagreement" role="note" data-testid="segqc-sop-disagreement">
          {disagreementText(disagreement, library.length > 0)}
        </p>
      )}
      {library.length > 0 && (
        <label className="segqc-sop-choice">
          <span>Change SOP</span>
          <select
            data-testid="segqc-sop-choice"
            value={chosenBy === 'hand' && sop ? sopKey(sop) : AUTOMATIC_CHOICE}
            disabled={series === null}
            onChange={(event) => (event.target.value === AUTOMATIC_CHOICE ? chooseAutomatically() : chooseByHand(event.target.value))}
          >
            <option value={AUTOMATIC_CHOICE}>Automatic</option>
            {library.map((entry) => (
              <option key={sopKey(entry)} value={sopKey(entry)}>
                {entry.title} ({entry.id}@{entry.version})
              </option>
            ))}
          </select>
        </label>
      )}
      {failures.length > 0 && (
        <ul className="segqc-sop-failures">
          {failures.map((failure) => (
            <li key={failure.file} className="segqc-error" role="alert" data-testid="segqc-sop-failure" data-file={failure.file}>
              SOP file {failure.file} was refused: {failure.error}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** How the SOP in force was chosen, or why none was, as a sentence. */
function reasonText(chosen: boolean, chosenBy: SopChosenBy, reason: string): string {
  if (chosenBy === 'hand') return 'Chosen by hand.';
  if (!chosen) return `Not chosen automatically: ${reason}.`;
  if (chosenBy === 'annotations') return `Chosen automatically, ${reason}.`;
  if (chosenBy === 'annotated-series') return `Chosen automatically from the series the annotations were drawn on: ${reason}.`;
  return `Chosen automatically from the series: ${reason}.`;
}

/** The header/description disagreement of an automatic choice, and where to change it. */
export function disagreementText(disagreement: string, canPick: boolean): string {
  const sentence = disagreement.charAt(0).toUpperCase() + disagreement.slice(1);
  return `${sentence}. ${canPick ? 'If the description is right, change the SOP under “Change SOP”.' : 'No SOP can be picked by hand: the library is empty.'}`;
}
