import { StatsInputError } from './StatsInputError';

export type Category = string | number;

/**
 * The category list for ratings: `categories` as given (every rating must be one of them), else the
 * distinct ratings in ascending order (numbers numerically, strings by code point). Returns the list
 * and a lookup from category to its index.
 */
export function indexCategories(
  ratings: Iterable<{ value: Category; argument: string }>,
  categories?: readonly Category[],
): { categories: Category[]; indexOf: Map<Category, number> } {
  if (categories) {
    const indexOf = new Map<Category, number>();
    categories.forEach((category, i) => {
      if (indexOf.has(category)) throw new StatsInputError(`categories[${i}]`, `duplicate category ${JSON.stringify(category)}`);
      indexOf.set(category, i);
    });
    for (const { value, argument } of ratings) {
      if (!indexOf.has(value)) throw new StatsInputError(argument, `${JSON.stringify(value)} is not one of the categories`);
    }
    return { categories: [...categories], indexOf };
  }
  const seen = new Set<Category>();
  for (const { value, argument } of ratings) {
    if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string') {
      throw new StatsInputError(argument, `a rating must be a string or a finite number, got ${String(value)}`);
    }
    seen.add(value);
  }
  const sorted = [...seen].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
  return { categories: sorted, indexOf: new Map(sorted.map((category, i) => [category, i])) };
}
