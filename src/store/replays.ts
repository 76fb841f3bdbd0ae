// Signed requests already seen, so a captured request replayed within its signature's window is
// refused (401) by every replica alike. A key names the platform and the signature
// ("slack:v0=…", "discord:…"); a signature covers the timestamp and the body, so it is unique per
// request Slack or Discord sends. Rows expire once the signature's timestamp is too old to be
// accepted anyway, and are swept now and then.
import type { HotWrites } from './busy.ts';
import { run, type SqlExecutor } from './sql.ts';
import type { TurnBatch } from './turn-batch.ts';

export interface ReplayLedger {
  /**
   * True the first time `key` is seen (it is then remembered for `ttlMs`); false for a replay.
   * A database that does not answer leaves this process's memory to decide (never a stalled ack).
   */
  firstSeen(key: string, ttlMs: number): Promise<boolean>;
}

/** The store's rows (seen_requests), the same statements on SQLite and PostgreSQL. */
export class SqlReplayLedger implements ReplayLedger {
  constructor(
    protected readonly db: SqlExecutor,
    protected readonly now: () => number = Date.now,
  ) {}

  firstSeen(key: string, ttlMs: number): Promise<boolean> {
    return rowFirstSeen(this.db, key, ttlMs, this.now());
  }

  sweep(): Promise<number> {
    return run(this.db, 'DELETE FROM seen_requests WHERE expires_at <= ?', [this.now()]);
  }
}

/** New, or an expired row of the same key (taken again): one statement decides, so two replicas receiving the same replay at once cannot both accept it. */
async function rowFirstSeen(q: SqlExecutor, key: string, ttlMs: number, t: number): Promise<boolean> {
  const changed = await run(
    q,
    `INSERT INTO seen_requests (key, expires_at) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE seen_requests.expires_at <= ?`,
    [key, t + ttlMs, t],
  );
  return changed > 0;
}

/**
 * The rows of the requests received in one event-loop turn, decided in one transaction (SQLite, see
 * TurnBatch). Each key still gets its own row's answer; one key twice in a batch is a replay the second time.
 */
export class BatchedReplayRows extends SqlReplayLedger {
  constructor(
    private readonly batch: TurnBatch,
    db: SqlExecutor,
    now: () => number = Date.now,
  ) {
    super(db, now);
  }

  override firstSeen(key: string, ttlMs: number): Promise<boolean> {
    return this.batch.run((q) => rowFirstSeen(q, key, ttlMs, this.now()));
  }
}

/** In memory (one process, or in front of the store), bounded in count: the oldest go first. */
export class MemoryReplayLedger implements ReplayLedger {
  private readonly keys = new Map<string, number>(); // key → expiry, oldest first

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = 100_000,
  ) {}

  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    const t = this.now();
    const until = this.keys.get(key);
    if (until !== undefined && until > t) return false;
    this.keys.delete(key);
    this.keys.set(key, t + ttlMs);
    for (const [k, expiry] of this.keys) {
      if (this.keys.size <= this.max && expiry > t) break;
      if (k !== key) this.keys.delete(k);
    }
    return true;
  }
}

/**
 * What the HTTP endpoints use: this process's memory in front (a replay to this replica is refused
 * without a query), then the store's rows shared by every replica. When the database is busy the
 * memory alone decides and the row is written later, so an ack never waits for a lock; expired
 * rows are swept every ten minutes.
 */
export class SharedReplayLedger implements ReplayLedger {
  private readonly memory: MemoryReplayLedger;
  private lastSweep = 0;

  constructor(
    private readonly rows: SqlReplayLedger,
    private readonly writes: HotWrites,
    private readonly now: () => number = Date.now,
  ) {
    this.memory = new MemoryReplayLedger(now);
  }

  async firstSeen(key: string, ttlMs: number): Promise<boolean> {
    if (!(await this.memory.firstSeen(key, ttlMs))) return false;
    let first = true;
    const written = await this.writes.run('seen request', async () => {
      first = await this.rows.firstSeen(key, ttlMs);
    });
    const t = this.now();
    if (written && t - this.lastSweep > 10 * 60_000) {
      this.lastSweep = t;
      void this.writes.run('expired seen-request sweep', () => this.rows.sweep()).catch(() => undefined);
    }
    return first;
  }
}
