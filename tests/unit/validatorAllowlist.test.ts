import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VALIDATOR_ALLOWLIST, allowedErrors } from '../harness/validateDicom';

// The allow-list excuses validator errors in what we write; it stays short and every entry has
// its reason written down.
test('at most 3 entries, no blank line (grep -F -f would match everything), each explained', () => {
  const text = readFileSync(VALIDATOR_ALLOWLIST, 'utf8');
  expect(text.split('\n').slice(0, -1).filter((line) => line.trim() === '')).toEqual([]);
  const entries = allowedErrors();
  expect(entries.length).toBeLessThanOrEqual(3);
  const reasons = readFileSync(join(VALIDATOR_ALLOWLIST, '..', 'validator-allowlist.md'), 'utf8');
  for (const entry of entries) expect(reasons).toContain(entry);
});
