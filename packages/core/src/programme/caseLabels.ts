import { type Category, indexCategories } from '../stats/categoricalRatings';
import type { CohensKappa } from '../stats/cohensKappa';
import { cohensKappaFromRatings } from '../stats/cohensKappaFromRatings';
import type { FleissKappa } from '../stats/fleissKappa';
import { fleissKappaFromRatings } from '../stats/fleissKappaFromRatings';
import { krippendorffAlpha, type KrippendorffAlpha } from '../stats/krippendorffAlpha';
import type { BootstrapOptions } from '../stats/percentileBootstrap';
import { ProgrammeInputError } from './ProgrammeInputError';

/** An annotator's categorical label of a whole case, e.g. a lesion class from the SOP's label set. */
export interface CaseLabel {
  caseId: string;
  annotator: string;
  label: Category;
}

export interface CaseLabelOptions {
  /** The label set (e.g. the SOP's); default every label seen, ascending. Every label must be one of them. */
  categories?: readonly Category[];
  /** Of the Wald intervals and, unless it sets its own, of the bootstrap; default 0.95. */
  confidence?: number;
  /** Percentile bootstrap over cases for Fleiss' κ and Krippendorff's α; default DEFAULT_LABEL_BOOTSTRAP; false for none. */
  bootstrap?: BootstrapOptions | false;
}

/** 2000 resamples, seed 1: Krippendorff's α has no other interval, so one is drawn unless refused. */
export const DEFAULT_LABEL_BOOTSTRAP: Readonly<BootstrapOptions> = Object.freeze({ samples: 2000, seed: 1 });

export interface PairwiseKappa {
  annotators: [string, string];
  /** The cases both labelled. */
  cases: string[];
  /** Cohen's κ over those cases (rows: the first annotator); null when they share no case. */
  kappa: (CohensKappa & { categories: Category[]; table: number[][] }) | null;
}

export interface CaseLabelAgreement {
  /** Sorted. */
  annotators: string[];
  /** Every labelled case, sorted. */
  cases: string[];
  categories: Category[];
  /** Cohen's κ of every annotator pair, in the order of `annotators`. */
  cohen: PairwiseKappa[];
  /** Fleiss' κ over the cases every annotator labelled; null with fewer than 3 annotators (Cohen's is the one) or no such case. */
  fleiss: { cases: string[]; kappa: FleissKappa & { categories: Category[]; counts: number[][] } } | null;
  /** Krippendorff's α (nominal), missing labels allowed; null when no case has 2 labels. */
  krippendorff: KrippendorffAlpha | null;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Agreement on case-level labels across annotators, by the existing statistics: Cohen's κ per pair
 * (Wald interval on Fisher's z), Fleiss' κ over the cases all annotators labelled (Wald interval on
 * Fisher's z with the SE under H0, and a bootstrap), Krippendorff's α for nominal data over every
 * case with at least two labels (bootstrap interval). Each case has at most one label per annotator.
 */
export function caseLabelAgreement(labels: readonly CaseLabel[], options: CaseLabelOptions = {}): CaseLabelAgreement {
  if (!Array.isArray(labels) || labels.length === 0) throw new ProgrammeInputError('labels', 'holds no labels');
  const byCase = new Map<string, Map<string, Category>>();
  labels.forEach((entry, at) => {
    for (const field of ['caseId', 'annotator'] as const) {
      if (typeof entry?.[field] !== 'string' || entry[field] === '') throw new ProgrammeInputError(`labels[${at}].${field}`, 'must be a non-empty string');
    }
    let caseLabels = byCase.get(entry.caseId);
    if (!caseLabels) byCase.set(entry.caseId, (caseLabels = new Map()));
    if (caseLabels.has(entry.annotator)) throw new ProgrammeInputError(`labels[${at}]`, `${entry.annotator} already labelled case ${JSON.stringify(entry.caseId)}`);
    caseLabels.set(entry.annotator, entry.label);
  });
  const index = indexCategories(labels.map((entry, at) => ({ value: entry.label, argument: `labels[${at}].label` })), options.categories);
  const { categories } = index;
  const annotators = [...new Set(labels.map((entry) => entry.annotator))].sort(compareText);
  const cases = [...byCase.keys()].sort(compareText);
  const labelOf = (caseId: string, annotator: string): Category | undefined => byCase.get(caseId)!.get(annotator);
  const confidence = options.confidence;
  const drawn = options.bootstrap === false ? undefined : (options.bootstrap ?? DEFAULT_LABEL_BOOTSTRAP);
  const bootstrap = drawn && drawn.confidence === undefined && confidence !== undefined ? { ...drawn, confidence } : drawn;

  const cohen: PairwiseKappa[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const [a, b] = [annotators[i], annotators[j]];
      const shared = cases.filter((c) => labelOf(c, a) !== undefined && labelOf(c, b) !== undefined);
      const kappa = shared.length === 0
        ? null
        : cohensKappaFromRatings(shared.map((c) => labelOf(c, a)!), shared.map((c) => labelOf(c, b)!), categories, { confidence });
      cohen.push({ annotators: [a, b], cases: shared, kappa });
    }
  }

  const complete = cases.filter((c) => annotators.every((a) => labelOf(c, a) !== undefined));
  const fleiss = annotators.length >= 3 && complete.length > 0
    ? { cases: complete, kappa: fleissKappaFromRatings(complete.map((c) => annotators.map((a) => labelOf(c, a)!)), categories, { confidence, bootstrap }) }
    : null;

  // Krippendorff's α takes numbers: a label's index in the category list (nominal: only equality counts).
  const ratings = annotators.map((a) => cases.map((c) => {
    const label = labelOf(c, a);
    return label === undefined ? null : index.indexOf.get(label)!;
  }));
  const pairable = cases.some((c) => annotators.filter((a) => labelOf(c, a) !== undefined).length >= 2);
  const krippendorff = pairable ? krippendorffAlpha(ratings, 'nominal', { bootstrap }) : null;

  return { annotators, cases, categories, cohen, fleiss, krippendorff };
}
