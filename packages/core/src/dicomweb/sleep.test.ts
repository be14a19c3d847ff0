import { sleep } from './sleep';

// Why: the default wait between retries uses the host's timer, untyped in packages/core.
test('sleep resolves after about the time asked', async () => {
  const start = Date.now();
  await sleep(30);
  expect(Date.now() - start).toBeGreaterThanOrEqual(25);
});
