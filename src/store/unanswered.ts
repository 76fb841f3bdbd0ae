// Questions that got no facts, kept for curators (`dealbot gaps`). Their text is scrubbed of
// secrets before it is stored, like every log line (a token pasted into a question stays out).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { scrubSecrets } from '../config/secrets.ts';
import type { UnansweredQuestion } from '../records/feedback.ts';
import { all, run, type SqlDriver, type SqlExecutor } from './sql.ts';

export type { UnansweredQuestion } from '../records/feedback.ts';

export interface UnansweredLog {
  record(q: UnansweredQuestion): Promise<void>;
  /** Every recorded question, oldest first (at most `limit`, newest kept). */
  list(limit?: number): Promise<UnansweredQuestion[]>;
}

/** Longest question kept (characters). */
export const MAX_GAP_QUERY = 200;

export class SqlUnansweredLog implements UnansweredLog {
  constructor(private readonly db: SqlExecutor) {}

  async record(q: UnansweredQuestion): Promise<void> {
    await run(this.db, 'INSERT INTO unanswered_questions (at, query, lang, platform, workspace, deal) VALUES (?, ?, ?, ?, ?, ?)', [
      q.at,
      scrubSecrets(q.query.slice(0, MAX_GAP_QUERY)),
      q.lang,
      q.platform,
      q.workspace ?? null,
      q.deal ?? null,
    ]);
  }

  async list(limit = 100_000): Promise<UnansweredQuestion[]> {
    const rows = await all<UnansweredQuestion & { workspace: string | null; deal: string | null }>(
      this.db,
      'SELECT at, query, lang, platform, workspace, deal FROM (SELECT id, at, query, lang, platform, workspace, deal FROM unanswered_questions ORDER BY id DESC LIMIT ?) t ORDER BY id',
      [limit],
    );
    return rows.map(({ workspace, deal, ...q }) => ({ ...q, ...(workspace ? { workspace } : {}), ...(deal ? { deal } : {}) }));
  }
}

/**
 * Moves the JSON-lines gap log of earlier versions (GAPS_LOG) into the store, once: the file is
 * renamed `<file>.imported` after its lines are in. Earlier versions wrote questions verbatim, so
 * the file is scrubbed of secrets first (rewritten whole, then renamed: a token pasted into a
 * question is not left on disk). Returns how many lines were imported.
 */
export async function importGapFile(path: string, db: SqlDriver): Promise<number> {
  if (!existsSync(path)) return 0;
  const text = readFileSync(path, 'utf8');
  const scrubbed = scrubSecrets(text);
  if (scrubbed !== text) {
    writeFileSync(`${path}.scrubbing`, scrubbed, { mode: 0o600 });
    renameSync(`${path}.scrubbing`, path);
  }
  const lines: UnansweredQuestion[] = [];
  for (const raw of scrubbed.split('\n')) {
    if (!raw.trim()) continue;
    try {
      const l = JSON.parse(raw) as Partial<UnansweredQuestion>;
      if (typeof l.at === 'string' && typeof l.query === 'string') lines.push({ at: l.at, query: l.query, lang: String(l.lang ?? 'en'), platform: String(l.platform ?? 'console') });
    } catch {
      // a torn last line after a crash is not worth failing the import for
    }
  }
  await db.tx(async (q) => {
    const log = new SqlUnansweredLog(q);
    for (const l of lines) await log.record(l);
  });
  renameSync(path, `${path}.imported`);
  return lines.length;
}
