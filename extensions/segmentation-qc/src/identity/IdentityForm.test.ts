// The identity as the panel shows it: read-only under a login; the saved self-declared identity
// with a way to change it; otherwise the form with name and login inputs and the refusal naming the field.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { IdentityError } from './Identity';
import { IdentityForm, type IdentityFormProps } from './IdentityForm';

const render = (props: Partial<IdentityFormProps>): string =>
  renderToStaticMarkup(createElement(IdentityForm, { identity: null, error: null, onDeclare: () => true, ...props }));

test('signed in: name and login, the issuer in the tooltip, no form', () => {
  const authentication = { issuer: 'https://login.hospital.example', subject: 'f3a9-77' };
  const html = render({ identity: { name: 'Ana Rivera', personName: 'Rivera^Ana', login: 'arivera', authentication } });
  expect(html).toContain('data-self-declared="false" title="Signed in at https://login.hospital.example">Signed in as <span class="segqc-identity-name">Ana Rivera</span> <span class="segqc-login">(arivera)</span>');
  expect(html).not.toContain('<input');
});

test('self-declared: shown as such, with Change', () => {
  const html = render({ identity: { name: 'Rivera^Ana', personName: 'Rivera^Ana', login: 'arivera' } });
  expect(html).toContain('data-self-declared="true"');
  expect(html).toContain('<span class="segqc-role">self-declared</span>');
  expect(html).toContain('data-testid="segqc-identity-change"');
});

test('nobody yet: the form; a refusal is an alert naming the field, and that input is marked invalid', () => {
  const html = render({ error: new IdentityError('login', 'must not contain spaces') });
  expect(html).toMatch(/<input data-testid="segqc-identity-name" [^>]*aria-invalid="false"[^>]* value=""\/>/);
  expect(html).toMatch(/<input data-testid="segqc-identity-login" [^>]*aria-invalid="true"[^>]* value=""\/>/);
  expect(html).toContain('role="alert" data-testid="segqc-identity-error" data-field="login">login: must not contain spaces<');
  expect(html).toContain('data-testid="segqc-identity-save"');
});

test('the empty form\'s placeholders are instructions, not a name or login that could pass for typed values', () => {
  const html = render({});
  const placeholders = [...html.matchAll(/placeholder="([^"]*)"/g)].map((match) => match[1]);
  expect(placeholders).toEqual(['type your name', 'type your login']);
});
