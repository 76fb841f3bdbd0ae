// The one seam between the stores and a database: run a statement, run several in a transaction.
// Statements are written once with `?` placeholders (the PostgreSQL driver numbers them $1, $2…);
// where the two dialects differ, a store asks `dialect` and picks its statement.

export type Dialect = 'sqlite' | 'postgres';

/** A value a statement takes: numbers are ms timestamps, counts or prices; null is SQL NULL. */
export type SqlValue = string | number | null;

export interface SqlResult<Row> {
  rows: Row[];
  /** Rows inserted, updated or deleted (0 for a SELECT). */
  changes: number;
}

/** Runs statements: the driver itself (autocommit) or the transaction `tx` hands to its callback. */
export interface SqlExecutor {
  readonly dialect: Dialect;
  exec<Row = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<SqlResult<Row>>;
}

export interface TxExecutor extends SqlExecutor {
  /**
   * Serializes the transactions that lock the same key until this one ends: PostgreSQL takes a
   * transaction-level advisory lock; SQLite needs nothing (its write transactions already run one
   * at a time).
   */
  lock(key: string): Promise<void>;
}

export interface SqlDriver extends SqlExecutor {
  /**
   * Runs `fn` in one write transaction: committed when it resolves, rolled back when it throws.
   * `fn` must use the executor it is given, never the driver (on SQLite the driver waits for the
   * transaction to end, so using it inside would wait forever).
   */
  tx<T>(fn: (q: TxExecutor) => Promise<T>): Promise<T>;
  /** The applied schema version. */
  schemaVersion(): Promise<number>;
  /** SQLite: throws StoreLostError when the file was deleted or replaced under the open connection. */
  checkFile?(): void;
  close(): Promise<void>;
}

/** The database this process works on is gone (its file deleted or replaced): going on would lose writes. */
export class StoreLostError extends Error {
  readonly code = 'STORE_LOST';
  constructor(message: string) {
    super(message);
    this.name = 'StoreLostError';
  }
}

/** Rows → first row or undefined. */
export async function one<Row>(q: SqlExecutor, sql: string, params: readonly SqlValue[] = []): Promise<Row | undefined> {
  return (await q.exec<Row>(sql, params)).rows[0];
}

export async function all<Row>(q: SqlExecutor, sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
  return (await q.exec<Row>(sql, params)).rows;
}

export async function run(q: SqlExecutor, sql: string, params: readonly SqlValue[] = []): Promise<number> {
  return (await q.exec(sql, params)).changes;
}

/** `?, ?, ?` for n values. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** The larger of two SQL expressions (SQLite's scalar MAX, PostgreSQL's GREATEST). */
export const greatest = (d: Dialect, a: string, b: string): string => (d === 'postgres' ? `GREATEST(${a}, ${b})` : `MAX(${a}, ${b})`);

/** The smaller of two SQL expressions (SQLite's scalar MIN, PostgreSQL's LEAST). */
export const least = (d: Dialect, a: string, b: string): string => (d === 'postgres' ? `LEAST(${a}, ${b})` : `MIN(${a}, ${b})`);

/**
 * Whether an error says "the database is busy, try again" rather than "this is wrong": SQLite's
 * lock errors (another process held the lock past our short busy timeout), PostgreSQL's lock
 * timeout, serialization failure, deadlock and statement timeout, a pool with no free connection
 * in time, and the store's own StorageBusyError (busy.ts). Hot paths retry these later instead of
 * failing; a command whose change was not saved tells the asker to try again.
 */
export function isBusy(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  const code = e?.code;
  if (code === 'STORAGE_BUSY') return true;
  if (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) return true;
  if (code === '55P03' || code === '40001' || code === '40P01' || code === '57014') return true;
  return typeof e?.message === 'string' && e.message.includes('timeout exceeded when trying to connect');
}
