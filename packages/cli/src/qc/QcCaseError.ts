/** Why one case could not be judged (its SOP, its annotations): the case is reported failed, the others go on. */
export class QcCaseError extends Error {
  override readonly name = 'QcCaseError';
}
