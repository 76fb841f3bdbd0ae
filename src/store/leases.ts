// Named leases in the store: one holder at a time, renewed while it lives, taken over once it has
// expired. The Discord gateway runs in the replica holding "discord-gateway".
import { one, run, type SqlExecutor } from './sql.ts';

export interface Leases {
  /** Takes or renews `name` for `holder` until now + ttlMs; false while another holder's lease runs. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up (only its holder can). */
  release(name: string, holder: string): Promise<void>;
  /** The current holder, if its lease has not expired. */
  holder(name: string): Promise<string | undefined>;
}

export class SqlLeases implements Leases {
  constructor(
    private readonly db: SqlExecutor,
    private readonly now: () => number = Date.now,
  ) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const t = this.now();
    const changed = await run(
      this.db,
      `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= ?`,
      [name, holder, t + ttlMs, t],
    );
    return changed > 0;
  }

  async release(name: string, holder: string): Promise<void> {
    await run(this.db, 'DELETE FROM leases WHERE name = ? AND holder = ?', [name, holder]);
  }

  async holder(name: string): Promise<string | undefined> {
    const r = await one<{ holder: string }>(this.db, 'SELECT holder FROM leases WHERE name = ? AND expires_at > ?', [name, this.now()]);
    return r?.holder;
  }
}
