import {
  DicomwebReadError, StowError,
  type DicomwebReadOptions, type FetchLike, type ReadFetchLike, type ReadFetchLikeResponse, type StowHeaders,
} from '@segqc/core';
import { AccessTokens, type AccessTokensOptions } from './AccessTokens';
import { bearerChallenge } from './bearerChallenge';
import type { Credential } from './Credential';
import { PacsAccessError } from './PacsAccessError';
import type { PacsRefusal } from './PacsRefusal';
import { tokenIdentity, type TokenIdentity } from './tokenIdentity';

export interface PacsConnectionOptions extends AccessTokensOptions {
  /** The fetch of reads; Node's by default (tests give their own). STOW-RS always uses Node's. */
  fetch?: ReadFetchLike;
}

/**
 * How one thread of a command talks to the PACS: the access token on every request (refreshed as
 * it expires), and what the PACS said when it refused one. The core throws a DicomwebReadError or
 * StowError with the status only; `explain` turns a 401 or 403 of theirs into a PacsAccessError
 * that says why, from the answer remembered here.
 */
export class PacsConnection {
  readonly tokens: AccessTokens;
  /** The latest refusal of each status: a run uses one credential, so the latest says why. */
  private readonly refusals = new Map<401 | 403, PacsRefusal>();
  readonly read: DicomwebReadOptions;
  readonly stow: { fetch: FetchLike; headers: StowHeaders };

  constructor(readonly credential: Credential, options: PacsConnectionOptions = {}) {
    this.tokens = new AccessTokens(credential, options);
    const readFetch = options.fetch ?? ((url, init) => fetch(url, init));
    const headers = async () => {
      const token = await this.tokens.current();
      return token === null ? undefined : { Authorization: `Bearer ${token}` };
    };
    this.read = { fetch: async (url, init) => this.noted(await readFetch(url, init)), headers };
    this.stow = { fetch: async (url, init) => this.noted(await fetch(url, init)), headers };
  }

  /** Who the token names (for what the command writes), or null without one or when it is not a JWT naming iss and sub. */
  async identity(): Promise<TokenIdentity | null> {
    const token = await this.tokens.current();
    return token === null ? null : tokenIdentity(token, this.credential.kind === 'client-credentials' ? this.credential.clientId : undefined);
  }

  /** A PacsAccessError for a core error of HTTP 401 or 403; any other error as it is. */
  explain(error: unknown): unknown {
    const status = error instanceof DicomwebReadError || error instanceof StowError ? error.status : undefined;
    if (status !== 401 && status !== 403) return error;
    return new PacsAccessError(this.refusals.get(status) ?? { status, reason: null }, this.credential);
  }

  /** Remembers why a 401 or 403 was sent; the answer goes on with its body still readable by the core. */
  private async noted(response: ReadFetchLikeResponse): Promise<ReadFetchLikeResponse> {
    const { status } = response;
    if (status !== 401 && status !== 403) return response;
    const text = await response.text().catch(() => '');
    const reason = (status === 401 ? bearerChallenge(response.headers.get('www-authenticate'))?.errorDescription : undefined) ?? messageOf(text);
    this.refusals.set(status, { status, reason: reason ?? null });
    const bytes = new TextEncoder().encode(text);
    return { status, headers: response.headers, text: async () => text, arrayBuffer: async () => bytes.buffer, body: null };
  }
}

/** The `message` of the gateway's JSON error body (`{ error, message }`), if that is what the text is. */
function messageOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const message = body !== null && typeof body === 'object' ? (body as { message?: unknown }).message : undefined;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}
