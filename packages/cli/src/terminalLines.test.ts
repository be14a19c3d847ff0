// Why: every human-readable line the CLI prints may quote the PACS (annotator names, labels, the
// reasons of unreadable objects); each is cleaned of control characters on its own line.
import { terminalLines } from './terminalLines';

test('each line ends with one newline, its own control characters gone, a line break inside it a space', () => {
  expect(terminalLines('annotator Evil\u001b[2J^Mallory', 'reason: a\nb', 'C1 \u009b31m')).toBe('annotator Evil[2J^Mallory\nreason: a b\nC1 31m\n');
});
