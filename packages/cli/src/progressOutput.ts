/**
 * How the CLI's long commands show progress on stderr: on a terminal one bar redrawn in place, in a
 * log (a nightly job, CI) plain lines at most PLAIN_INTERVAL_MS apart. Each command's progress class
 * decides when to write and what its status says; the forms are these.
 */

/** Where progress goes: stderr, with isTTY and columns when it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Plain progress lines are at least this far apart (the last one is always written). */
export const PLAIN_INTERVAL_MS = 5000;
const BAR_WIDTH = 24;

/** `segqc COMMAND [####------] STATUS` over the current terminal line, cut to the terminal's width. */
export function drawProgressBar(stream: ProgressStream, command: string, fraction: number, status: string): void {
  const filled = Math.round(fraction * BAR_WIDTH);
  const text = `segqc ${command} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${status}`;
  // A pseudo-terminal without a size reports 0 columns.
  const width = stream.columns !== undefined && stream.columns >= 20 ? stream.columns : 80;
  stream.write(`\r${text.slice(0, Math.max(width - 1, 1))}\x1b[K`);
}

/** `segqc COMMAND: STATUS (P%)` on a line of its own. */
export function writeProgressLine(stream: ProgressStream, command: string, fraction: number, status: string): void {
  stream.write(`segqc ${command}: ${status} (${Math.floor(fraction * 100)}%)\n`);
}

/** Redraws a terminal bar every second, so that the elapsed time moves while nothing else does. */
export class BarTicker {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly redraw: () => void) {}

  /** Starts ticking; a ticker already running is left as it is. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(this.redraw, 1000);
    // The ticking never keeps the command alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
