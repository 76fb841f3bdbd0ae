// Which messages have been answered, so each is answered once: Slack delivering the same message
// under two event ids, a DM mention firing both message.im and app_mention, a re-delivery after a
// restart, or a second process receiving it too. Keys name the message (platform, workspace,
// channel, message ts or id) and expire after `ttlMs`.
import type { Db } from './db.ts';
import type { HotWrites } from './busy.ts';

export interface DeliveryLedger {
  /** True the first time a message key is offered (this caller answers it), false afterwards. */
  first(key: string): boolean | Promise<boolean>;
}

/** Remembers recent keys in memory, bounded in count and age (one process only; tests, no database). */
export class MemoryDeliveryLedger implements DeliveryLedger {
  private readonly seen = new Map<string, number>(); // key → expiry; insertion order = age order

  constructor(
    private readonly ttlMs = 24 * 60 * 60_000,
    private readonly max = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  first(key: string): boolean {
    const t = this.now();
    for (const [k, until] of this.seen) {
      if (until > t && this.seen.size <= this.max) break;
      this.seen.delete(k);
    }
    const until = this.seen.get(key);
    if (until !== undefined && until > t) return false;
    this.seen.delete(key);
    this.seen.set(key, t + this.ttlMs);
    return true;
  }
}

/**
 * In the database, shared by every process on it. A key is claimed by inserting its row (or
 * replacing an expired one): only one caller's insert changes a row. When the database is busy
 * the caller answers anyway (a lock must not make the bot deaf) and the row is written later;
 * the memory ledger in front still stops a repeat in this process.
 */
export class SqliteDeliveryLedger implements DeliveryLedger {
  private readonly memory: MemoryDeliveryLedger;
  private readonly claim;
  private readonly sweep;
  private lastSweep = 0;

  constructor(
    db: Db,
    private readonly writes: HotWrites,
    private readonly ttlMs = 24 * 60 * 60_000,
    private readonly now: () => number = Date.now,
  ) {
    this.memory = new MemoryDeliveryLedger(ttlMs, 50_000, now);
    this.claim = db.prepare(
      `INSERT INTO delivered_messages (key, expires_at) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE delivered_messages.expires_at <= ?`,
    );
    this.sweep = db.prepare('DELETE FROM delivered_messages WHERE expires_at <= ?');
  }

  first(key: string): boolean {
    if (!this.memory.first(key)) return false;
    const t = this.now();
    let claimed = true;
    const done = this.writes.run('answered-message claim', () => {
      claimed = this.claim.run(key, t + this.ttlMs, t).changes > 0;
    });
    if (done && t - this.lastSweep > 10 * 60_000) {
      this.lastSweep = t;
      this.writes.run('expired answered-message sweep', () => this.sweep.run(t));
    }
    return claimed;
  }
}
