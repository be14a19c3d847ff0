/** The dossier cannot be made as asked (Chromium missing or failing, the metric conventions' text not found): one line, exit code 1. */
export class DossierError extends Error {
  override readonly name = 'DossierError';
}
