import type { Page } from 'playwright-core';

/** Says who the user is in SegQC's identity form (self-declared: the test viewer has no login) and saves it. */
export async function declareIdentity(page: Page, { name, login }: { name: string; login: string }) {
  await page.getByTestId('segqc-identity-name').fill(name);
  await page.getByTestId('segqc-identity-login').fill(login);
  await page.getByTestId('segqc-identity-save').click();
}
