// Token buckets of the rate limits, in the store, for several processes answering together: a
// user's questions count the same whichever replica gets them. One transaction per question
// refills both buckets (user and channel), takes a token from each only when both have one, and
// remembers until when the user has been told they are limited (one notice per window).
import { all, run, type SqlDriver, type TxExecutor } from './sql.ts';

export interface BucketAsk {
  /** "u|platform|workspace|user" */
  userKey: string;
  /** Questions a minute (also the burst); 0 = unlimited. */
  userPerMin: number;
  /** "c|platform|workspace|channel" */
  channelKey: string;
  channelPerMin: number;
}

export type BucketAnswer = { ok: true } | { ok: false; scope: 'user' | 'channel'; perMin: number; waitMs: number; alreadyTold: boolean };

export interface RateBuckets {
  take(ask: BucketAsk): Promise<BucketAnswer>;
  /** Drops buckets idle for longer than `idleMs` (they equal full ones). */
  sweep(idleMs: number): Promise<number>;
}

interface Row {
  key: string;
  tokens: number;
  at: number;
  noticed_until: number;
}

export class SqlRateBuckets implements RateBuckets {
  constructor(
    private readonly db: SqlDriver,
    private readonly now: () => number = Date.now,
  ) {}

  take(ask: BucketAsk): Promise<BucketAnswer> {
    const t = this.now();
    const wanted = [
      ...(ask.userPerMin > 0 ? [[ask.userKey, ask.userPerMin] as const] : []),
      ...(ask.channelPerMin > 0 ? [[ask.channelKey, ask.channelPerMin] as const] : []),
    ];
    if (wanted.length === 0) return Promise.resolve({ ok: true });
    return this.db.tx(async (q) => {
      const rows = await this.lockRows(q, wanted, t);
      const level = new Map(wanted.map(([key, perMin]) => {
        const r = rows.get(key)!;
        return [key, Math.min(perMin, r.tokens + ((t - r.at) * perMin) / 60_000)];
      }));
      const empty = wanted.find(([key]) => level.get(key)! < 1);
      const userRow = rows.get(ask.userKey);
      if (!empty) {
        for (const [key] of wanted) await run(q, 'UPDATE rate_buckets SET tokens = ?, at = ?, noticed_until = 0 WHERE key = ?', [level.get(key)! - 1, t, key]);
        return { ok: true };
      }
      const [key, perMin] = empty;
      const waitMs = Math.max(0, ((1 - level.get(key)!) * 60_000) / perMin);
      const alreadyTold = (userRow?.noticed_until ?? 0) > t;
      for (const [k] of wanted) await run(q, 'UPDATE rate_buckets SET tokens = ?, at = ? WHERE key = ?', [level.get(k)!, t, k]);
      if (!alreadyTold && ask.userPerMin > 0) await run(q, 'UPDATE rate_buckets SET noticed_until = ? WHERE key = ?', [t + waitMs, ask.userKey]);
      return { ok: false, scope: key === ask.userKey ? 'user' : 'channel', perMin, waitMs, alreadyTold };
    });
  }

  /** Makes sure both rows exist, then reads them locked (PostgreSQL: FOR UPDATE) for this transaction. */
  private async lockRows(q: TxExecutor, wanted: readonly (readonly [string, number])[], t: number): Promise<Map<string, Row>> {
    for (const [key, perMin] of wanted) {
      await run(q, 'INSERT INTO rate_buckets (key, tokens, at, noticed_until) VALUES (?, ?, ?, 0) ON CONFLICT (key) DO NOTHING', [key, perMin, t]);
    }
    const keys = wanted.map(([k]) => k);
    const rows = await all<Row>(
      q,
      `SELECT key, tokens, at, noticed_until FROM rate_buckets WHERE key IN (${keys.map(() => '?').join(', ')}) ORDER BY key${q.dialect === 'postgres' ? ' FOR UPDATE' : ''}`,
      keys,
    );
    return new Map(rows.map((r) => [r.key, r]));
  }

  sweep(idleMs: number): Promise<number> {
    const t = this.now();
    return run(this.db, 'DELETE FROM rate_buckets WHERE at < ? AND noticed_until < ?', [t - idleMs, t]);
  }
}
