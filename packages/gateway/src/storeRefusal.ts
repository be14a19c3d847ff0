/** Why a STOW body is refused: shown to the client as the 403 (or 400) message. */
export class StoreRefusal extends Error {
  override readonly name = 'StoreRefusal';

  constructor(readonly status: 400 | 403, message: string) {
    super(message);
  }
}
