import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest } from '@segqc/demo-data';
import { qcReportSeriesUid, readPart10, referenceSegSeriesUid, retrieveInstance, verifyDatasetSignatures } from '@segqc/core';
import { nodeVerifier } from '@segqc/gateway';
import { adjudicationSigned } from '../harness/adjudicationSigned';
import { dcmsignVerify } from '../harness/dcmsign';
import { serviceToken } from '../harness/demoTokens';
import { DEMO_PASSWORDS, signInAs, submitSignIn, waitForSignInPage } from '../harness/signIn';
import { signedInBrowserSession } from '../harness/signedInBrowserSession';

// Issue 15, signing as an act of its own: the adjudicator sees what signing means before Sign
// (printed name, login, time with zone, "Adjudication approved"); a sign-in older than the gateway
// accepts (here 20 s) gets the step-up refusal and nothing of the adjudication is stored; "Sign in
// again" asks the provider for the password again (prompt=login, max_age=0), OHIF's /callback brings
// the adjudicator back to the case, and one Retry stores the reference SEG and the report — each
// signed by the gateway for them, which core and DCMTK's dcmsign both verify against the demo CA.
jest.setTimeout(420_000);

const MAX_AUTH_AGE_SECONDS = 20;
const [demoCase] = demoManifest({ cases: ['ct-08'] }).cases;
const study = demoCase.StudyInstanceUID;
const casePath = `/segmentation-qc?StudyInstanceUIDs=${study}`;
const session = signedInBrowserSession({ cases: ['ct-08'], name: 'signing-fresh-sign-in', signingMaxAuthAgeSeconds: MAX_AUTH_AGE_SECONDS });

test('a stale sign-in is refused; after signing in again the report is stored signed for the adjudicator', async () => {
  const { page, screenshot, errors } = session.browser;
  const { server } = session;
  await signInAs(page, server, 'mlindqvist', casePath);
  const signedInAt = Date.now();
  await page.locator('[data-testid=segqc-review][data-status=done]').waitFor({ timeout: 180_000 });
  const adjudication = page.getByTestId('segqc-adjudication');
  for (const row of await adjudication.locator('[data-testid=segqc-adjudication-structure]').all()) {
    await row.getByTestId('segqc-adjudication-method').selectOption({ label: 'Majority vote' });
    if ((await row.getAttribute('data-escalated')) === 'true') await row.locator('[data-testid=segqc-adjudication-reason][value=boundaryDisagreement]').check();
  }
  for (const item of await adjudication.locator('[data-testid=segqc-checklist-item][data-required=true]').all()) await item.check();

  const manifestation = page.getByTestId('segqc-signature-manifestation');
  expect(await manifestation.getAttribute('data-authenticated')).toBe('true');
  expect(await manifestation.innerText()).toMatch(/Maria Lindqvist \(mlindqvist\) · .+ · Adjudication approved/);
  await screenshot('01-manifestation');

  // Wait until the sign-in is older than the gateway accepts for signing.
  await page.waitForTimeout(Math.max(0, signedInAt + (MAX_AUTH_AGE_SECONDS + 2) * 1000 - Date.now()));
  await adjudication.getByTestId('segqc-adjudication-sign').click();
  const signed = await adjudicationSigned(page);
  const reportUid = (await signed.getAttribute('data-report'))!;
  const referenceUid = (await signed.getAttribute('data-reference'))!;
  const waiting = page.locator(`[data-testid=segqc-outbox-write][data-sop-instance-uid="${reportUid}"][data-state=failed]`);
  await waiting.waitFor({ timeout: 60_000 });
  expect(await waiting.innerText()).toContain('Signing needs a fresh sign-in');
  // The reference SEG is signed too, so it waits for the same sign-in.
  const referenceWaiting = page.locator(`[data-testid=segqc-outbox-write][data-sop-instance-uid="${referenceUid}"][data-state=failed]`);
  expect(await referenceWaiting.innerText()).toContain('Signing needs a fresh sign-in');
  await screenshot('02-fresh-sign-in-needed');

  const service = (await (await serviceToken(server)).json()) as { access_token: string };
  const read = { fetch: globalThis.fetch, headers: { Authorization: `Bearer ${service.access_token}` } };
  const reportAt = { studyInstanceUid: study, seriesInstanceUid: qcReportSeriesUid(study), sopInstanceUid: reportUid };
  await expect(retrieveInstance(`${server.baseUrl}/dicom-web`, reportAt, read)).rejects.toThrow();

  // Sign in again: the provider asks for the password although its session is alive.
  await waiting.getByTestId('segqc-outbox-sign-in-again').click();
  await waitForSignInPage(page, server);
  await submitSignIn(page, 'mlindqvist', DEMO_PASSWORDS.mlindqvist);
  await page.waitForURL((url) => url.pathname === '/segmentation-qc' && url.search.includes(study), { timeout: 120_000 });
  const back = page.locator(`[data-testid=segqc-outbox-write][data-sop-instance-uid="${reportUid}"]`);
  await back.getByTestId('segqc-outbox-retry').click({ timeout: 120_000 });
  // One Retry sends both writes that waited for the sign-in.
  await back.waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator(`[data-testid=segqc-outbox-write][data-sop-instance-uid="${referenceUid}"]`).waitFor({ state: 'detached', timeout: 60_000 });
  await screenshot('03-signed');

  const bytes = await retrieveInstance(`${server.baseUrl}/dicom-web`, reportAt, read);
  const caFile = join(server.dataDir, 'signing', 'ca.pem');
  const checks = verifyDatasetSignatures(bytes, nodeVerifier({ trustedCertificates: [readFileSync(caFile, 'utf8')] }));
  expect(checks.map((check) => check.valid)).toEqual([true]);
  expect(readPart10(bytes).dataset.VerificationFlag).toBe('VERIFIED');
  const dir = mkdtempSync(join(tmpdir(), 'segqc-signed-report-'));
  const referenceAt = { studyInstanceUid: study, seriesInstanceUid: referenceSegSeriesUid(study), sopInstanceUid: referenceUid };
  const referenceBytes = await retrieveInstance(`${server.baseUrl}/dicom-web`, referenceAt, read);
  expect(verifyDatasetSignatures(referenceBytes, nodeVerifier({ trustedCertificates: [readFileSync(caFile, 'utf8')] })).map((check) => check.valid)).toEqual([true]);
  try {
    writeFileSync(join(dir, 'report.dcm'), bytes);
    expect(dcmsignVerify(join(dir, 'report.dcm'), caFile).status).toBe(0);
    writeFileSync(join(dir, 'reference.dcm'), referenceBytes);
    expect(dcmsignVerify(join(dir, 'reference.dcm'), caFile, 'authorization').status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // The step-up refusals, of the reference SEG and of the report, are the failed requests the browser logs.
  expect(errors).toEqual(Array(2).fill('Failed to load resource: the server responded with a status of 401 (Unauthorized)'));
});
