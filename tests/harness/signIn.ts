import type { Page } from 'playwright-core';
import type { SignedInServer } from './signedInServer';

/** The demo users' passwords, as the README lists them ("Sign-in"). */
export const DEMO_PASSWORDS = {
  arivera: 'btjd-js9t-wm54',
  wchen: '9btu-6vj9-sjuj',
  cokafor: 's9b9-8bnc-d2cz',
  psingh: '7pp9-43ns-g8a6',
  mlindqvist: 'sjdy-xde9-ep3a',
  ohaddad: 'qyv9-t38j-eg4g',
} as const;

export type DemoLogin = keyof typeof DEMO_PASSWORDS;

const onSignInPage = (server: SignedInServer) => (url: URL) => url.href.startsWith(`${server.issuer}/interaction/`);

/** Waits for the provider's sign-in page (the viewer sends an unknown user there). */
export async function waitForSignInPage(page: Page, server: SignedInServer): Promise<void> {
  await page.waitForURL(onSignInPage(server), { timeout: 120_000 });
  await page.locator('#password').waitFor();
}

/** On the provider's sign-in page: types a login and a password and presses Sign in. */
export async function submitSignIn(page: Page, login: string, password: string): Promise<void> {
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Opens `path` of the viewer as nobody, signs in as `login` on the provider's real sign-in page,
 * and resolves once the viewer shows `path` again (OHIF returns there after its /callback).
 */
export async function signInAs(page: Page, server: SignedInServer, login: DemoLogin, path = '/'): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`, { waitUntil: 'domcontentloaded' });
  await waitForSignInPage(page, server);
  await submitSignIn(page, login, DEMO_PASSWORDS[login]);
  const wanted = new URL(path, server.baseUrl);
  await page.waitForURL((url) => url.origin === wanted.origin && url.pathname === wanted.pathname, { timeout: 120_000 });
}

/**
 * OHIF's Logout (the study list's settings menu, or the viewer's gear menu), then "Sign out" on
 * the provider's page; resolves when the viewer has sent the browser to the sign-in page again.
 */
export async function signOut(page: Page, server: SignedInServer): Promise<void> {
  const onStudyList = new URL(page.url()).pathname === '/';
  // The viewer's gear button has no label: it is found by OHIF's GearSettings icon (its `g#Production`).
  const menu = onStudyList ? page.locator('button[aria-label="Open settings"]') : page.locator('button[aria-haspopup=menu]').filter({ has: page.locator('g#Production') });
  await menu.first().click({ timeout: 60_000 });
  await page.getByText('Logout', { exact: true }).click();
  await page.waitForURL((url) => url.href.startsWith(`${server.issuer}/session/end`), { timeout: 60_000 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await waitForSignInPage(page, server);
}
