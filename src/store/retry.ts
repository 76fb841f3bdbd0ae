// Writes that could not be done at once (the database was busy) are tried again on timers, with
// growing delays, never on the path of an ack or an answer. They keep their order; a write still
// failing after `giveUpMs` is logged and dropped.
import { isBusy, type RetryLater, type Write } from './busy.ts';

export interface RetryQueueOptions {
  minDelayMs?: number;
  maxDelayMs?: number;
  /** How long a write is retried before it is dropped (default 1 h). */
  giveUpMs?: number;
  /** Told about writes dropped for good, or failing for another reason than a busy database. */
  onError?: (what: string, err: unknown) => void;
  now?: () => number;
}

interface Pending {
  what: string;
  write: Write;
  since: number;
}

export class RetryQueue implements RetryLater {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private delay: number;
  private readonly min: number;
  private readonly max: number;
  private readonly giveUp: number;
  private readonly now: () => number;
  private closed = false;
  /** The flush running now, if any (one at a time keeps the order). */
  private flushing: Promise<void> | undefined;

  constructor(private readonly opts: RetryQueueOptions = {}) {
    this.min = opts.minDelayMs ?? 100;
    this.max = opts.maxDelayMs ?? 5000;
    this.giveUp = opts.giveUpMs ?? 60 * 60_000;
    this.now = opts.now ?? Date.now;
    this.delay = this.min;
  }

  get pending(): number {
    return this.queue.length;
  }

  push(what: string, write: Write): void {
    if (this.closed) return;
    this.queue.push({ what, write, since: this.now() });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0 || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.delay);
    this.timer.unref(); // a pending retry never keeps the process alive; close() flushes
  }

  /** Tries every pending write once, in order; stops at the first still-busy one. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      try {
        await head.write();
      } catch (err) {
        if (isBusy(err) && this.now() - head.since < this.giveUp) {
          this.delay = Math.min(this.max, this.delay * 2);
          this.schedule();
          return;
        }
        this.opts.onError?.(head.what, err);
      }
      this.queue.shift();
    }
    this.delay = this.min;
  }

  /** Tries what is left once more and stops retrying (shutdown, before the database closes). */
  async close(): Promise<number> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flushing;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.closed = true;
    const left = this.queue.length;
    for (const p of this.queue) this.opts.onError?.(p.what, new Error('still busy at shutdown'));
    this.queue = [];
    return left;
  }
}
