// Answers offered with a Share button, kept so that pressing it posts exactly what the asker saw
// (a fact reload in between changes nothing), after a restart and from another process or
// replica alike. The store keeps JSON; the core validates what it reads back. The answer carries
// the question as asked, so it is scrubbed of secrets first, like the logs (a token pasted into a
// question never reaches the disk).
import { nanoid } from 'nanoid';
import { scrubSecrets } from '../config/secrets.ts';
import type { HotWrites } from './busy.ts';
import { one, run, type SqlExecutor } from './sql.ts';

export interface SharedAnswers {
  /** Keeps an answer; returns the id a button carries (≤ 32 characters). */
  put(value: unknown): string | Promise<string>;
  /** The answer kept under this id, unless unknown or expired. */
  get(id: string): unknown;
}

export const SHARED_ANSWER_TTL_MS = 7 * 24 * 60 * 60_000;

// 16 URL-safe characters, 96 random bits (nanoid draws from a pooled buffer, not one system call per id).
const newId = () => nanoid(16);

/** In memory only, bounded (tests, and the console). */
export class MemorySharedAnswers implements SharedAnswers {
  private readonly kept = new Map<string, { json: string; until: number }>();

  constructor(
    private readonly ttlMs = SHARED_ANSWER_TTL_MS,
    private readonly max = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  put(value: unknown): string {
    const id = newId();
    this.keep(id, JSON.stringify(value));
    return id;
  }

  keep(id: string, json: string): void {
    this.kept.set(id, { json, until: this.now() + this.ttlMs });
    for (const k of this.kept.keys()) {
      if (this.kept.size <= this.max) break;
      this.kept.delete(k);
    }
  }

  get(id: string): unknown {
    const hit = this.kept.get(id);
    return hit && hit.until > this.now() ? JSON.parse(hit.json) : undefined;
  }
}

/** In the store (a week), with the recent ones also in memory: a busy database delays only the row. */
export class SqlSharedAnswers implements SharedAnswers {
  private readonly recent: MemorySharedAnswers;

  constructor(
    private readonly db: SqlExecutor,
    private readonly writes: HotWrites,
    private readonly ttlMs = SHARED_ANSWER_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {
    this.recent = new MemorySharedAnswers(ttlMs, 1_000, now);
  }

  async put(value: unknown): Promise<string> {
    const id = newId();
    const json = scrubSecrets(JSON.stringify(value));
    const t = this.now();
    this.recent.keep(id, json);
    await this.writes.run('shared answer', async () => {
      await run(this.db, 'INSERT INTO shared_answers (id, body, expires_at) VALUES (?, ?, ?)', [id, json, t + this.ttlMs]);
      await run(this.db, 'DELETE FROM shared_answers WHERE expires_at <= ?', [t]);
    });
    return id;
  }

  async get(id: string): Promise<unknown> {
    const hit = this.recent.get(id);
    if (hit !== undefined) return hit;
    const row = await one<{ body: string }>(this.db, 'SELECT body FROM shared_answers WHERE id = ? AND expires_at > ?', [id, this.now()]);
    return row ? JSON.parse(row.body) : undefined;
  }
}
