/** Why a case cannot be adjudicated: printed on the case's line, the run exits 1. */
export class AdjudicateCaseError extends Error {
  override readonly name = 'AdjudicateCaseError';
}
