/**
 * A `--json` document (and the JSON audit export): JSON.stringify escapes C0 controls but leaves DEL
 * (U+007F) and C1 (U+0080–U+009F) raw, and U+009B is CSI on a terminal that honours C1 (ECMA-48).
 * They are written as \u escapes here, which every JSON reader decodes back to the same string.
 */
const RAW_CONTROLS = /[\u007f-\u009f]/g;

/** `value` as JSON, indented by `indent` spaces (none: one line), and a newline. */
export function jsonOutput(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent).replace(RAW_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}
