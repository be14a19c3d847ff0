/** An annotation cannot be saved as it is (nothing painted, a painted segment the SOP does not define…). */
export class AnnotationSaveError extends Error {
  override readonly name = 'AnnotationSaveError';
}
