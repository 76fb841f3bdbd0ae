// Moves an existing SQLite store into PostgreSQL (`dealbot db migrate-from-sqlite FILE`): the
// subscriptions, the post ledger with its fact snapshots, alert rules, cached holidays and quotes,
// answered messages, answers kept for Share, unanswered questions, answers with their votes,
// language settings, installations (their tokens stay encrypted with the same key) and each
// channel's deal. The SQLite file is first brought to the current schema (its own migrations),
// then every table is copied in one PostgreSQL transaction. Rows already in PostgreSQL are kept
// (ON CONFLICT DO NOTHING), so running it twice copies nothing twice.
// Rate-limit buckets, leases and follow-up contexts are not copied: they only matter while processes run.
import type { SqlDriver, SqlValue, TxExecutor } from './sql.ts';

/** Tables copied, in an order that needs no deferred checks. */
export const COPIED_TABLES = ['subscriptions', 'post_ledger', 'summary_snapshots', 'alert_rules', 'market_holidays', 'quote_cache', 'delivered_messages', 'shared_answers', 'unanswered_questions', 'answer_records', 'feedback_votes', 'user_settings', 'installations', 'channel_deals'] as const;

export interface TableCopy {
  table: string;
  read: number;
  copied: number;
  /** Why nothing was copied, when so. */
  note?: string;
}

const BATCH = 500;

async function insertAll(q: TxExecutor, table: string, rows: Record<string, unknown>[], drop: readonly string[] = []): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!).filter((c) => !drop.includes(c));
  let copied = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const values = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    const params = chunk.flatMap((r) => columns.map((c) => r[c] as SqlValue));
    copied += (await q.exec(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values} ON CONFLICT DO NOTHING`, params)).changes;
  }
  return copied;
}

/** Copies every table of `from` (SQLite) into `to` (PostgreSQL), in one transaction of `to`. */
export async function copyStore(from: SqlDriver, to: SqlDriver): Promise<TableCopy[]> {
  if (from.dialect !== 'sqlite' || to.dialect !== 'postgres') throw new Error('copies a SQLite store into a PostgreSQL one');
  const [fromVersion, toVersion] = await Promise.all([from.schemaVersion(), to.schemaVersion()]);
  if (fromVersion !== toVersion) throw new Error(`schema versions differ (SQLite ${fromVersion}, PostgreSQL ${toVersion}): run the same dealbot version on both`);
  const tables = new Map<string, Record<string, unknown>[]>();
  for (const table of COPIED_TABLES) tables.set(table, (await from.exec<Record<string, unknown>>(`SELECT * FROM ${table}`)).rows);
  return to.tx(async (q) => {
    const out: TableCopy[] = [];
    for (const table of COPIED_TABLES) {
      const rows = tables.get(table)!;
      if (table === 'unanswered_questions') {
        // No natural key: copied only into an empty table, so a second run does not double them.
        const [row] = (await q.exec<{ n: number }>('SELECT COUNT(*) AS n FROM unanswered_questions')).rows;
        if ((row?.n ?? 0) > 0 && rows.length > 0) {
          out.push({ table, read: rows.length, copied: 0, note: 'PostgreSQL already has unanswered questions; not copied again' });
          continue;
        }
        out.push({ table, read: rows.length, copied: await insertAll(q, table, rows, ['id']) });
        continue;
      }
      out.push({ table, read: rows.length, copied: await insertAll(q, table, rows) });
    }
    return out;
  });
}
