/** A token file, a client secret file or the client-credential settings that cannot be used: one line, exit code 2, before any request. */
export class CredentialError extends Error {
  override readonly name = 'CredentialError';
}
