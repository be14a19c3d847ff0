import type { TokenIdentity } from './accessTokens';
import { isTheUser, notTheUser } from './recordedPerson';

const user: TokenIdentity = { issuer: 'https://idp.example', subject: 'f3a1', login: 'arivera', roles: ['annotator'] };
const authenticated = { issuer: 'https://idp.example', subject: 'f3a1' };

// Stores need the authenticated identity of the token; reads also count the user's own self-declared objects.
test('a stored object must record the token\'s issuer, subject and login', () => {
  expect(notTheUser({ login: 'arivera', authentication: authenticated }, user)).toBeNull();
  expect(notTheUser({ login: 'arivera' }, user)).toMatch(/self-declared/);
  expect(notTheUser({ login: 'arivera', authentication: { ...authenticated, issuer: 'https://other.example' } }, user)).toMatch(/another authenticated person/);
  expect(notTheUser({ login: 'arivera', authentication: { ...authenticated, subject: 'f3a2' } }, user)).toMatch(/another authenticated person/);
  expect(notTheUser({ login: 'wchen', authentication: authenticated }, user)).toMatch(/login other than/);
  // Without preferred_username the login is the subject.
  expect(notTheUser({ login: 'f3a1', authentication: authenticated }, { ...user, login: undefined })).toBeNull();
});

test('for reading, an object is the user\'s when authenticated as them, or self-declared with their login', () => {
  expect(isTheUser({ login: 'someone-else', authentication: authenticated }, user)).toBe(true);
  expect(isTheUser({ login: 'arivera', authentication: { ...authenticated, subject: 'f3a2' } }, user)).toBe(false);
  expect(isTheUser({ login: 'arivera' }, user)).toBe(true);
  expect(isTheUser({ login: 'wchen' }, user)).toBe(false);
  expect(isTheUser({}, user)).toBe(false);
});
