/**
 * The viewer's SOP library (issue 5): the real platform-config/sops files, served as nginx's JSON
 * autoindex and the files (the contract of packages/server sopLibraryRoute and nginx segqc.conf),
 * load through core's loadSop; a broken file is reported with its file name and failing fields and
 * left out whole, and the others still load.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJsonSha256 } from '@segqc/core';
import { SopLibraryUnavailableError, fetchSopLibrary, sopFileNames, type FetchFile, type FetchedFile } from './fetchSopLibrary';

const SOP_DIR = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const BASE = 'http://viewer.test/segqc/sops/';
const realFile = (name: string): string => readFileSync(join(SOP_DIR, name), 'utf8');
const json = (name: string): Record<string, any> => JSON.parse(realFile(name));

/** nginx `autoindex_format json` entries for these files. */
function autoindex(files: Record<string, string>, extra: object[] = []): string {
  const entries = Object.entries(files).map(([name, text]) => ({ name, type: 'file', mtime: 'Tue, 05 Mar 2024 10:00:00 GMT', size: text.length }));
  return JSON.stringify([...extra, ...entries]);
}

function fakeServer(files: Record<string, string>, listing = autoindex(files)) {
  const requested: string[] = [];
  const answer = (status: number, body: string): FetchedFile => ({ ok: status === 200, status, statusText: status === 200 ? 'OK' : 'Not Found', text: async () => body });
  const fetchFile: FetchFile = async (url) => {
    requested.push(url);
    if (url === BASE) return answer(200, listing);
    const name = decodeURIComponent(url.slice(BASE.length));
    return name in files ? answer(200, files[name]) : answer(404, 'not found');
  };
  return { fetchFile, requested };
}

const realFiles = (): Record<string, string> =>
  Object.fromEntries(readdirSync(SOP_DIR).filter((name) => statSync(join(SOP_DIR, name)).isFile()).map((name) => [name, realFile(name)]));

test('the real library loads whole: three SOPs hashed from their canonical JSON, no failures, README not fetched', async () => {
  const { fetchFile, requested } = fakeServer(realFiles());
  const library = await fetchSopLibrary(BASE, fetchFile);
  expect(library.failures).toEqual([]);
  expect(library.sops.map((sop) => [sop.id, sop.version, sop.reference.sha256])).toEqual(
    ['ct-lung-nodule', 'mr-brain-flair-lesion', 'mr-t1-postcontrast'].map((id) => [id, json(`${id}.json`).version, canonicalJsonSha256(json(`${id}.json`))]),
  );
  expect([...requested].sort()).toEqual([BASE, `${BASE}ct-lung-nodule.json`, `${BASE}mr-brain-flair-lesion.json`, `${BASE}mr-t1-postcontrast.json`, `${BASE}sop.schema.json`]);
});

test('a broken file is reported with its fields and never half-loaded; the others load', async () => {
  const broken = json('ct-lung-nodule.json');
  broken.id = 'ct-lung-broken';
  delete broken.title;
  broken.structures[2].thresholds.minDice = 1.2;
  const files = { ...realFiles(), 'broken.json': JSON.stringify(broken), 'truncated.json': realFile('mr-t1-postcontrast.json').slice(0, 200) };
  const library = await fetchSopLibrary(BASE, fakeServer(files).fetchFile);
  expect(library.sops.map((sop) => sop.id)).toEqual(['ct-lung-nodule', 'mr-brain-flair-lesion', 'mr-t1-postcontrast']);
  expect(library.failures).toEqual([
    {
      file: 'broken.json',
      error: 'title: is required; structures[2].thresholds.minDice: 1.2 is above the maximum 1',
      fields: ['title', 'structures[2].thresholds.minDice'],
    },
    { file: 'truncated.json', error: expect.stringMatching(/^\(file\): is not valid JSON \(/), fields: ['(file)'] },
  ]);
});

test('a second file with the same id@version is refused, naming the first', async () => {
  const files = { ...realFiles(), 'zz-copy.json': realFile('mr-brain-flair-lesion.json') };
  const library = await fetchSopLibrary(BASE, fakeServer(files).fetchFile);
  expect(library.sops).toHaveLength(3);
  const { version } = json('mr-brain-flair-lesion.json');
  expect(library.failures).toEqual([{ file: 'zz-copy.json', error: `id: mr-brain-flair-lesion@${version} is already defined by mr-brain-flair-lesion.json`, fields: ['id'] }]);
});

test('an id the schema allows but ProtocolName cannot hold is refused naming id', async () => {
  const long = json('mr-brain-flair-lesion.json');
  long.id = `mr-brain-${'x'.repeat(50)}`;
  const library = await fetchSopLibrary(BASE, fakeServer({ ...realFiles(), 'long.json': JSON.stringify(long) }).fetchFile);
  expect(library.failures).toEqual([{ file: 'long.json', error: expect.stringMatching(/^id: .*more than the 64 of LO/), fields: ['id'] }]);
});

test('a file listed but not served, or unreachable, is a failure of that file only', async () => {
  const files = realFiles();
  const listing = autoindex({ ...files, 'gone.json': '{}' });
  const server = fakeServer(files, listing);
  const unreachable: FetchFile = async (url) => {
    if (url.endsWith('mr-t1-postcontrast.json')) throw new TypeError('Failed to fetch');
    return server.fetchFile(url);
  };
  const library = await fetchSopLibrary(BASE, unreachable);
  expect(library.sops.map((sop) => sop.id)).toEqual(['ct-lung-nodule', 'mr-brain-flair-lesion']);
  expect(library.failures).toEqual([
    { file: 'gone.json', error: '(file): the server answered HTTP 404 Not Found', fields: ['(file)'] },
    { file: 'mr-t1-postcontrast.json', error: '(file): cannot be fetched: Failed to fetch', fields: ['(file)'] },
  ]);
});

test('without the listing or the schema nothing loads, and the error says which', async () => {
  const files = realFiles();
  // An HTML index (nginx without autoindex_format json) is not the listing.
  await expect(fetchSopLibrary(BASE, fakeServer(files, '<html>Index of /segqc/sops/</html>').fetchFile)).rejects.toThrow(
    /^the SOP library at http:\/\/viewer\.test\/segqc\/sops\/ cannot be read \(its listing: is not valid JSON \(/,
  );
  await expect(fetchSopLibrary(BASE, fakeServer(files, '{"files":[]}').fetchFile)).rejects.toThrow(/listing at .* is not a JSON array/);
  const { 'sop.schema.json': _schema, ...withoutSchema } = files;
  await expect(fetchSopLibrary(BASE, fakeServer(withoutSchema).fetchFile)).rejects.toThrow(/cannot be read \(sop\.schema\.json: the server answered HTTP 404 Not Found\)/);
  await expect(fetchSopLibrary(BASE, async () => Promise.reject(new TypeError('Failed to fetch')))).rejects.toBeInstanceOf(SopLibraryUnavailableError);
});

test('the listing keeps files ending .json other than the schema; directories and hidden files are left out', () => {
  expect(
    sopFileNames([
      { name: 'drafts', type: 'directory', mtime: 'Tue, 05 Mar 2024 10:00:00 GMT' },
      { name: 'b.json', type: 'file' }, { name: 'a.json', type: 'file' }, { name: 'sop.schema.json', type: 'file' },
      { name: 'README.md', type: 'file' }, { name: '.hidden.json', type: 'file' }, { name: 'x.json.bak', type: 'file' }, { type: 'file' },
    ]),
  ).toEqual(['a.json', 'b.json']);
});
