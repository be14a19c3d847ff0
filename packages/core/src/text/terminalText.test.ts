// Why: the CLI printed PACS-supplied strings raw, so a ContentCreatorName holding ESC [2J cleared
// the reviewer's terminal, ESC ] 0;… BEL retitled it, and the 8-bit CSI U+009B did the same on
// terminals that honour C1. Every value printed or written to CSV goes through terminalText.
import { terminalText } from './terminalText';

test('ESC [2J (clear screen) loses its ESC: what is left is printable text', () => {
  expect(terminalText('Evil\u001b[2J^Mallory')).toBe('Evil[2J^Mallory');
});

test('an OSC title sequence ESC ] 0;title BEL loses ESC and BEL', () => {
  expect(terminalText('\u001b]0;pwned\u0007Okafor^Chidi')).toBe(']0;pwnedOkafor^Chidi');
});

test('C1 controls (U+009B CSI, U+0085 NEL) and DEL are removed; Latin-1 letters from U+00A0 on are kept', () => {
  expect(terminalText('A\u009b31mB\u0085C\u007fD')).toBe('A31mBCD');
  expect(terminalText('Ødegård\u00a0Åsa')).toBe('Ødegård\u00a0Åsa');
});

test('a tab or a line break inside a value becomes one space: no forged line', () => {
  expect(terminalText('Chen^Wei\r\naudit verify: no findings\tok')).toBe('Chen^Wei audit verify: no findings ok');
});

test('plain text is unchanged', () => {
  expect(terminalText('Rivera, Ana — Lung nodule ≥ 3 mm')).toBe('Rivera, Ana — Lung nodule ≥ 3 mm');
});
