import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SelfDeclaredBanner, identitiesSelfDeclared } from './SelfDeclaredBanner';

// Where nobody proves who they are, the panels say so: no `oidc` in the app-config, or nobody
// signed in. The banner is a status (read out by screen readers) with the sentence on what it means.

const SIGN_IN = { oidc: [{ authority: 'https://idp.example.org' }] };
const SIGNED_IN = { profile: { iss: 'https://idp.example.org', sub: 'f3a9-77' } };

test('self-declared without sign-in in the app-config, or without a signed-in user', () => {
  expect(identitiesSelfDeclared({}, undefined)).toBe(true);
  expect(identitiesSelfDeclared(undefined, SIGNED_IN)).toBe(true);
  expect(identitiesSelfDeclared({ oidc: [] }, SIGNED_IN)).toBe(true);
  expect(identitiesSelfDeclared(SIGN_IN, null)).toBe(true);
  expect(identitiesSelfDeclared(SIGN_IN, { profile: {} })).toBe(true);
  expect(identitiesSelfDeclared(SIGN_IN, SIGNED_IN)).toBe(false);
});

test('the banner: a status with its title and what it means', () => {
  const html = renderToStaticMarkup(createElement(SelfDeclaredBanner));
  expect(html).toMatch(/^<div role="status" data-testid="segqc-self-declared-banner" style="[^"]+">/);
  expect(html).toContain('<strong>No sign-in: identities are self-declared</strong>');
  expect(html).toContain('<div>Names and logins here are typed, not proved by a sign-in, and the reports written here carry no signature.</div>');
});
