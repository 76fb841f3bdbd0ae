// What a conversation thread was about, so a follow-up in it ("and in French?", "what about
// Oracle?") is read with the previous question (src/core/follow-up.ts). One row per thread key
// (platform, workspace, channel and thread or reply chain), replaced at each answer and expiring;
// the recent ones are also kept in memory, so a busy database delays only the row.
import { scrubSecrets } from '../config/secrets.ts';
import type { HotWrites } from './busy.ts';
import { one, run, type SqlExecutor } from './sql.ts';

export interface ThreadContexts {
  /** The context kept under `key`, unless unknown or expired. */
  get(key: string): Promise<unknown>;
  /** Keeps `value` under `key` for `ttlMs` (replacing what was there). */
  put(key: string, value: unknown, ttlMs: number): Promise<void>;
}

/** In memory only, bounded (tests, the console, and the cache in front of the store). */
export class MemoryThreadContexts implements ThreadContexts {
  private readonly kept = new Map<string, { json: string; until: number }>();

  constructor(
    private readonly max = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<unknown> {
    const hit = this.kept.get(key);
    return hit && hit.until > this.now() ? JSON.parse(hit.json) : undefined;
  }

  async put(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.keep(key, scrubSecrets(JSON.stringify(value)), this.now() + ttlMs);
  }

  keep(key: string, json: string, until: number): void {
    this.kept.delete(key); // re-inserted: Map order stays oldest first
    this.kept.set(key, { json, until });
    for (const k of this.kept.keys()) {
      if (this.kept.size <= this.max) break;
      this.kept.delete(k);
    }
  }

  /** Whether this process holds a fresh copy (no database read needed). */
  has(key: string): boolean {
    const hit = this.kept.get(key);
    return hit !== undefined && hit.until > this.now();
  }
}

/** In the store, shared by every replica; this process's recent writes answered from memory. */
export class SqlThreadContexts implements ThreadContexts {
  private readonly recent: MemoryThreadContexts;
  private written = 0;

  constructor(
    private readonly db: SqlExecutor,
    private readonly writes: HotWrites,
    private readonly now: () => number = Date.now,
  ) {
    this.recent = new MemoryThreadContexts(1_000, now);
  }

  async get(key: string): Promise<unknown> {
    if (this.recent.has(key)) return this.recent.get(key);
    const row = await one<{ body: string }>(this.db, 'SELECT body FROM thread_contexts WHERE key = ? AND expires_at > ?', [key, this.now()]);
    return row ? JSON.parse(row.body) : undefined;
  }

  async put(key: string, value: unknown, ttlMs: number): Promise<void> {
    const json = scrubSecrets(JSON.stringify(value));
    const until = this.now() + ttlMs;
    this.recent.keep(key, json, until);
    await this.writes.run('thread context', async () => {
      await run(
        this.db,
        `INSERT INTO thread_contexts (key, body, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET body = excluded.body, expires_at = excluded.expires_at`,
        [key, json, until],
      );
      if (++this.written % 100 === 1) await run(this.db, 'DELETE FROM thread_contexts WHERE expires_at <= ?', [this.now()]);
    });
  }
}
