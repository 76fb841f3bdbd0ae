// A database another process holds: SQLite answers SQLITE_BUSY once our (short) busy timeout has
// passed, PostgreSQL a lock timeout or a pool with no free connection. Writes on the hot path
// never wait longer than that: they are handed to the retry queue, and after one busy answer the
// store skips the database for a short cool-off, so a burst of questions does not pay the
// timeout once each.
import { isBusy } from './sql.ts';

export { isBusy };

/** Thrown by a store whose write could not be done now; `code` lets callers tell it apart. */
export class StorageBusyError extends Error {
  readonly code = 'STORAGE_BUSY';
  constructor(what: string, options?: { cause?: unknown }) {
    super(`the database is busy (another process holds its lock): ${what} was not saved`, options);
    this.name = 'StorageBusyError';
  }
}

/** A write retried later, off the hot path (see retry.ts). */
export type Write = () => unknown;

/** Writes retried later, off the hot path (see retry.ts). */
export interface RetryLater {
  push(what: string, write: Write): void;
}

/**
 * Runs hot-path writes: at once when the database was not found busy lately, otherwise (and when
 * it turns out busy) queued for a retry. Resolves to whether the write was done now; any other
 * error is thrown.
 */
export class HotWrites {
  private busyUntil = 0;

  constructor(
    private readonly retries: RetryLater,
    private readonly coolOffMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  async run(what: string, write: Write): Promise<boolean> {
    if (this.now() < this.busyUntil) {
      this.retries.push(what, write);
      return false;
    }
    try {
      await write();
      return true;
    } catch (err) {
      if (!isBusy(err)) throw err;
      this.busyUntil = this.now() + this.coolOffMs;
      this.retries.push(what, write);
      return false;
    }
  }

  /** True during the cool-off after a busy answer. */
  get contended(): boolean {
    return this.now() < this.busyUntil;
  }
}
