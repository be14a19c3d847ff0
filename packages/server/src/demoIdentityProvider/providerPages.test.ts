import { createHash } from 'node:crypto';
import { PAGE_STYLE, PAGE_STYLE_HASH, errorPage, escapeHtml, signInPage, signOutPage } from './providerPages';
import { providerPagePolicy } from './providerHeaders';

// The provider's pages echo what a user typed and what a request carried: nothing of it may become
// markup, and the pages must hold under their own CSP (no script, the style by its hash).
describe("the demo provider's pages", () => {
  test('escape what they echo', () => {
    expect(escapeHtml(`<script>"&'`)).toBe('&#60;script&#62;&#34;&#38;&#39;');
    const page = signInPage({ action: '/interaction/abc/login', clientName: 'SegQC', login: '"><script>alert(1)</script>', error: 'Wrong login or password.' });
    expect(page).not.toContain('<script>');
    expect(page).toContain('value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
    expect(errorPage('invalid_request', '<img src=x onerror=alert(1)>')).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  test('the sign-in form posts the login and password to its interaction; the error is shown only after a failure', () => {
    const first = signInPage({ action: '/interaction/abc/login', clientName: 'SegQC' });
    expect(first).toContain('<form method="post" action="/interaction/abc/login">');
    expect(first).toContain('name="login"');
    expect(first).toContain('name="password" type="password" autocomplete="current-password"');
    expect(first).not.toContain('sign-in-error');
    expect(signInPage({ action: '/interaction/abc/login', clientName: 'SegQC', login: 'arivera', error: 'Wrong login or password.' })).toContain('data-testid="sign-in-error">Wrong login or password.</p>');
  });

  test("the sign-out page submits oidc-provider's form with logout=yes", () => {
    const form = '<form id="op.logoutForm" method="post" action="/session/end/confirm"><input type="hidden" name="xsrf" value="x"/></form>';
    expect(signOutPage(form)).toContain(`${form}<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Sign out</button>`);
  });

  test('carry no script, and a CSP that allows their one stylesheet by hash and forms towards the viewer only', () => {
    for (const page of [signInPage({ action: '/a', clientName: 'SegQC' }), signOutPage('<form id="op.logoutForm"></form>'), errorPage('e')]) {
      expect(page).not.toMatch(/<script|\son[a-z]+=/i); // no script element, no event handler attribute
      expect(page).toContain(`<style>${PAGE_STYLE}</style>`);
    }
    expect(PAGE_STYLE_HASH).toBe(`'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`);
    expect(providerPagePolicy(['http://127.0.0.1:3000', 'http://localhost:3000']).split('; ')).toEqual([
      "default-src 'none'",
      "script-src 'self'",
      `style-src ${PAGE_STYLE_HASH}`,
      "form-action 'self' http://127.0.0.1:3000 http://localhost:3000",
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ]);
  });
});
