import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSecretFile } from './readSecretFile';

// Why: a token or client secret in a file others can read is a leaked credential; like ssh with a
// private key, segqc refuses such a file — with the fix in the message — instead of using it.

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'segqc-secret-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secretFile = (name: string, content: string, mode: number) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
};

test('a file only its owner can read: its content, without the line break editors add', () => {
  expect(readSecretFile(secretFile('owner-rw', '  eyJ.token.sig\n', 0o600), '--token-file')).toBe('eyJ.token.sig');
  expect(readSecretFile(secretFile('owner-r', 'abc', 0o400), '--token-file')).toBe('abc');
});

test.each([
  ['group-readable', 0o640, '0640'],
  ['world-readable', 0o644, '0644'],
  ['others-readable only', 0o604, '0604'],
  ['group-writable', 0o620, '0620'],
])('%s: refused, naming the setting, the mode and the fix', (name, mode, shown) => {
  const path = secretFile(name, 'abc', mode);
  expect(() => readSecretFile(path, 'SEGQC_DICOMWEB_TOKEN_FILE')).toThrow(
    expect.objectContaining({ name: 'CredentialError', message: `SEGQC_DICOMWEB_TOKEN_FILE ${path}: permissions ${shown} are too open, other users have access to it; chmod 600 ${path}` }),
  );
});

test('a missing file, a folder and an empty file are refused in one line', () => {
  const folder = join(dir, 'folder');
  mkdirSync(folder, { mode: 0o700 });
  expect(() => readSecretFile(join(dir, 'nothing'), '--token-file')).toThrow(`--token-file ${join(dir, 'nothing')}: no such file`);
  expect(() => readSecretFile(folder, '--token-file')).toThrow(`--token-file ${folder} is not a file`);
  expect(() => readSecretFile(secretFile('empty', ' \n', 0o600), 'SEGQC_OIDC_CLIENT_SECRET_FILE')).toThrow(`SEGQC_OIDC_CLIENT_SECRET_FILE ${join(dir, 'empty')} is empty`);
});
