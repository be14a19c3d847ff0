// The library is fetched once per page and URL, shared by every caller; a failed fetch is retried by the next caller.
import type { SopLibrary } from './fetchSopLibrary';
import { sopLibraryOnce } from './sopLibraryOnce';

const EMPTY: SopLibrary = { sops: [], failures: [{ file: 'a.json', error: 'id: is required', fields: ['id'] }] };

test('two callers of one URL share one fetch; another URL fetches its own', async () => {
  const load = jest.fn(async (url: string) => ({ ...EMPTY, url }));
  const [a, b] = await Promise.all([sopLibraryOnce('/once/a/', load), sopLibraryOnce('/once/a/', load)]);
  expect(a).toBe(b);
  expect(await sopLibraryOnce('/once/a/', load)).toBe(a);
  await sopLibraryOnce('/once/b/', load);
  expect(load.mock.calls.map(([url]) => url)).toEqual(['/once/a/', '/once/b/']);
});

test('a failure is not kept: the next caller fetches again', async () => {
  const load = jest.fn<Promise<SopLibrary>, [string]>().mockRejectedValueOnce(new Error('HTTP 502')).mockResolvedValueOnce(EMPTY);
  await expect(sopLibraryOnce('/once/c/', load)).rejects.toThrow('HTTP 502');
  await expect(sopLibraryOnce('/once/c/', load)).resolves.toBe(EMPTY);
  expect(load).toHaveBeenCalledTimes(2);
});
