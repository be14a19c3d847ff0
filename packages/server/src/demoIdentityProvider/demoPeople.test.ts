import { ANNOTATORS, GOLD_CREATOR } from '@segqc/demo-data';
import { DEMO_ACCOUNTS, authenticatedDemoAccount, demoAccount } from './demoPeople';

// The demo provider's users are the demo cohort's people, each with the role the cohort gives
// them; a sign-in needs the login and its own password (README "Sign-in"), and a failure does not
// say which of the two was wrong.
describe('the demo users', () => {
  test('are the cohort\'s annotators and adjudicator, with a reviewer and a QA lead', () => {
    expect(DEMO_ACCOUNTS.map((account) => [account.login, account.personName, account.role])).toEqual([
      [ANNOTATORS.rivera.login, ANNOTATORS.rivera.name, 'annotator'],
      [ANNOTATORS.chen.login, ANNOTATORS.chen.name, 'annotator'],
      [ANNOTATORS.okafor.login, ANNOTATORS.okafor.name, 'annotator'],
      ['psingh', 'Singh^Priya', 'reviewer'],
      [GOLD_CREATOR.login, GOLD_CREATOR.name, 'adjudicator'],
      ['ohaddad', 'Haddad^Omar', 'qa-lead'],
    ]);
    expect(demoAccount('arivera')).toMatchObject({ name: 'Ana Rivera', givenName: 'Ana', familyName: 'Rivera' });
  });

  test('sign in with their own password only', async () => {
    expect((await authenticatedDemoAccount('arivera', 'btjd-js9t-wm54'))?.login).toBe('arivera');
    expect(await authenticatedDemoAccount('wchen', 'btjd-js9t-wm54')).toBeUndefined(); // another user's password
    expect(await authenticatedDemoAccount('arivera', 'btjd-js9t-wm5')).toBeUndefined();
    expect(await authenticatedDemoAccount('arivera', '')).toBeUndefined();
    expect(await authenticatedDemoAccount('nobody', 'btjd-js9t-wm54')).toBeUndefined();
  });
});
