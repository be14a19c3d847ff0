import type { LesionLabelAgreement } from '@segqc/core';
import { fixed, intervalText, personLabel } from './format';

const KIND_TEXT = {
  'lesion-present': 'Lesion present (the annotator segmented at least one lesion)',
  'lesion-count': 'Number of lesions (26-connected components of the annotator’s mask)',
} as const;

/** κ or α with its interval, or why it is undefined (the statistic's own `reason` where it gives one). */
function Estimate({ value, interval, undefinedWhy }: { value: number | null; interval: string; undefinedWhy: string }) {
  return value === null ? <span className="segqc-muted">undefined: {undefinedWhy}</span> : <span>{fixed(value)} <span className="segqc-muted">{interval}</span></span>;
}

/**
 * Agreement on one case-level label of a lesion structure (core caseLabelAgreement): Cohen's κ of
 * each annotator pair (Wald interval on Fisher's z), Fleiss' κ of three or more (bootstrap, else Wald on Fisher's z),
 * Krippendorff's α nominal (bootstrap interval), each at 95 %.
 */
export function LesionLabelsView({ entry }: { entry: LesionLabelAgreement }) {
  const { agreement } = entry;
  const oneCategory = 'every label is the same, so chance agreement is total';
  return (
    <figure className="segqc-labels" data-testid="segqc-label-agreement" data-kind={entry.kind} data-structure={entry.structure} data-modality={entry.modality}>
      <figcaption><strong>{entry.structure}</strong> · {entry.modality}: {KIND_TEXT[entry.kind]}</figcaption>
      {!agreement ? (
        <p className="segqc-muted">No case was labelled by two annotators.</p>
      ) : (
        <>
          <p className="segqc-muted">{agreement.cases.length} cases · labels {agreement.categories.join(', ')}</p>
          <table className="segqc-page-table">
            <tbody>
              {agreement.cohen.map((pair) => (
                <tr key={pair.annotators.join('|')} data-testid="segqc-cohen" data-a={pair.annotators[0]} data-b={pair.annotators[1]} data-kappa={pair.kappa?.kappa ?? ''} data-cases={pair.cases.length}>
                  <th>Cohen’s κ, {personLabel(pair.annotators[0])} – {personLabel(pair.annotators[1])}</th>
                  <td>{pair.kappa ? <Estimate value={pair.kappa.kappa} interval={intervalText(pair.kappa.interval)} undefinedWhy={pair.kappa.reason ?? oneCategory} /> : <span className="segqc-muted">no shared case</span>}</td>
                </tr>
              ))}
              {agreement.fleiss && (
                <tr data-testid="segqc-fleiss" data-kappa={agreement.fleiss.kappa.kappa ?? ''} data-cases={agreement.fleiss.cases.length}>
                  <th>Fleiss’ κ, {agreement.annotators.length} annotators, {agreement.fleiss.cases.length} cases</th>
                  <td>
                    <Estimate value={agreement.fleiss.kappa.kappa} interval={intervalText(agreement.fleiss.kappa.bootstrap ?? agreement.fleiss.kappa.interval)} undefinedWhy={agreement.fleiss.kappa.reason ?? oneCategory} />
                  </td>
                </tr>
              )}
              {agreement.krippendorff && (
                <tr data-testid="segqc-krippendorff" data-alpha={agreement.krippendorff.alpha ?? ''} data-units={agreement.krippendorff.units}>
                  <th>Krippendorff’s α (nominal), {agreement.krippendorff.units} cases</th>
                  <td>
                    <Estimate value={agreement.krippendorff.alpha} interval={intervalText(agreement.krippendorff.bootstrap)} undefinedWhy="no variation among the labels" />
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
    </figure>
  );
}
