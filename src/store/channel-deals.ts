// Each channel's deal, as an admin set it with `/deal use <deal>`: one row per channel, read on
// every question when the base holds several deals (the same statements on SQLite and PostgreSQL).
// The deal id is kept as given; a deal later removed from the base is reported, not deleted.
import { one, run, type SqlExecutor } from './sql.ts';

/** A conversation place as the store keys it (the core's ChannelRef). */
export interface ChannelKey {
  platform: string;
  id: string;
  workspace?: string;
}

export interface ChannelDeal {
  deal: string;
  setBy: string;
  setAt: string; // ISO
}

export interface ChannelDeals {
  get(channel: ChannelKey): Promise<ChannelDeal | undefined>;
  set(channel: ChannelKey, deal: string, by: string): Promise<ChannelDeal>;
  /** False when the channel had no deal of its own. */
  clear(channel: ChannelKey): Promise<boolean>;
}

export class SqlChannelDeals implements ChannelDeals {
  constructor(
    private readonly db: SqlExecutor,
    private readonly now: () => number = Date.now,
  ) {}

  async get(channel: ChannelKey): Promise<ChannelDeal | undefined> {
    const r = await one<{ deal: string; set_by: string; set_at: number }>(this.db, 'SELECT deal, set_by, set_at FROM channel_deals WHERE platform = ? AND channel_id = ?', [channel.platform, channel.id]);
    return r ? { deal: r.deal, setBy: r.set_by, setAt: new Date(Number(r.set_at)).toISOString() } : undefined;
  }

  async set(channel: ChannelKey, deal: string, by: string): Promise<ChannelDeal> {
    const at = this.now();
    await run(
      this.db,
      `INSERT INTO channel_deals (platform, channel_id, workspace, deal, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (platform, channel_id) DO UPDATE SET workspace = excluded.workspace, deal = excluded.deal, set_by = excluded.set_by, set_at = excluded.set_at`,
      [channel.platform, channel.id, channel.workspace ?? null, deal, by, at],
    );
    return { deal, setBy: by, setAt: new Date(at).toISOString() };
  }

  async clear(channel: ChannelKey): Promise<boolean> {
    return (await run(this.db, 'DELETE FROM channel_deals WHERE platform = ? AND channel_id = ?', [channel.platform, channel.id])) > 0;
  }
}

/** Without a database (`dealbot ask` in tests): one process, forgotten on exit. */
export class MemoryChannelDeals implements ChannelDeals {
  private readonly rows = new Map<string, ChannelDeal>();
  constructor(private readonly now: () => number = Date.now) {}
  private key = (c: ChannelKey) => `${c.platform}\u0000${c.id}`;
  async get(channel: ChannelKey) {
    return this.rows.get(this.key(channel));
  }
  async set(channel: ChannelKey, deal: string, by: string) {
    const row = { deal, setBy: by, setAt: new Date(this.now()).toISOString() };
    this.rows.set(this.key(channel), row);
    return row;
  }
  async clear(channel: ChannelKey) {
    return this.rows.delete(this.key(channel));
  }
}
