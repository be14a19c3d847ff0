// The modules themselves, not @segqc/core's index: loading all of core would cost every segqc
// process about 0.1 s at start (issue 16).
import { terminalText } from '@segqc/core/dist/text/terminalText';

/**
 * Lines of human-readable output, each ended by a newline and cleaned of control characters (core
 * terminalText): a name from the PACS holding ESC [2J, or a line break, prints as inert text.
 */
export function terminalLines(...lines: string[]): string {
  return lines.map((line) => `${terminalText(line)}\n`).join('');
}
