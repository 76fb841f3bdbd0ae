// Messages and commands already answered, shared by every process on the store, so each is
// answered once: Slack delivering a message under two event ids or retrying it to another
// replica, a DM mention firing both message.im and app_mention, a re-delivery after a restart, a
// slash command a load balancer sent twice. A key names the message (platform, workspace,
// channel, ts or id) or a command's trigger. It is first *held* by the process answering it (for
// `holdMs`), then kept as answered for `keepMs`; a hold whose process died expires, so a retry
// after that is answered by another one (never missed).
import type { HotWrites } from './busy.ts';
import { run, type SqlExecutor } from './sql.ts';

export interface DeliveryClaim {
  /** Who holds the key while answering (a replica id). */
  holder: string;
  /** How long the hold lasts before another process may answer instead (ms). */
  holdMs: number;
}

export interface DeliveryLedger {
  /** True when this caller should answer `key` (new, or an expired hold); false for a repeat. */
  claim(key: string, claim: DeliveryClaim): Promise<boolean>;
  /** The answer went out: the key stays taken for `keepMs` (default a day). */
  done(key: string, keepMs?: number): Promise<void>;
  /** Drops expired keys; returns how many. */
  sweep(): Promise<number>;
}

export const DELIVERY_KEEP_MS = 24 * 60 * 60_000;

/** The ledger's rows (delivered_messages), the same statements on SQLite and PostgreSQL. */
export class SqlDeliveryLedger implements DeliveryLedger {
  constructor(
    private readonly db: SqlExecutor,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(key: string, c: DeliveryClaim): Promise<boolean> {
    const t = this.now();
    const changed = await run(
      this.db,
      `INSERT INTO delivered_messages (key, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE delivered_messages.expires_at <= ?`,
      [key, c.holder, t + c.holdMs, t],
    );
    return changed > 0;
  }

  async done(key: string, keepMs = DELIVERY_KEEP_MS): Promise<void> {
    await run(this.db, 'UPDATE delivered_messages SET holder = NULL, expires_at = ? WHERE key = ?', [this.now() + keepMs, key]);
  }

  sweep(): Promise<number> {
    return run(this.db, 'DELETE FROM delivered_messages WHERE expires_at <= ?', [this.now()]);
  }
}

/** One process, no database (tests, `dealbot ask`): the same contract in memory, bounded in count. */
export class MemoryDeliveryLedger implements DeliveryLedger {
  private readonly keys = new Map<string, number>(); // key → expiry; insertion order = age order

  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = 50_000,
  ) {}

  async claim(key: string, c: DeliveryClaim): Promise<boolean> {
    const t = this.now();
    const until = this.keys.get(key);
    if (until !== undefined && until > t) return false;
    this.keys.delete(key);
    this.keys.set(key, t + c.holdMs);
    for (const [k, expiry] of this.keys) {
      if (this.keys.size <= this.max && expiry > t) break;
      if (k !== key) this.keys.delete(k);
    }
    return true;
  }

  async done(key: string, keepMs = DELIVERY_KEEP_MS): Promise<void> {
    this.keys.delete(key);
    this.keys.set(key, this.now() + keepMs);
  }

  async sweep(): Promise<number> {
    const t = this.now();
    let n = 0;
    for (const [k, until] of this.keys) if (until <= t && this.keys.delete(k)) n++;
    return n;
  }
}

/**
 * The ledger the delivery policy uses: the store's rows, with this process's recent keys in
 * memory in front (a repeat here never needs the database), and writes that never stall an
 * answer: when the database is busy the caller answers anyway (a lock must not make the bot deaf)
 * and the row is written later through the retry queue. Expired rows are swept every ten minutes.
 */
export class HotPathDeliveryLedger implements DeliveryLedger {
  private readonly memory: MemoryDeliveryLedger;
  private lastSweep = 0;

  constructor(
    private readonly rows: DeliveryLedger,
    private readonly writes: HotWrites,
    private readonly now: () => number = Date.now,
  ) {
    this.memory = new MemoryDeliveryLedger(now);
  }

  async claim(key: string, c: DeliveryClaim): Promise<boolean> {
    if (!(await this.memory.claim(key, c))) return false;
    let claimed = true;
    const written = await this.writes.run('answered-message claim', async () => {
      claimed = await this.rows.claim(key, c);
    });
    const t = this.now();
    if (written && t - this.lastSweep > 10 * 60_000) {
      this.lastSweep = t;
      void this.writes.run('expired answered-message sweep', () => this.rows.sweep()).catch(() => undefined);
    }
    return claimed;
  }

  async done(key: string, keepMs = DELIVERY_KEEP_MS): Promise<void> {
    await this.memory.done(key, keepMs);
    await this.writes.run('answered-message record', () => this.rows.done(key, keepMs));
  }

  sweep(): Promise<number> {
    return this.rows.sweep();
  }
}
