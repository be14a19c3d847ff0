import type { AuthenticatedIdentity } from '@segqc/core';
import { UsageError } from '../usageError';
import type { TokenIdentity } from './tokenIdentity';

/** The person an object the CLI writes names, authenticated when an access token names them. */
export interface WriterIdentity {
  name: string;
  login: string;
  /** Absent: self-declared (no access token, or one that names no one). */
  authentication?: AuthenticatedIdentity;
}

/** The command's options naming the writer, for the messages: `--reviewer` and `--login` (qc), `--observer` and `--login` (report). */
export interface WriterFlags {
  name: string;
  login: string;
}

/**
 * Who writes: the access token's user, authenticated — a name or login given on the command line
 * must be theirs, since the gateway refuses an object naming anyone else — or, without a token
 * that names someone, the self-declared name and login, both needed.
 */
export function writerIdentity(declared: { name?: string; login?: string }, token: TokenIdentity | null, flags: WriterFlags): WriterIdentity {
  if (token === null) {
    if (declared.name === undefined || declared.login === undefined) {
      throw new UsageError(`without an access token that names the writer, give ${flags.name} NAME ${flags.login} ID: the objects written name them (self-declared)`);
    }
    return { name: declared.name, login: declared.login };
  }
  if (declared.login !== undefined && declared.login !== token.login) {
    throw new UsageError(`${flags.login} ${declared.login} is not the access token's user (${token.login}); what is written names the user signed in`);
  }
  if (declared.name !== undefined && declared.name !== token.name) {
    throw new UsageError(`${flags.name} ${declared.name} is not the access token's user (${token.name}); what is written names the user signed in`);
  }
  return { name: token.name, login: token.login, authentication: token.authentication };
}
