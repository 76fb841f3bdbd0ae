// Messages and commands already answered, shared by every replica on the store, so each is
// answered once: Slack retrying an event to another replica, a mention arriving as both
// app_mention and message.im, a slash command a load balancer sent twice. A key is first *held*
// by the replica answering it (for `holdMs`), then kept as answered for `keepMs`; a hold whose
// replica died expires, so a retry after that is answered by another one (never missed).
import { run, type SqlExecutor } from './sql.ts';

export interface DeliveryClaim {
  /** Who holds the key while answering (a replica id). */
  holder: string;
  /** How long the hold lasts before another replica may answer instead (ms). */
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

/** One process, no database (tests, `dealbot ask`): the same contract in memory, bounded. */
export class MemoryDeliveryLedger implements DeliveryLedger {
  private readonly keys = new Map<string, number>(); // key → expiry

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
    if (this.keys.size > this.max) await this.sweep();
    for (const k of this.keys.keys()) {
      if (this.keys.size <= this.max) break;
      this.keys.delete(k);
    }
    return true;
  }

  async done(key: string, keepMs = DELIVERY_KEEP_MS): Promise<void> {
    this.keys.set(key, this.now() + keepMs);
  }

  async sweep(): Promise<number> {
    const t = this.now();
    let n = 0;
    for (const [k, until] of this.keys) if (until <= t && this.keys.delete(k)) n++;
    return n;
  }
}
