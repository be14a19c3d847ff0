import type { ReliabilityStage } from '@segqc/core';
import { BarTicker, drawProgressBar, PLAIN_INTERVAL_MS, writeProgressLine, type ProgressStream } from '../progressOutput';
import { duration } from '../qc/duration';

const STAGE_TEXT: Record<ReliabilityStage, string> = { inventory: 'cases listed', reading: 'cases read' };

/**
 * Progress of reading the programme from the PACS (`segqc drift`, `segqc report --html`) on
 * stderr: on a terminal a bar redrawn in place (stage, cases done, elapsed and estimated time
 * left); otherwise — a log, a nightly job — a plain line at most every PLAIN_INTERVAL_MS and one at
 * the end of each stage.
 */
export class ReadingProgress {
  private stage: ReliabilityStage = 'inventory';
  private done = 0;
  private total = 0;
  private stageStarted: number;
  private lastLine = -Infinity;
  private readonly ticker = new BarTicker(() => this.draw());

  constructor(private readonly stream: ProgressStream, private readonly command: string, private readonly now: () => number = Date.now) {
    this.stageStarted = now();
  }

  /** The core's progress callback (reliabilityFromPacs onProgress). */
  readonly update = (stage: ReliabilityStage, done: number, total: number): void => {
    const newStage = stage !== this.stage;
    if (newStage) {
      this.stage = stage;
      this.stageStarted = this.now();
    }
    [this.done, this.total] = [done, total];
    if (this.stream.isTTY) {
      this.draw();
      this.ticker.start();
    } else if (total > 0 && (done === total || (done === 0 && newStage) || this.now() - this.lastLine >= PLAIN_INTERVAL_MS)) {
      this.line();
    }
  };

  /** Stops the ticking; on a terminal the last state stays on its own line. */
  finish(): void {
    this.ticker.stop();
    if (this.stream.isTTY) {
      this.draw();
      this.stream.write('\n');
    }
  }

  private status(): string {
    const elapsed = this.now() - this.stageStarted;
    const left = this.done > 0 && this.done < this.total ? `, ~${duration((elapsed / this.done) * (this.total - this.done))} left` : '';
    return `${this.done}/${this.total} ${STAGE_TEXT[this.stage]}, ${duration(elapsed)}${left}`;
  }

  /** A stage whose size is not known yet has nothing done. */
  private fraction(): number {
    return this.total === 0 ? 0 : this.done / this.total;
  }

  private draw(): void {
    drawProgressBar(this.stream, this.command, this.fraction(), this.status());
  }

  private line(): void {
    writeProgressLine(this.stream, this.command, this.fraction(), this.status());
    this.lastLine = this.now();
  }
}
