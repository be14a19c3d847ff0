/**
 * A value from a PACS (a person name, a login, a label, a description) made safe to print on a
 * terminal or write to a CSV: C0 (U+0000–U+001F), DEL (U+007F) and C1 (U+0080–U+009F) control
 * characters are removed — ESC [ … (CSI) and ESC ] … BEL (OSC) rewrite the screen and the window
 * title, and U+009B is CSI on its own (ECMA-48 §5.3) — and a tab or line break inside the value
 * becomes one space, so that a value cannot forge a line of the output around it.
 */
const SPACING = /[\t\n\v\f\r]+/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

export function terminalText(text: string): string {
  return text.replace(SPACING, ' ').replace(CONTROLS, '');
}
