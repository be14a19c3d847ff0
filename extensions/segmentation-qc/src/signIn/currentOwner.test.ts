import { selfDeclaredIdentity } from '../identity/selfDeclaredIdentity';
import { currentOwner } from './currentOwner';

// The outbox's owner is who the viewer says is working: the signed-in user by issuer and subject
// (the OIDC claims every token carries), else the login typed in this tab, marked self-declared.

const declared = selfDeclaredIdentity({ name: 'Chen^Wei', login: 'wchen' });
const AUTHORITY = 'https://idp.example.org/realms/segqc';

test('signed in: issuer and subject of the profile; a declared identity does not count', () => {
  const user = { profile: { iss: 'https://idp.example.org', sub: 'f3a9-77' } };
  expect(currentOwner(user, declared, AUTHORITY)).toEqual({ kind: 'signed-in', issuer: 'https://idp.example.org', subject: 'f3a9-77' });
});

test("a client that drops the iss claim: the configured provider is the issuer", () => {
  expect(currentOwner({ profile: { sub: 'f3a9-77' } }, null, AUTHORITY)).toEqual({ kind: 'signed-in', issuer: AUTHORITY, subject: 'f3a9-77' });
});

test('no sign-in: the login declared in this tab, marked self-declared; nobody: null', () => {
  expect(currentOwner(undefined, declared, null)).toEqual({ kind: 'self-declared', login: 'wchen' });
  expect(currentOwner({ profile: {} }, declared, AUTHORITY)).toEqual({ kind: 'self-declared', login: 'wchen' });
  expect(currentOwner(null, null, AUTHORITY)).toBeNull();
  expect(currentOwner({ profile: { sub: 'f3a9-77' } }, null, null)).toBeNull();
});
