import { BarTicker, drawProgressBar, PLAIN_INTERVAL_MS, writeProgressLine, type ProgressStream } from '../progressOutput';
import { duration } from './duration';
import type { QcCaseResult } from './QcCaseResult';

/**
 * Progress of `segqc qc` on stderr: on a terminal a bar redrawn in place (cases done, escalated,
 * failed, elapsed and estimated time left); otherwise — a log, a CI job — a plain line at most
 * every PLAIN_INTERVAL_MS and one at the end. Cases resumed from --state count as done from the
 * start but not in the rate.
 */
export class QcProgress {
  private done = 0;
  private escalated = 0;
  private failed = 0;
  private newlyDone = 0;
  private readonly started: number;
  private lastLine = -Infinity;
  private readonly ticker = new BarTicker(() => this.draw());

  constructor(private readonly stream: ProgressStream, private readonly total: number, resumed: readonly QcCaseResult[], private readonly now: () => number = Date.now) {
    this.started = now();
    for (const result of resumed) this.count(result);
  }

  /** Draws the first state; on a terminal the elapsed time then ticks every second. */
  start(): void {
    if (this.stream.isTTY) {
      this.draw();
      this.ticker.start();
    } else {
      this.stream.write(`segqc qc: ${this.total} case${this.total === 1 ? '' : 's'}${this.done > 0 ? `, ${this.done} done before (--state)` : ''}\n`);
      this.lastLine = this.now();
    }
  }

  caseDone(result: QcCaseResult): void {
    this.count(result);
    this.newlyDone++;
    if (this.stream.isTTY) this.draw();
    else if (this.now() - this.lastLine >= PLAIN_INTERVAL_MS || this.done === this.total) this.line();
  }

  /** Stops the ticking and leaves the last state on its own line. */
  finish(): void {
    this.ticker.stop();
    if (this.stream.isTTY) {
      this.draw();
      this.stream.write('\n');
    } else if (this.lastLine < 0 || this.done !== this.total) {
      this.line();
    }
  }

  private count(result: QcCaseResult): void {
    this.done++;
    if (result.verdict === 'escalate') this.escalated++;
    if (result.status === 'failed') this.failed++;
  }

  private status(): string {
    const elapsed = this.now() - this.started;
    const left = this.newlyDone > 0 && this.done < this.total ? `, ~${duration((elapsed / this.newlyDone) * (this.total - this.done))} left` : '';
    return `${this.done}/${this.total} cases, ${this.escalated} escalated${this.failed > 0 ? `, ${this.failed} failed` : ''}, ${duration(elapsed)}${left}`;
  }

  /** No case to judge is all done. */
  private fraction(): number {
    return this.total === 0 ? 1 : this.done / this.total;
  }

  private draw(): void {
    drawProgressBar(this.stream, 'qc', this.fraction(), this.status());
  }

  private line(): void {
    writeProgressLine(this.stream, 'qc', this.fraction(), this.status());
    this.lastLine = this.now();
  }
}
