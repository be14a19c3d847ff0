import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJsonSha256 } from '@segqc/core';
import { UsageError } from '../usageError';
import { defaultSopDir, readSopLibrary } from './sopLibrary';

// Why: `segqc qc` judges every case against a SOP file of the library; each file must be validated
// by the library's own schema, and a broken or duplicated file must be reported, never used.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-sops-'));
  copyFileSync(join(defaultSopDir(), 'sop.schema.json'), join(dir, 'sop.schema.json'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("the repository's library: every SOP, with the SHA-256 of its canonical JSON", () => {
  const library = readSopLibrary(defaultSopDir());
  expect(library.invalid).toEqual([]);
  expect(library.sops.map(({ sop }) => `${sop.id}@${sop.version}`).sort()).toEqual(['ct-lung-nodule@1.2.0', 'mr-brain-flair-lesion@1.1.0', 'mr-t1-postcontrast@1.1.0']);
  for (const { file, sop } of library.sops) expect(sop.reference.sha256).toBe(canonicalJsonSha256(JSON.parse(readFileSync(file, 'utf8'))));
});

test('a file that is not JSON, one the schema rejects, and a second file of one id@version are listed, not used', () => {
  const sop = JSON.parse(readFileSync(join(defaultSopDir(), 'ct-lung-nodule.json'), 'utf8'));
  writeFileSync(join(dir, 'a.json'), JSON.stringify(sop));
  writeFileSync(join(dir, 'b.json'), JSON.stringify({ ...sop, title: 'the same id and version, another text' }));
  writeFileSync(join(dir, 'c.json'), '{ not json');
  writeFileSync(join(dir, 'd.json'), JSON.stringify({ ...sop, modality: 'PET' }));
  writeFileSync(join(dir, 'notes.txt'), 'not a SOP');
  const library = readSopLibrary(dir);
  expect(library.sops.map(({ file }) => file)).toEqual([join(dir, 'a.json')]);
  expect(library.invalid).toEqual([
    { file: join(dir, 'b.json'), reason: `ct-lung-nodule@1.2.0 is ${join(dir, 'a.json')} already` },
    { file: join(dir, 'c.json'), reason: expect.stringMatching(/^not JSON: /) },
    { file: join(dir, 'd.json'), reason: expect.stringMatching(/^SOP ct-lung-nodule is invalid: modality: /) },
  ]);
});

test('a folder that is not a SOP library is a usage error', () => {
  expect(() => readSopLibrary(join(dir, 'missing'))).toThrow(new UsageError(`--sop-dir ${join(dir, 'missing')} is not a folder`));
  rmSync(join(dir, 'sop.schema.json'));
  expect(() => readSopLibrary(dir)).toThrow(new UsageError(`--sop-dir ${dir} has no sop.schema.json: it is not a SOP library`));
});
