import { mapConcurrently } from './mapConcurrently';

test('results in input order, never more than `limit` calls in flight', async () => {
  let inFlight = 0;
  let most = 0;
  const delays = [30, 5, 20, 1, 10, 2];
  const results = await mapConcurrently(delays, 2, async (delay, index) => {
    most = Math.max(most, ++inFlight);
    await new Promise((resolve) => setTimeout(resolve, delay));
    inFlight--;
    return `${index}:${delay}`;
  });
  expect(results).toEqual(delays.map((delay, index) => `${index}:${delay}`));
  expect(most).toBe(2);
});

test('the first rejection rejects the whole; a bad limit is a RangeError', async () => {
  await expect(mapConcurrently([1, 2, 3], 2, async (n) => { if (n === 2) throw new Error('two'); return n; })).rejects.toThrow('two');
  await expect(mapConcurrently([], 0, async () => 0)).rejects.toThrow(RangeError);
  expect(await mapConcurrently([], 4, async () => 0)).toEqual([]);
});
