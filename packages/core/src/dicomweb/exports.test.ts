// The viewer's outbox and the CLI reach the STOW-RS client only through the package index.
import * as core from '../index';

test('the package index exports the STOW-RS client, its errors and its helpers', () => {
  for (const name of ['stowInstances', 'StowError', 'StowInputError', 'describeStowError', 'describeStowResult', 'stowReason', 'statusHex', 'retryBackoffMs', 'retryAfterMs', 'multipartRelatedBody', 'randomBoundary', 'readPart10Identity']) {
    expect([name, typeof (core as Record<string, unknown>)[name]]).toEqual([name, 'function']);
  }
  expect(core.DEFAULT_RETRY).toEqual({ attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 });
  expect(core.DUPLICATE_SOP_INSTANCE).toBe(0x0111);
  expect(core.NOT_LISTED.code).toBeNull();
});
