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
import { RetryQueue } from './retry.ts';
import { MemorySharedAnswers, SqlSharedAnswers, type SharedAnswers } from './shared-answers.ts';
import type { Dialect, SqlDriver } from './sql.ts';
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
  /** Flushes pending retries (once more), then closes the connections. */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Told about writes that were dropped after retrying (logs). */
  onWriteLost?: (what: string, err: unknown) => void;
}

export function storeOver(driver: SqlDriver, location: string, opts: StoreOptions = {}): Store {
  const queue = new RetryQueue({ ...(opts.onWriteLost ? { onError: opts.onWriteLost } : {}) });
  const writes = new HotWrites(queue);
  const unanswered = new SqlUnansweredLog(driver);
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
    feedback: new SqlFeedbackStore(driver, writes),
    threads: new SqlThreadContexts(driver, writes),
    settings: new SqlUserSettings(driver),
    installations: new SqlInstallations(driver),
    close: () =>
      (closing ??= (async () => {
        await queue.close();
        await driver.close();
      })()),
  };
}

/** Opens the configured store and brings its schema up to date (throws with the reason). */
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
      throw new Error(`could not open the PostgreSQL store at ${where}: ${(err as Error).message}`, { cause: err });
    }
    return storeOver(driver, where, opts);
  }
  const driver = SqliteDriver.open(config.DATABASE_PATH, config.DATABASE_BUSY_TIMEOUT_MS !== undefined ? { busyTimeoutMs: config.DATABASE_BUSY_TIMEOUT_MS } : {});
  return storeOver(driver, config.DATABASE_PATH, opts);
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
} {
  return {
    deliveries: new MemoryDeliveryLedger(),
    sharedAnswers: new MemorySharedAnswers(),
    channelDeals: new MemoryChannelDeals(),
    feedback: new MemoryFeedbackStore(),
    threads: new MemoryThreadContexts(),
    settings: new MemoryUserSettings(),
    installations: new MemoryInstallations(),
  };
}

export { describeDatabaseUrl, readStoreConfig, StoreEnv, type StoreConfig } from './config.ts';
export { isBusy, StorageBusyError, type RetryLater } from './busy.ts';
export type { DeliveryLedger } from './deliveries.ts';
export type { SharedAnswers } from './shared-answers.ts';
export type { Leases } from './leases.ts';
export type { ChannelDeal, ChannelDeals } from './channel-deals.ts';
export type { UnansweredLog, UnansweredQuestion } from './unanswered.ts';
export type { AnswerRecord, DownVote, FeedbackStore, VoteCounts } from './feedback.ts';
export type { ThreadContexts } from './thread-contexts.ts';
export type { UserSettings } from './user-settings.ts';
export type { Installations, InstallationRow } from './installations.ts';
export type { SqlDriver } from './sql.ts';
