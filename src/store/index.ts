// The storage the bot runs on, opened once: the SQLite database (WAL, migrations, a short busy
// timeout), the retry queue for writes a busy database refused, and the stores the delivery
// policy uses. Each store is an interface with a SQLite and a memory implementation, so a second
// database (PostgreSQL) is one more implementation, not a change to its callers.
import { HotWrites, type RetryLater } from './busy.ts';
import type { StoreConfig } from './config.ts';
import { openDatabase, withoutWaiting, type Db } from './db.ts';
import { MemoryDeliveryLedger, SqliteDeliveryLedger, type DeliveryLedger } from './deliveries.ts';
import { RetryQueue } from './retry.ts';
import { MemorySharedAnswers, SqliteSharedAnswers, type SharedAnswers } from './shared-answers.ts';

export interface Storage {
  /** The SQLite database (the daily summary's stores use it directly). */
  db: Db;
  /** Writes refused by a busy database, retried later off the hot path. */
  retries: RetryLater;
  deliveries: DeliveryLedger;
  sharedAnswers: SharedAnswers;
  /** Flushes pending retries (once more) and closes the database. */
  close(): void;
}

export interface StorageOptions {
  /** Told about writes that were dropped after retrying (logs). */
  onWriteLost?: (what: string, err: unknown) => void;
}

export function openStorage(config: Pick<StoreConfig, 'DATABASE_PATH' | 'DATABASE_BUSY_TIMEOUT_MS'>, opts: StorageOptions = {}): Storage {
  const db = openDatabase(config.DATABASE_PATH, { busyTimeoutMs: config.DATABASE_BUSY_TIMEOUT_MS });
  const queue = new RetryQueue({ ...(opts.onWriteLost ? { onError: opts.onWriteLost } : {}) });
  // Retried writes never wait for the lock: the next retry comes soon enough.
  const retries: RetryLater = { push: (what, write) => queue.push(what, () => withoutWaiting(db, write)) };
  const writes = new HotWrites(retries);
  return {
    db,
    retries,
    deliveries: new SqliteDeliveryLedger(db, writes),
    sharedAnswers: new SqliteSharedAnswers(db, writes),
    close() {
      if (!db.open) return;
      queue.close();
      db.close();
    },
  };
}

/** Stores without a database (tests, `dealbot ask`): one process, forgotten on exit. */
export function memoryStores(): Pick<Storage, 'deliveries' | 'sharedAnswers'> {
  return { deliveries: new MemoryDeliveryLedger(), sharedAnswers: new MemorySharedAnswers() };
}

export { readStoreConfig, StoreEnv, type StoreConfig } from './config.ts';
export { isBusy, StorageBusyError, type RetryLater } from './busy.ts';
export type { DeliveryLedger } from './deliveries.ts';
export type { SharedAnswers } from './shared-answers.ts';
export type { Db } from './db.ts';
