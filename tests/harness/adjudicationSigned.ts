import type { Locator, Page } from 'playwright-core';

/**
 * Waits for the adjudication's "signed" marker. If it does not come, fails with what the panel says
 * instead (a "Not signed" error, writes still in the outbox and their last error), so a slow or
 * failed signature is told apart from a missing one.
 */
export async function adjudicationSigned(page: Page, timeout = 60_000): Promise<Locator> {
  const signed = page.getByTestId('segqc-adjudication-signed');
  const failed = page.getByTestId('segqc-adjudication-error');
  await signed.or(failed).first().waitFor({ timeout }).catch(() => undefined);
  if (await signed.isVisible()) return signed;
  const said = async (locator: Locator) => (await locator.allInnerTexts()).join(' | ') || 'nothing';
  throw new Error(`not signed within ${timeout} ms; the panel says: ${await said(failed)}; outbox: ${await said(page.getByTestId('segqc-outbox'))}`);
}
