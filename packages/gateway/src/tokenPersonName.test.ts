import type { TokenIdentity } from './accessTokens';
import { personNameOf, tokenPersonName } from './tokenPersonName';

// The name a stamped SEG records for the user storing it: structured only when the provider says
// which part is the family name; otherwise one component, never a guess.
test('family_name and given_name make Family^Given; a display name alone stays one component', () => {
  expect(tokenPersonName({ name: 'Ana Rivera', given_name: 'Ana', family_name: 'Rivera' })).toBe('Rivera^Ana');
  expect(tokenPersonName({ name: 'Ana Rivera' })).toBe('Ana Rivera');
  expect(tokenPersonName({ name: 'Ana Rivera', given_name: 'Ana' })).toBe('Ana Rivera');
});

test("a service account is named by its client_id; a token naming no one gives none", () => {
  expect(tokenPersonName({ client_id: 'segmentation-model' })).toBe('segmentation-model');
  expect(tokenPersonName({ sub: 'f3a1', preferred_username: 'arivera' })).toBeUndefined();
  expect(tokenPersonName({ name: '  ' })).toBeUndefined();
});

test("the PN's delimiters and control characters become spaces; components are cut to fit 64 characters", () => {
  expect(tokenPersonName({ name: 'Dr. ^Evil=\\Name\u0007' })).toBe('Dr. Evil Name');
  expect(tokenPersonName({ family_name: 'F'.repeat(80), given_name: 'Given' })).toBe(`${'F'.repeat(58)}^Given`);
  expect(tokenPersonName({ name: 'N'.repeat(80) })).toHaveLength(64);
});

test('without a name in the token, the login is recorded as the name', () => {
  const user: TokenIdentity = { issuer: 'https://idp.example', subject: 'f3a1', login: 'arivera', roles: ['annotator'] };
  expect(personNameOf(user)).toBe('arivera');
  expect(personNameOf({ ...user, login: undefined })).toBe('f3a1');
  expect(personNameOf({ ...user, personName: 'Rivera^Ana' })).toBe('Rivera^Ana');
});
