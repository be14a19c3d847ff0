import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, authenticatedDemoAccount } from '../../packages/server/src/demoIdentityProvider/demoPeople';
import { DEMO_PASSWORDS } from '../harness/signIn';

// The README's table is how a user learns the demo logins: each row must sign in, as the role it
// names, and the browser tests sign in with the same passwords.
const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const rows = [...readme.matchAll(/^\| `([a-z]+)` \| ([A-Za-z]+\^[A-Za-z]+) \| ([a-zA-Z ]+) \| `([^`]+)` \|$/gm)].map(([, login, name, role, password]) => ({ login: login!, name: name!, role: role!, password: password! }));
const SEGQC_ROLE_OF: Record<string, string> = { annotator: 'annotator', reviewer: 'reviewer', adjudicator: 'adjudicator', 'QA lead': 'qa-lead' };

test("the README lists every demo user, with the provider's name and role for each", () => {
  expect(rows.map(({ login, name, role }) => [login, name, SEGQC_ROLE_OF[role]])).toEqual(DEMO_ACCOUNTS.map((account) => [account.login, account.personName, account.role]));
});

test.each(rows)("the README's password of $login signs in, and is the one the browser tests use", async ({ login, password }) => {
  expect((await authenticatedDemoAccount(login, password))?.login).toBe(login);
  expect(DEMO_PASSWORDS[login as keyof typeof DEMO_PASSWORDS]).toBe(password);
});
