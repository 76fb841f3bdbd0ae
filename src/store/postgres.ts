// The PostgreSQL driver: node-postgres (`pg`) with a connection pool. Statements written with `?`
// are numbered $1, $2… once and cached. BIGINT columns (ms timestamps) come back as numbers: every
// value we keep there is far below 2^53. Migrations run under a session advisory lock, so replicas
// starting together apply each one once; each migration is its own transaction.
import pg from 'pg';
import { MIGRATIONS, type Migration } from './migrations.ts';
import type { SqlDriver, SqlResult, SqlValue, TxExecutor } from './sql.ts';

const INT8_OID = 20;
/** pg_advisory_lock key of the migrations ("dealbot" in ASCII, truncated to a bigint). */
const MIGRATION_LOCK = 0x6465616c626f74;

export interface PostgresOptions {
  /** Connections kept by this process (default 10). */
  poolSize?: number;
  /** How long a statement may wait for a free connection before failing as busy (ms, default 5000). */
  connectTimeoutMs?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
  migrations?: readonly Migration[];
}

/** `?` placeholders → `$1, $2…`, skipping quoted strings and identifiers. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let out = '';
  let quote: string | undefined;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  private readonly texts = new Map<string, string>();

  private constructor(readonly pool: pg.Pool) {}

  /** Connects, then brings the schema up to date (waiting for another replica doing the same). */
  static async open(url: string, opts: PostgresOptions = {}): Promise<PostgresDriver> {
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
      application_name: opts.applicationName ?? 'dealbot',
      types,
    });
    // An idle connection the server dropped must not crash the process: the pool replaces it.
    pool.on('error', () => undefined);
    const driver = new PostgresDriver(pool);
    try {
      await driver.migrate(opts.migrations ?? MIGRATIONS);
    } catch (err) {
      await pool.end();
      throw err;
    }
    return driver;
  }

  private text(sql: string): string {
    let t = this.texts.get(sql);
    if (t === undefined) {
      t = numberPlaceholders(sql);
      this.texts.set(sql, t);
    }
    return t;
  }

  private async query<Row>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlValue[]): Promise<SqlResult<Row>> {
    const res = await client.query({ text: this.text(sql), values: params as SqlValue[] });
    return { rows: res.rows as Row[], changes: res.command === 'SELECT' ? 0 : (res.rowCount ?? 0) };
  }

  exec<Row = Record<string, unknown>>(sql: string, params: readonly SqlValue[] = []): Promise<SqlResult<Row>> {
    return this.query<Row>(this.pool, sql, params);
  }

  async tx<T>(fn: (q: TxExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const q: TxExecutor = {
      dialect: 'postgres',
      exec: <Row>(sql: string, params: readonly SqlValue[] = []) => this.query<Row>(client, sql, params),
      lock: async (key) => void (await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key])),
    };
    let broken: unknown;
    try {
      await client.query('BEGIN');
      const out = await fn(q);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (again) {
        broken = again; // the connection is unusable: the pool drops it
      }
      throw err;
    } finally {
      client.release(broken as Error | undefined);
    }
  }

  /** Applies the migrations not yet applied; returns their versions. */
  async migrate(migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
    const client = await this.pool.connect();
    const applied: number[] = [];
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      try {
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
        for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
          const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
          if (done.rowCount) continue;
          if (m.postgres === undefined) throw new Error(`migration ${m.version} (${m.name}) has no PostgreSQL statements`);
          await client.query('BEGIN');
          try {
            await client.query(m.postgres);
            await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
            await client.query('COMMIT');
          } catch (err) {
            await client.query('ROLLBACK');
            throw new Error(`PostgreSQL migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { cause: err });
          }
          applied.push(m.version);
        }
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      }
    } finally {
      client.release();
    }
    return applied;
  }

  async schemaVersion(): Promise<number> {
    const res = await this.pool.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
    return res.rows[0]?.v ?? 0;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
