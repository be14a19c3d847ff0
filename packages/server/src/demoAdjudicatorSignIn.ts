import { GOLD_CREATOR } from '@segqc/demo-data';
import type { TokenIdentity } from '@segqc/gateway';
import { demoAccount } from './demoIdentityProvider/demoPeople';

/**
 * The demo's adjudicator (Lindqvist^Maria) as the demo provider at `issuer` signs her in: her login
 * is her `sub` (demoProviderConfiguration.ts's findAccount) and `preferred_username`, her role the
 * account's. The seed stores her adjudications as if she had just entered her password (`authTime`).
 */
export function demoAdjudicatorSignIn(issuer: string, authTime: Date): TokenIdentity {
  const account = demoAccount(GOLD_CREATOR.login);
  if (!account) throw new Error(`the demo provider has no account for the adjudicator ${GOLD_CREATOR.login}`);
  return { issuer, subject: account.login, login: account.login, personName: account.personName, roles: [account.role], authTime };
}
