import { type Category, indexCategories } from './categoricalRatings';
import { cohensKappa, type CohensKappa, oneCategoryReason } from './cohensKappa';
import { StatsInputError } from './StatsInputError';

/**
 * Cohen's kappa from two raters' labels of the same subjects (a[i] and b[i] rate subject i). The
 * confusion table has rows for rater a, columns for rater b, over `categories` (default: every label
 * seen, ascending), which the result reports with the table.
 */
export function cohensKappaFromRatings(
  a: readonly Category[],
  b: readonly Category[],
  categories?: readonly Category[],
  options: { confidence?: number } = {},
): CohensKappa & { categories: Category[]; table: number[][] } {
  if (a.length !== b.length) throw new StatsInputError('b', `needs one rating per subject of a (${a.length}), got ${b.length}`);
  if (a.length === 0) throw new StatsInputError('a', 'holds no subjects');
  const labelled = [...a.map((value, i) => ({ value, argument: `a[${i}]` })), ...b.map((value, i) => ({ value, argument: `b[${i}]` }))];
  const index = indexCategories(labelled, categories);
  const k = index.categories.length;
  const table = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < a.length; i++) table[index.indexOf.get(a[i])!][index.indexOf.get(b[i])!]++;
  const result = cohensKappa(table, options);
  // Name the one category by its label rather than its row of the table.
  const reason = result.kappa === null ? { reason: oneCategoryReason(a.length, `category ${JSON.stringify(a[0])}`) } : {};
  return { ...result, ...reason, categories: index.categories, table };
}
