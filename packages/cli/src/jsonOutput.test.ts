// Why: `segqc qc --json`, `drift --json` and the JSON audit export carry PACS-supplied names and
// labels; JSON.stringify escapes ESC and BEL but writes DEL and the C1 controls (U+009B: CSI) raw,
// which a terminal piping the JSON to the screen would act on.
import { jsonOutput } from './jsonOutput';

const name = 'Evil\u001b[2J\u001b]0;title\u0007\u009b31m\u007fName';

test('no raw control character comes out: C0 by JSON.stringify, DEL and C1 as \\u escapes', () => {
  const text = jsonOutput({ name });
  expect(text).toBe('{\n  "name": "Evil\\u001b[2J\\u001b]0;title\\u0007\\u009b31m\\u007fName"\n}\n');
  expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text)).toBe(false);
});

test('the JSON reads back as the very same string', () => {
  expect(JSON.parse(jsonOutput({ name }))).toEqual({ name });
});
