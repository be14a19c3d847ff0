import { terminalText } from '@segqc/core';

/**
 * Lines of human-readable output, each ended by a newline and cleaned of control characters (core
 * terminalText): a name from the PACS holding ESC [2J, or a line break, prints as inert text.
 */
export function terminalLines(...lines: string[]): string {
  return lines.map((line) => `${terminalText(line)}\n`).join('');
}
