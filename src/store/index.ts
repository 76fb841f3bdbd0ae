// The store every process works from: one interface, two databases. SQLite (better-sqlite3) at
// DATABASE_PATH is the embedded default for one machine; PostgreSQL (pg) at DATABASE_URL is shared
// by several replicas. Both run the same numbered migrations (migrations.ts) once each, and the
// same statements through SqlDriver (sql.ts), with a dialect's own statement where they differ.
// Hot-path writes never stall an answer: SQLite waits at most DATABASE_BUSY_TIMEOUT_MS for
// another process's lock, and a write a busy database refused goes to the retry queue.
// The daily summary's tables (subscriptions, post ledger, alert rules and history, holidays,
// quotes) are kept by its own classes in src/summary/ over `driver`, inside the same schema;
// what the delivery policy and the adapters share lives here.
import { HotWrites, type RetryLater } from './busy.ts';
import { MemoryChannelDeals, SqlChannelDeals, type ChannelDeals } from './channel-deals.ts';
import { describeDatabaseUrl, type StoreConfig } from './config.ts';
import { HotPathDeliveryLedger, MemoryDeliveryLedger, SqlDeliveryLedger, type DeliveryLedger } from './deliveries.ts';
import { MemoryFeedbackStore, SqlFeedbackStore, type FeedbackStore } from './feedback.ts';
import { MemoryInstallations, SqlInstallations, type Installations } from './installations.ts';
import { SqlLeases, type Leases } from './leases.ts';
import { PostgresDriver } from './postgres.ts';
import { SqlRateBuckets, type RateBuckets } from './rate-buckets.ts';
import { TurnBatch } from './turn-batch.ts';
import { BatchedReplayRows, MemoryReplayLedger, SharedReplayLedger, SqlReplayLedger, type ReplayLedger } from './replays.ts';
import { RetryQueue } from './retry.ts';
import { MemorySharedAnswers, SqlSharedAnswers, type SharedAnswers } from './shared-answers.ts';
import { existsSync } from 'node:fs';
import { isBusy, run, type Dialect, type SqlDriver } from './sql.ts';
import { SqliteDriver } from './sqlite.ts';
import { MemoryThreadContexts, SqlThreadContexts, type ThreadContexts } from './thread-contexts.ts';
import { SqlUnansweredLog, type UnansweredLog } from './unanswered.ts';
import { MemoryUserSettings, SqlUserSettings, type UserSettings } from './user-settings.ts';

export interface Store {
  readonly dialect: Dialect;
  /** True when other processes may use the same database at once (PostgreSQL). */
  readonly shared: boolean;
  /** Where it is, safe to log: the SQLite path or the URL with its password masked. */
  readonly location: string;
  readonly driver: SqlDriver;
  /** Writes a busy database refused, retried later off the hot path. */
  readonly retries: RetryLater;
  /** Messages and commands already answered (exactly once across processes and replicas). */
  readonly deliveries: DeliveryLedger;
  /** Answers offered for Share, so a press posts what was seen (from any replica). */
  readonly sharedAnswers: SharedAnswers;
  /** Rate-limit token buckets (used when `shared`). */
  readonly rateBuckets: RateBuckets;
  /** Questions that got no facts (a busy database delays the row, never the answer). */
  readonly unanswered: UnansweredLog;
  /** One holder at a time (the Discord gateway). */
  readonly leases: Leases;
  /** Each channel's deal (`/deal use`), read on every question when the base holds several deals. */
  readonly channelDeals: ChannelDeals;
  /** Answers shown with 👍 / 👎 and the votes on them. */
  readonly feedback: FeedbackStore;
  /** What each thread was about (follow-ups), with an expiry. */
  readonly threads: ThreadContexts;
  /** Languages chosen with /deal lang (per user, per workspace). */
  readonly settings: UserSettings;
  /** A platform's installations in many workspaces (Slack OAuth), bodies encrypted by the adapter. */
  readonly installations: Installations;
  /** Signed requests already seen (replay protection shared by replicas). */
  readonly replays: ReplayLedger;
  /** SQLite: the file did not exist and was created by this open (an empty database). */
  readonly created: boolean;
  /**
   * Writes this process's probe row and checks the database is still the one opened: resolves
   * when it could be written (or was only busy), throws otherwise — StoreLostError (sql.ts) when the
   * SQLite file was deleted or replaced under us.
   */
  probe(replica: string): Promise<void>;
  /** Flushes pending retries (once more), then closes the connections. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Told about writes that were dropped after retrying (logs). */
  onWriteLost?: (what: string, err: unknown) => void;
  /** SQLite: WAL checkpoints in a worker thread, off the event loop (the running bot; see checkpointer.ts). */
  backgroundCheckpoints?: boolean;
  /** Told when the checkpoint thread cannot do its work (logs). */
  onCheckpointError?: (message: string) => void;
}

export function storeOver(driver: SqlDriver, location: string, opts: StoreOptions & { created?: boolean } = {}): Store {
  const queue = new RetryQueue({ ...(opts.onWriteLost ? { onError: opts.onWriteLost } : {}) });
  const writes = new HotWrites(queue);
  const unanswered = new SqlUnansweredLog(driver);
  // SQLite: the rows of a burst in one commit (see TurnBatch); PostgreSQL waits on no event loop.
  const batch = driver.dialect === 'sqlite' ? new TurnBatch(driver) : undefined;
  let closing: Promise<void> | undefined;
  return {
    dialect: driver.dialect,
    shared: driver.dialect === 'postgres',
    location,
    driver,
    retries: queue,
    deliveries: new HotPathDeliveryLedger(new SqlDeliveryLedger(driver), writes),
    sharedAnswers: new SqlSharedAnswers(driver, writes),
    rateBuckets: new SqlRateBuckets(driver),
    unanswered: {
      record: async (q) => void (await writes.run('unanswered question', () => unanswered.record(q))),
      list: (limit) => unanswered.list(limit),
    },
    leases: new SqlLeases(driver),
    channelDeals: new SqlChannelDeals(driver),
    feedback: new SqlFeedbackStore(driver, writes, Date.now, batch),
    threads: new SqlThreadContexts(driver, writes),
    settings: new SqlUserSettings(driver),
    installations: new SqlInstallations(driver),
    replays: new SharedReplayLedger(batch ? new BatchedReplayRows(batch, driver) : new SqlReplayLedger(driver), writes),
    created: opts.created ?? false,
    probe: (replica) => probeStore(driver, replica),
    close: () =>
      (closing ??= (async () => {
        await queue.close();
        await driver.close();
      })()),
  };
}

/** Writes the probe row (a busy database counts as written: it is only contended) and checks the file. */
async function probeStore(driver: SqlDriver, replica: string): Promise<void> {
  driver.checkFile?.();
  try {
    await run(driver, 'INSERT INTO store_probe (replica, at) VALUES (?, ?) ON CONFLICT (replica) DO UPDATE SET at = excluded.at', [replica, Date.now()]);
  } catch (err) {
    if (!isBusy(err)) throw err;
  }
}

/** The store could not be opened or written at start: the message names the variable and the place, in one line. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

/** What went wrong, in words (SQLite's and Node's codes say more than their messages). */
function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { code?: string };
  const byCode: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    ENOTDIR: 'a part of the path is not a directory',
    SQLITE_READONLY: 'the file or its directory is read-only for this user',
    SQLITE_CANTOPEN: 'the file cannot be opened (missing directory, or no permission)',
    SQLITE_FULL: 'the disk is full',
    SQLITE_IOERR: 'input/output error',
    SQLITE_NOTADB: 'the file is not a SQLite database',
    SQLITE_CORRUPT: 'the database file is corrupt',
  };
  const known = Object.entries(byCode).find(([code]) => typeof e?.code === 'string' && e.code.startsWith(code))?.[1];
  const message = (e as Error)?.message ?? String(err);
  return known && !message.toLowerCase().includes(known) ? `${known}: ${message}` : message;
}

/**
 * Opens the configured store, brings its schema up to date and writes the probe row once, so a
 * database the bot cannot write stops the start (StoreOpenError, one line naming the variable and
 * the place) instead of failing every summary later.
 */
export async function openStore(
  config: Pick<StoreConfig, 'DATABASE_PATH'> & Partial<Pick<StoreConfig, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'DATABASE_BUSY_TIMEOUT_MS'>>,
  opts: StoreOptions = {},
): Promise<Store> {
  if (config.DATABASE_URL) {
    const where = describeDatabaseUrl(config.DATABASE_URL);
    let driver: PostgresDriver;
    try {
      driver = await PostgresDriver.open(config.DATABASE_URL, { ...(config.DATABASE_POOL_SIZE ? { poolSize: config.DATABASE_POOL_SIZE } : {}) });
    } catch (err) {
      throw new StoreOpenError(`cannot open the PostgreSQL database at DATABASE_URL=${where}: ${reason(err)}`, { cause: err });
    }
    return checkedAtStart(storeOver(driver, where, opts), `the PostgreSQL database at DATABASE_URL=${where}`);
  }
  const path = config.DATABASE_PATH;
  const created = path !== ':memory:' && !existsSync(path);
  let driver: SqliteDriver;
  try {
    driver = SqliteDriver.open(path, {
      ...(config.DATABASE_BUSY_TIMEOUT_MS !== undefined ? { busyTimeoutMs: config.DATABASE_BUSY_TIMEOUT_MS } : {}),
      ...(opts.backgroundCheckpoints ? { backgroundCheckpoints: true } : {}),
      ...(opts.onCheckpointError ? { onCheckpointError: opts.onCheckpointError } : {}),
    });
  } catch (err) {
    throw new StoreOpenError(`cannot open the database at DATABASE_PATH=${path}: ${reason(err)}`, { cause: err });
  }
  return checkedAtStart(storeOver(driver, path, { ...opts, created }), `the database at DATABASE_PATH=${path}`);
}

async function checkedAtStart(store: Store, what: string): Promise<Store> {
  try {
    await store.probe(`start:${process.pid}`);
    await run(store.driver, 'DELETE FROM store_probe WHERE replica = ?', [`start:${process.pid}`]).catch(() => undefined);
  } catch (err) {
    await store.close().catch(() => undefined);
    throw new StoreOpenError(`cannot write ${what}: ${reason(err)}`, { cause: err });
  }
  return store;
}

/** Stores without a database (tests, `dealbot ask`): one process, forgotten on exit. */
export function memoryStores(): {
  deliveries: DeliveryLedger;
  sharedAnswers: SharedAnswers;
  channelDeals: ChannelDeals;
  feedback: FeedbackStore;
  threads: ThreadContexts;
  settings: UserSettings;
  installations: Installations;
  replays: ReplayLedger;
} {
  return {
    deliveries: new MemoryDeliveryLedger(),
    sharedAnswers: new MemorySharedAnswers(),
    channelDeals: new MemoryChannelDeals(),
    feedback: new MemoryFeedbackStore(),
    threads: new MemoryThreadContexts(),
    settings: new MemoryUserSettings(),
    installations: new MemoryInstallations(),
    replays: new MemoryReplayLedger(),
  };
}

export { describeDatabaseUrl, readStoreConfig, StoreEnv, type StoreConfig } from './config.ts';
export { isBusy, StorageBusyError, type RetryLater } from './busy.ts';
export type { DeliveryLedger } from './deliveries.ts';
export type { SharedAnswers } from './shared-answers.ts';
export type { Leases } from './leases.ts';
export type { ChannelDeal, ChannelDeals } from './channel-deals.ts';
export type { ReplayLedger } from './replays.ts';
export { StoreLostError } from './sql.ts';
export type { UnansweredLog, UnansweredQuestion } from './unanswered.ts';
export type { AnswerRecord, DownVote, FeedbackStore, VoteCounts } from './feedback.ts';
export type { ThreadContexts } from './thread-contexts.ts';
export type { UserSettings } from './user-settings.ts';
export type { Installations, InstallationRow } from './installations.ts';
export type { SqlDriver } from './sql.ts';
