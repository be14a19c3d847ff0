import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE } from './engineVersion';

// Results name the engine that computed them; a release that bumps the package must bump this too.
test('ENGINE.version is the version of @segqc/core', () => {
  const packageJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  expect(ENGINE.version).toBe(packageJson.version);
});
