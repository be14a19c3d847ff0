import { UnsecuredJWT } from 'jose';
import { tokenIdentity } from './tokenIdentity';

// Why: what `segqc qc --write-reports` and `segqc report --stow` write must name the person the
// gateway checks the token of — the same issuer, subject and login — or the gateway refuses it.
// The claims are read, not verified: the gateway verifies (an unsigned token is enough here).

const jwt = (claims: Record<string, unknown>) => new UnsecuredJWT(claims).encode();
const ISSUER = 'https://login.example.org/realms/hospital';

test('a person: issuer and subject as authenticated, preferred_username as login, the name claim', () => {
  expect(tokenIdentity(jwt({ iss: ISSUER, sub: '3f2a-77', preferred_username: 'mlindqvist', name: 'Maria Lindqvist' }))).toEqual({
    authentication: { issuer: ISSUER, subject: '3f2a-77' }, login: 'mlindqvist', name: 'Maria Lindqvist',
  });
});

test('a service account: the subject as login (as the gateway), the client id as name', () => {
  expect(tokenIdentity(jwt({ iss: ISSUER, sub: 'segqc-batch' }), 'segqc-batch')).toEqual({
    authentication: { issuer: ISSUER, subject: 'segqc-batch' }, login: 'segqc-batch', name: 'segqc-batch',
  });
  // A token given as is: the client it was issued to, from its client_id claim (RFC 9068 §2.2).
  expect(tokenIdentity(jwt({ iss: ISSUER, sub: 'svc-7', client_id: 'nightly-qc' }))).toMatchObject({ login: 'svc-7', name: 'nightly-qc' });
  expect(tokenIdentity(jwt({ iss: ISSUER, sub: 'svc-7' }))).toMatchObject({ login: 'svc-7', name: 'svc-7' });
});

test('not a JWT, or one that names no issuer or subject: no identity to record', () => {
  expect(tokenIdentity('opaque-2YotnFZFEjr1zCsicMWpAA')).toBeNull();
  expect(tokenIdentity(jwt({ sub: 'x' }))).toBeNull();
  expect(tokenIdentity(jwt({ iss: ISSUER, sub: ' ' }))).toBeNull();
});
