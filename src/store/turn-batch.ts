// The writes of one event-loop turn in one SQLite transaction: a burst of 50 requests read in one
// turn costs one commit instead of 50. Each commit appends pages to the WAL (and syncs it in FULL
// mode), and the one that takes the WAL past its checkpoint size checkpoints on the event loop, so
// fewer commits are fewer stalled acks. Only for rows the caller can wait one turn for; reads and
// anything the answer is computed from stay on the driver. PostgreSQL needs none of this: its
// statements wait on no event loop.
import type { SqlDriver, SqlExecutor } from './sql.ts';

interface Pending {
  work: (q: SqlExecutor) => Promise<unknown>;
  done: (value: unknown) => void;
  fail: (err: unknown) => void;
}

export class TurnBatch {
  private pending: Pending[] = [];

  constructor(private readonly driver: SqlDriver) {}

  /**
   * Runs `work` with the executor of this turn's transaction, after the turn's other requests have
   * been read; resolves to its value once committed. A failed transaction (busy, disk full) rejects
   * every write of the turn with its error, each caller then handling it as its own.
   */
  run<T>(work: (q: SqlExecutor) => Promise<T>): Promise<T> {
    return new Promise<T>((done, fail) => {
      if (this.pending.push({ work, done: done as (value: unknown) => void, fail }) === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const values =
        batch.length === 1
          ? [await batch[0]!.work(this.driver)]
          : await this.driver.tx(async (q) => {
              const out: unknown[] = [];
              for (const b of batch) out.push(await b.work(q));
              return out;
            });
      batch.forEach((b, i) => b.done(values[i]));
    } catch (err) {
      for (const b of batch) b.fail(err);
    }
  }
}
