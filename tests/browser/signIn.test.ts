import { demoManifest } from '@segqc/demo-data';
import type { Response } from 'playwright-core';
import { VIEWER_CLIENT_ID } from '../harness/demoTokens';
import { DEMO_PASSWORDS, signOut, submitSignIn, waitForSignInPage } from '../harness/signIn';
import { signedInBrowserSession } from '../harness/signedInBrowserSession';
import { pollUntil } from '../harness/pollUntil';
import { currentImageId } from '../harness/viewportImage';

// Sign-in as a user meets it with `SEGQC_AUTH=demo npm start`: the viewer sends an unknown user
// to the demo provider's own sign-in page (OHIF's `oidc` login, code flow with PKCE); a wrong
// password gets nothing; then every DICOMweb request carries the user's access token through the
// gateway, SegQC shows who is signed in, the viewer renews the token with its refresh token before
// it expires, and Logout ends the session at the provider, after which the viewer asks for the
// password again. All under the viewer's and the provider's CSPs (any violation fails the test).
jest.setTimeout(300_000);

const [demoCase] = demoManifest({ cases: ['ct-01'] }).cases;
const ctSeries = demoCase.series.find((series) => series.Modality === 'CT')!;
// 70 s, the shortest allowed: the viewer renews a minute before expiry, so within the test.
const session = signedInBrowserSession({ cases: [demoCase.caseId], name: 'sign-in', accessTokenTtlSeconds: 70 });

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const bearerOf = (response: Response) => /^Bearer (.+)$/.exec(response.request().headers().authorization ?? '')?.[1];
const isQido = (response: Response) => response.url().startsWith(`${session.server.baseUrl}/dicom-web/studies?`);
const isTokenRequest = (response: Response, grant: string) => response.url() === `${session.server.issuer}/token` && (response.request().postData() ?? '').includes(`grant_type=${grant}`);

/** Every answer of the provider's token endpoint to the page, from the start. */
const tokenAnswers: Response[] = [];
beforeAll(() => session.browser.page.on('response', (response) => response.url() === `${session.server.issuer}/token` && tokenAnswers.push(response)));

const refreshAnswers = () => tokenAnswers.filter((response) => isTokenRequest(response, 'refresh_token'));
const tokensOf = async (response: Response) => (await response.json()) as { access_token: string; refresh_token: string };

test('a wrong password is refused on the provider\'s page; the right one lands on the study list, whose QIDO carries the annotator\'s access token', async () => {
  const { page, screenshot, errors } = session.browser;
  const { server } = session;
  await page.goto(server.baseUrl, { waitUntil: 'domcontentloaded' });
  await waitForSignInPage(page, server);
  await submitSignIn(page, 'arivera', 'not-her-password');
  expect(await page.getByTestId('sign-in-error').textContent()).toBe('Wrong login or password.');
  expect(page.url().startsWith(`${server.issuer}/interaction/`)).toBe(true);
  expect(await page.locator('#login').inputValue()).toBe('arivera');
  expect(tokenAnswers).toEqual([]);
  await screenshot('01-wrong-password');

  const firstQido = page.waitForResponse(isQido, { timeout: 120_000 });
  await submitSignIn(page, 'arivera', DEMO_PASSWORDS.arivera);
  const qido = await firstQido;
  expect(tokenAnswers.filter((response) => isTokenRequest(response, 'authorization_code')).map((response) => response.status())).toEqual([200]);
  expect(qido.status()).toBe(200);
  expect(claimsOf(bearerOf(qido)!)).toMatchObject({ iss: server.issuer, aud: 'segqc-dicomweb', sub: 'arivera', client_id: VIEWER_CLIENT_ID, roles: ['annotator'], preferred_username: 'arivera', name: 'Ana Rivera' });
  await page.getByText(demoCase.PatientID).first().waitFor({ timeout: 120_000 });
  expect(new URL(page.url()).pathname).toBe('/');
  await screenshot('02-study-list');
  expect(errors).toEqual([]);
});

test('before the access token expires the viewer renews it with its refresh token, and sends the new one', async () => {
  const { page } = session.browser;
  const [renewal] = await pollUntil(refreshAnswers, (answers) => answers.length > 0, 90_000, 'a renewal with the refresh token');
  expect(renewal!.status()).toBe(200);
  const signedIn = await tokensOf(tokenAnswers.find((response) => isTokenRequest(response, 'authorization_code'))!);
  const renewed = await tokensOf(renewal!);
  expect(renewed.refresh_token).not.toBe(signedIn.refresh_token); // rotated: the first one is spent
  expect(claimsOf(renewed.access_token)).toMatchObject({ sub: 'arivera', roles: ['annotator'] });

  // A new search (the MRN filter, second of the study list's filter row) goes out with a renewed token.
  const qido = page.waitForResponse((response) => isQido(response) && response.url().includes('00100020='));
  await page.locator('input').nth(1).fill(demoCase.PatientID);
  const response = await qido;
  expect(response.status()).toBe(200);
  const renewedTokens = await Promise.all(refreshAnswers().map(async (answer) => (await tokensOf(answer)).access_token));
  expect(renewedTokens).toContain(bearerOf(response));
});

test('in the annotate mode SegQC shows who is signed in, and the images come through the gateway with the token', async () => {
  const { page, screenshot, errors } = session.browser;
  const { server } = session;
  const dicomweb: Array<{ status: number; bearer: boolean }> = [];
  page.on('response', (response) => response.url().startsWith(`${server.baseUrl}/dicom-web/`) && dicomweb.push({ status: response.status(), bearer: bearerOf(response) !== undefined }));
  // A page load: the viewer finds the provider's session and signs in again without the form.
  await page.goto(`${server.baseUrl}/segmentation-qc-annotate?StudyInstanceUIDs=${demoCase.StudyInstanceUID}`, { waitUntil: 'domcontentloaded' });
  const identity = page.locator('[data-testid=segqc-identity][data-self-declared=false]');
  await identity.waitFor({ timeout: 120_000 });
  expect(await identity.textContent()).toBe('Signed in as Ana Rivera (arivera)');
  const imageId = await (await page.waitForFunction(currentImageId, null, { timeout: 120_000, polling: 250 })).jsonValue();
  expect(imageId).toContain(`/series/${ctSeries.SeriesInstanceUID}/`);
  expect(dicomweb.length).toBeGreaterThan(0);
  expect(dicomweb.filter((request) => !request.bearer || request.status >= 400)).toEqual([]);
  await screenshot('03-annotate-signed-in');
  expect(errors).toEqual([]);
});

test('Logout ends the session at the provider: the refresh token is revoked and the viewer asks for the password again', async () => {
  const { page, screenshot } = session.browser;
  const { server } = session;
  const revocation = page.waitForResponse((response) => response.url() === `${server.issuer}/token/revocation`);
  await signOut(page, server);
  const revoked = await revocation;
  expect(revoked.status()).toBe(200);
  await screenshot('04-signed-out');

  // The refresh token the viewer held, revoked at sign-out, gets nothing any more.
  const revokedToken = new URLSearchParams(revoked.request().postData() ?? '');
  expect(revokedToken.get('token_type_hint')).toBe('refresh_token');
  const refresh = await fetch(`${server.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: revokedToken.get('token')!, client_id: VIEWER_CLIENT_ID }).toString(),
  });
  expect([refresh.status, ((await refresh.json()) as { error: string }).error]).toEqual([400, 'invalid_grant']);

  await page.goto(server.baseUrl, { waitUntil: 'domcontentloaded' });
  await waitForSignInPage(page, server);
  expect(await page.locator('#password').inputValue()).toBe('');
});
