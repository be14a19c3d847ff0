/** One annotator pair of a case that failed the SOP (any structure). */
export interface FailingPair {
  a: string;
  b: string;
}

/**
 * The outlier of a case: the one annotator in every failing pair, or null. Only said with three or
 * more annotators: between two, each is in every failing pair and neither is the odd one out.
 */
export function annotatorInEveryFailingPair(annotators: readonly string[], failing: readonly FailingPair[]): string | null {
  if (annotators.length < 3 || failing.length === 0) return null;
  const inEvery = annotators.filter((id) => failing.every((pair) => pair.a === id || pair.b === id));
  return inEvery.length === 1 ? inEvery[0] : null;
}
