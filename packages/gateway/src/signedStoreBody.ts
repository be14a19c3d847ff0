/**
 * The STOW-RS body as the gateway forwards it when it signs (GatewayOptions.signing, with sign-in):
 * every VERIFIED QC report and every ADJUDICATED or GOLD reference SEG in it signed for the
 * signed-in user (signStoredObject.ts), everything else byte for byte. A body with an object to sign
 * and a sign-in that is not fresh (freshLogin.ts) is refused whole with StepUpRequired, before any
 * byte reaches the PACS.
 *
 * Runs after storePolicy's checkStoreBody: by then every part is classed, a SEG names the user as its
 * creator, a report as its observer and a VERIFIED one as its verifier, and each is one their roles
 * may store; here the ones to sign are only picked out.
 */
import type { TokenIdentity } from './accessTokens';
import { staleLoginReason } from './freshLogin';
import type { ReportSigner } from './reportSigner';
import { isSignedObjectKind, signStoredObjectForUser } from './signStoredObject';
import type { StoreBody } from './storeBody';
import { StoreRefusal } from './storeRefusal';

/** The user must sign in again (RFC 9470 step-up) before the gateway signs for them. */
export class StepUpRequired extends Error {
  override readonly name = 'StepUpRequired';

  constructor(readonly maxAgeSeconds: number, message: string) {
    super(message);
  }
}

export function signedStoreBody(store: StoreBody, signer: ReportSigner, user: TokenIdentity, now: Date): StoreBody {
  if (!store.parts.some((part) => isSignedObjectKind(part.object))) return store;
  const stale = staleLoginReason(user, signer.maxAuthAgeSeconds, now);
  if (stale) throw new StepUpRequired(signer.maxAuthAgeSeconds, stale);
  const parts = store.parts.map((stored) => {
    const { object } = stored;
    if (!isSignedObjectKind(object)) return stored;
    // The part's own length would no longer be true; a STOW part needs none (RFC 2046 5.1).
    if (stored.part.headers['content-length'] !== undefined) {
      throw new StoreRefusal(400, `${stored.where} declares a Content-Length: the gateway signs this object for you and cannot keep it; send the part without one`);
    }
    const signed = signStoredObjectForUser(stored.bytes, object, signer, user, now, stored.where);
    return { ...stored, bytes: signed.bytes, signature: signed.signature };
  });
  return { ...store, parts };
}
