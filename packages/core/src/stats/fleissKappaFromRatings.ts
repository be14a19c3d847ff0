import { type Category, indexCategories } from './categoricalRatings';
import { fleissKappa, type FleissKappa, type FleissKappaOptions, fleissOneCategoryReason } from './fleissKappa';
import { StatsInputError } from './StatsInputError';

/**
 * Fleiss' kappa from labels: ratings[i] holds the n labels subject i received (n ≥ 2, the same n for
 * every subject; which rater gave which label does not matter). Categories default to every label
 * seen, ascending; the result reports them with the counts table.
 */
export function fleissKappaFromRatings(
  ratings: readonly (readonly Category[])[],
  categories?: readonly Category[],
  options: FleissKappaOptions = {},
): FleissKappa & { categories: Category[]; counts: number[][] } {
  if (!Array.isArray(ratings) || ratings.length === 0) throw new StatsInputError('ratings', 'holds no subjects');
  const labelled = ratings.flatMap((row, i) => {
    if (!Array.isArray(row)) throw new StatsInputError(`ratings[${i}]`, 'must be an array of labels');
    return row.map((value, r) => ({ value, argument: `ratings[${i}][${r}]` }));
  });
  const index = indexCategories(labelled, categories);
  const counts = ratings.map((row) => {
    const counted = new Array<number>(index.categories.length).fill(0);
    for (const value of row) counted[index.indexOf.get(value)!]++;
    return counted;
  });
  const result = fleissKappa(counts, options);
  // Name the one category by its label rather than its column of the table.
  const reason = result.kappa === null ? { reason: fleissOneCategoryReason(result.subjects, result.raters, `category ${JSON.stringify(ratings[0][0])}`) } : {};
  return { ...result, ...reason, categories: index.categories, counts };
}
