// Opens the embedded SQLite database, creating its directory and file on first start, and brings
// its schema up to date with the versioned migrations.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_BUSY_TIMEOUT_MS, DEFAULT_DATABASE_PATH } from './config.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type Db = Database.Database;

export { DEFAULT_DATABASE_PATH };

export interface OpenOptions {
  migrations?: readonly Migration[];
  /**
   * How long a statement waits for another process's lock before failing with SQLITE_BUSY (ms).
   * better-sqlite3 waits on the calling thread, so this bounds how long one write may stall the
   * event loop: keep it well under a second (default 50).
   */
  busyTimeoutMs?: number;
  /** The wait while migrating at start, when nothing is being answered yet (default 5 s). */
  migrationBusyTimeoutMs?: number;
}

export function openDatabase(path: string = DEFAULT_DATABASE_PATH, opts: OpenOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    // Two processes starting together wait for each other's migrations.
    setBusyTimeout(db, opts.migrationBusyTimeoutMs ?? 5000);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // safe with WAL: a crash loses nothing committed before the last checkpoint sync
    db.pragma('foreign_keys = ON');
    migrate(db, opts.migrations ?? MIGRATIONS);
    // From now on the bot answers: a lock held elsewhere may cost a write, never a stalled ack.
    setBusyTimeout(db, opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export function setBusyTimeout(db: Db, ms: number): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(ms))}`);
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/** Applies the migrations not yet applied, each in its own write transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const applied: number[] = [];
  for (const m of sorted) {
    // IMMEDIATE takes the write lock first, so a second process starting at the same moment
    // waits, then sees the version already applied and skips it.
    db.transaction(() => {
      const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
      if (done) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      applied.push(m.version);
    }).immediate();
  }
  return applied;
}
