// The store every process works from: one interface, two databases. SQLite (better-sqlite3) at
// DATABASE_PATH is the embedded default for one machine; PostgreSQL (pg) at DATABASE_URL is shared
// by several replicas. Both run the same numbered migrations (migrations.ts) once each, and the
// same statements through SqlDriver (sql.ts), with a dialect's own statement where they differ.
// The daily summary's tables (subscriptions, ledger, alerts, holidays, quotes) are kept by its own
// classes in src/summary/ over `driver`; what the core and the adapters share lives here.
import { describeDatabaseUrl, type StoreConfig } from './config.ts';
import { SqlDeliveryLedger, type DeliveryLedger } from './deliveries.ts';
import { SqlLeases, type Leases } from './leases.ts';
import { PostgresDriver } from './postgres.ts';
import { SqlRateBuckets, type RateBuckets } from './rate-buckets.ts';
import type { Dialect, SqlDriver } from './sql.ts';
import { SqliteDriver } from './sqlite.ts';
import { SqlUnansweredLog, type UnansweredLog } from './unanswered.ts';

export interface Store {
  readonly dialect: Dialect;
  /** True when other processes may use the same database at once (PostgreSQL). */
  readonly shared: boolean;
  /** Where it is, safe to log: the SQLite path or the URL with its password masked. */
  readonly location: string;
  readonly driver: SqlDriver;
  /** Messages and commands already answered (exactly once across replicas). */
  readonly deliveries: DeliveryLedger;
  /** Rate-limit token buckets (used when `shared`). */
  readonly rateBuckets: RateBuckets;
  /** Questions that got no facts. */
  readonly unanswered: UnansweredLog;
  /** One holder at a time (the Discord gateway). */
  readonly leases: Leases;
  close(): Promise<void>;
}

export function storeOver(driver: SqlDriver, location: string): Store {
  return {
    dialect: driver.dialect,
    shared: driver.dialect === 'postgres',
    location,
    driver,
    deliveries: new SqlDeliveryLedger(driver),
    rateBuckets: new SqlRateBuckets(driver),
    unanswered: new SqlUnansweredLog(driver),
    leases: new SqlLeases(driver),
    close: () => driver.close(),
  };
}

/** Opens the configured store and brings its schema up to date (throws with the reason). */
export async function openStore(config: Pick<StoreConfig, 'DATABASE_PATH' | 'DATABASE_URL'> & Partial<Pick<StoreConfig, 'DATABASE_POOL_SIZE'>>): Promise<Store> {
  if (config.DATABASE_URL) {
    const where = describeDatabaseUrl(config.DATABASE_URL);
    try {
      return storeOver(await PostgresDriver.open(config.DATABASE_URL, { ...(config.DATABASE_POOL_SIZE ? { poolSize: config.DATABASE_POOL_SIZE } : {}) }), where);
    } catch (err) {
      throw new Error(`could not open the PostgreSQL store at ${where}: ${(err as Error).message}`, { cause: err });
    }
  }
  return storeOver(SqliteDriver.open(config.DATABASE_PATH), config.DATABASE_PATH);
}

export { readStoreConfig, StoreEnv, STORE_ENV_DOC, type StoreConfig } from './config.ts';
export { isBusy, type SqlDriver } from './sql.ts';
