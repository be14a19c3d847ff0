import { clientCredentialsGrant } from './clientCredentialsGrant';
import type { ClientCredentials, Credential } from './Credential';
import type { IssuedToken } from './IssuedToken';

/** A token is fetched again when less than this is left of it (or half its lifetime, when shorter): a request must not arrive with it expired. */
const REFRESH_MARGIN_MS = 60_000;

export interface AccessTokensOptions {
  /** A token the main thread holds already: a worker thread starts from it instead of asking the provider again. */
  seed?: IssuedToken | null;
  /** The client-credentials grant; openid-client's by default (tests give their own). */
  grant?: (settings: ClientCredentials) => Promise<IssuedToken>;
  now?: () => number;
}

/**
 * The access token of one thread of a run. A token given as is, as is; a service account's is
 * fetched once, and again when it is about to expire, callers meanwhile sharing one request.
 */
export class AccessTokens {
  private held: { issued: IssuedToken; refreshAt: number } | null = null;
  private pending: Promise<IssuedToken> | null = null;
  private readonly grant: (settings: ClientCredentials) => Promise<IssuedToken>;
  private readonly now: () => number;

  constructor(readonly credential: Credential, options: AccessTokensOptions = {}) {
    this.grant = options.grant ?? ((settings) => clientCredentialsGrant(settings));
    this.now = options.now ?? Date.now;
    if (options.seed) this.hold(options.seed);
  }

  /** The token to send now, or null without a credential. */
  async current(): Promise<string | null> {
    const credential = this.credential;
    if (credential.kind === 'none') return null;
    if (credential.kind === 'token') return credential.token;
    if (this.held && this.now() < this.held.refreshAt) return this.held.issued.accessToken;
    this.pending ??= this.grant(credential).then(
      (issued) => {
        this.pending = null;
        this.hold(issued);
        return issued;
      },
      (error: unknown) => {
        this.pending = null;
        throw error;
      },
    );
    return (await this.pending).accessToken;
  }

  /** The service account's token held now, for worker threads to start from; null for other credentials. */
  issued(): IssuedToken | null {
    return this.held?.issued ?? null;
  }

  private hold(issued: IssuedToken): void {
    const now = this.now();
    const margin = issued.expiresAt === null ? 0 : Math.max(0, Math.min(REFRESH_MARGIN_MS, (issued.expiresAt - now) / 2));
    this.held = { issued, refreshAt: issued.expiresAt === null ? Infinity : issued.expiresAt - margin };
  }
}
