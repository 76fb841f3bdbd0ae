// `dealbot db …`: the store's maintenance commands.
//   dealbot db status                    which store, where, and its schema version
//   dealbot db check                     that it can be written, and what it holds (subscriptions, ledger…)
//   dealbot db migrate-from-sqlite FILE  copies a SQLite store into the PostgreSQL one at DATABASE_URL
import { existsSync } from 'node:fs';
import { copyStore } from '../store/copy.ts';
import { openStore, readStoreConfig, type Store } from '../store/index.ts';
import { all, one } from '../store/sql.ts';
import { SqliteDriver } from '../store/sqlite.ts';
import { EXIT_USAGE, type Io } from './io.ts';

export const DB_USAGE = 'usage: dealbot db status | dealbot db check | dealbot db migrate-from-sqlite FILE (with DATABASE_URL=postgres://…)';

/** What `dealbot db check` prints: where, writable, then what the store holds, one line per part. */
async function describeStore(store: Store): Promise<string[]> {
  const count = async (sql: string) => Number((await one<{ n: number }>(store.driver, sql))?.n ?? 0);
  const subs = await all<{ platform: string; n: number }>(store.driver, 'SELECT platform, COUNT(*) AS n FROM subscriptions GROUP BY platform ORDER BY platform');
  const states = await all<{ state: string; n: number }>(store.driver, 'SELECT state, COUNT(*) AS n FROM post_ledger GROUP BY state ORDER BY state');
  const held = await all<{ owner: string; n: number; until: number }>(
    store.driver,
    "SELECT owner, COUNT(*) AS n, MAX(lease_until) AS until FROM post_ledger WHERE state = 'claimed' AND owner IS NOT NULL AND lease_until > ? GROUP BY owner ORDER BY owner",
    [Date.now()],
  );
  const last = await one<{ platform: string; channel_id: string; slot: string; sent_at: number }>(
    store.driver,
    "SELECT platform, channel_id, slot, sent_at FROM post_ledger WHERE state = 'sent' AND kind = 'summary' ORDER BY sent_at DESC LIMIT 1",
  );
  const total = (rows: { n: number }[]) => rows.reduce((a, r) => a + Number(r.n), 0);
  const list = (rows: { n: number }[], name: (r: never) => string) => rows.map((r) => `${name(r as never)} ${Number(r.n)}`).join(', ');
  return [
    `${store.dialect} at ${store.location}, schema version ${await store.driver.schemaVersion()}, writable`,
    `subscriptions: ${total(subs)}${subs.length ? ` (${list(subs, (r: { platform: string }) => r.platform)})` : ''}`,
    `post ledger: ${total(states)} row(s)${states.length ? ` (${list(states, (r: { state: string }) => r.state)})` : ''}` +
      (held.length ? `; held now by ${held.map((h) => `${h.owner} (${Number(h.n)}, until ${new Date(Number(h.until)).toISOString()})`).join(', ')}` : '') +
      (last ? `; last summary ${last.platform}:${last.channel_id} ${last.slot} at ${new Date(Number(last.sent_at)).toISOString()}` : '; no summary sent yet'),
    `answered messages: ${await count('SELECT COUNT(*) AS n FROM delivered_messages')}; answers kept for Share: ${await count('SELECT COUNT(*) AS n FROM shared_answers')}; unanswered questions: ${await count('SELECT COUNT(*) AS n FROM unanswered_questions')}`,
    `feedback votes: ${await count('SELECT COUNT(*) AS n FROM feedback_votes')}; channels' deals: ${await count('SELECT COUNT(*) AS n FROM channel_deals')}; installations (OAuth): ${await count('SELECT COUNT(*) AS n FROM installations')}`,
  ];
}

export async function dbCli(args: string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  const [sub, file, ...rest] = args;
  if (sub === 'status' && file === undefined) {
    const store = await openStore(readStoreConfig(env));
    try {
      io.stdout(`${store.dialect} at ${store.location}, schema version ${await store.driver.schemaVersion()}`);
    } finally {
      await store.close();
    }
    return 0;
  }
  if (sub === 'check' && file === undefined) {
    // Opening it checks it can be written (StoreOpenError otherwise: one line, exit 1).
    const store = await openStore(readStoreConfig(env));
    try {
      for (const line of await describeStore(store)) io.stdout(line);
    } finally {
      await store.close();
    }
    return 0;
  }
  if (sub !== 'migrate-from-sqlite' || !file || rest.length > 0) {
    io.stderr(DB_USAGE);
    return EXIT_USAGE;
  }
  const config = readStoreConfig(env);
  if (!config.DATABASE_URL) {
    io.stderr('dealbot db migrate-from-sqlite: set DATABASE_URL to the PostgreSQL database to copy into (postgres://user:password@host:5432/dealbot)');
    return EXIT_USAGE;
  }
  if (!existsSync(file)) {
    io.stderr(`dealbot db migrate-from-sqlite: no such file: ${file}`);
    return EXIT_USAGE;
  }
  const source = SqliteDriver.open(file); // brings the file to the current schema first
  const target = await openStore(config);
  try {
    const copied = await copyStore(source, target.driver);
    for (const t of copied) io.stdout(`${t.table.padEnd(22)} ${String(t.read).padStart(7)} read ${String(t.copied).padStart(7)} copied${t.note ? ` (${t.note})` : t.copied < t.read ? ` (${t.read - t.copied} already there)` : ''}`);
    io.stdout(`copied ${file} into ${target.location}; point every replica at DATABASE_URL and keep the SQLite file as a backup`);
    return 0;
  } finally {
    await source.close();
    await target.close();
  }
}
