// The seed stores the demo's adjudications as the demo provider's adjudicator signs in (issue 15):
// audit verify compares the report's verifier (issuer + subject + login) with the journal's user, so
// the subject must be the one the provider puts in her tokens — her login.
import { demoAdjudicatorSignIn } from './demoAdjudicatorSignIn';

test('Maria Lindqvist, signed in at the demo provider: her login as subject and preferred_username, the adjudicator role', () => {
  const authTime = new Date('2026-12-07T10:00:00Z');
  expect(demoAdjudicatorSignIn('http://127.0.0.1:3002', authTime)).toEqual({
    issuer: 'http://127.0.0.1:3002', subject: 'mlindqvist', login: 'mlindqvist', personName: 'Lindqvist^Maria', roles: ['adjudicator'], authTime,
  });
});
