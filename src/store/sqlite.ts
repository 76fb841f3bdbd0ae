// The SQLite driver: better-sqlite3 (synchronous) behind the async SqlDriver. Statements are
// prepared once and cached. A transaction is BEGIN IMMEDIATE … COMMIT around an async callback;
// while it is open, every statement on this file from this process waits for it (a gate shared
// by the file's connections): nothing slips into the transaction, and a second connection in the
// same thread never blocks on a lock that only this thread could release. Another process's lock
// is waited for through SQLite's busy timeout, kept short (DATABASE_BUSY_TIMEOUT_MS, 50 ms) since
// better-sqlite3 waits on the event loop: past it the statement fails as busy (sql.ts isBusy).
import type { Statement } from 'better-sqlite3';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkpointInBackground } from './checkpointer.ts';
import { openDatabase, schemaVersion, type Db, type OpenOptions } from './db.ts';
import { StoreLostError, type SqlDriver, type SqlResult, type SqlValue, type TxExecutor } from './sql.ts';

export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement<unknown[]>>();
  private readonly gate: TxGate;
  /** The file this connection opened (device and inode): one deleted or replaced under us is noticed. */
  private readonly opened: { path: string; dev: number; ino: number } | undefined;
  /** Takes the file's checkpoints back from the worker thread (see checkpointer.ts). */
  private readonly releaseCheckpoints: () => void;

  constructor(
    readonly db: Db,
    opts: DriverOptions = {},
  ) {
    const file = db.memory ? undefined : resolve(db.name);
    this.gate = file ? (GATES.get(file) ?? GATES.set(file, new TxGate()).get(file)!) : new TxGate();
    if (file) {
      const st = statSync(file);
      this.opened = { path: file, dev: st.dev, ino: st.ino };
    }
    this.releaseCheckpoints = opts.backgroundCheckpoints ? checkpointInBackground(db, opts.onCheckpointError) : () => undefined;
  }

  static open(path: string, opts: OpenOptions & DriverOptions = {}): SqliteDriver {
    return new SqliteDriver(openDatabase(path, opts), opts);
  }

  private run<Row>(sql: string, params: readonly SqlValue[]): SqlResult<Row> {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, stmt);
    }
    if (stmt.reader) {
      const rows = stmt.all(...params) as Row[];
      // A write with RETURNING reads rows too: count what it changed.
      return { rows, changes: /^\s*(INSERT|UPDATE|DELETE)/i.test(sql) ? rows.length : 0 };
    }
    return { rows: [], changes: stmt.run(...params).changes };
  }

  async exec<Row = Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<SqlResult<Row>> {
    // No await between the check and the statement: a transaction cannot open in between.
    while (this.gate.current) await this.gate.current;
    return this.run<Row>(sql, params);
  }

  async tx<T>(fn: (q: TxExecutor) => Promise<T>): Promise<T> {
    while (this.gate.current) await this.gate.current;
    const open = this.gate.enter();
    const q: TxExecutor = {
      dialect: 'sqlite',
      exec: async <Row>(sql: string, params: readonly SqlValue[] = []) => this.run<Row>(sql, params),
      lock: async () => undefined, // IMMEDIATE: one writer at a time already
    };
    try {
      // IMMEDIATE takes the write lock first: another process waits (busy timeout) instead of
      // both reading, then one failing to upgrade.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(q);
        this.db.exec('COMMIT');
        return out;
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw err;
      }
    } finally {
      open();
    }
  }

  async schemaVersion(): Promise<number> {
    return schemaVersion(this.db);
  }

  /**
   * Throws StoreLostError when the file this connection writes is no longer the one at its path
   * (deleted with its directory, or replaced): SQLite would go on writing into the unlinked file,
   * and the next start would create an empty database there.
   */
  checkFile(): void {
    if (!this.opened) return;
    let st;
    try {
      st = statSync(this.opened.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new StoreLostError(`the database file ${this.opened.path} was deleted while dealbot ran`);
      throw err;
    }
    if (st.ino !== this.opened.ino || st.dev !== this.opened.dev) throw new StoreLostError(`the database file ${this.opened.path} was replaced by another file while dealbot ran`);
  }

  async close(): Promise<void> {
    while (this.gate.current) await this.gate.current;
    this.releaseCheckpoints();
    if (this.db.open) this.db.close();
  }
}

export interface DriverOptions {
  /**
   * WAL checkpoints in a worker thread instead of inside a commit on the event loop (the bot's
   * store: see checkpointer.ts). Off for one-shot commands and tools.
   */
  backgroundCheckpoints?: boolean;
  /** Told when the checkpoint thread cannot do its work (checkpoints then go back into the commits). */
  onCheckpointError?: (message: string) => void;
}

/** One open transaction at a time per database file in this process; everything else waits for it. */
class TxGate {
  /** Settles when the open transaction ends; undefined when none is open. */
  current: Promise<void> | undefined;

  /** Marks a transaction open (the caller checked `current` first, without awaiting since); call the result to end it. */
  enter(): () => void {
    let end!: () => void;
    const p = new Promise<void>((r) => (end = r));
    this.current = p;
    return () => {
      if (this.current === p) this.current = undefined;
      end();
    };
  }
}

const GATES = new Map<string, TxGate>();
