// `dealbot db …`: the store's maintenance commands.
//   dealbot db status                    which store, where, and its schema version
//   dealbot db migrate-from-sqlite FILE  copies a SQLite store into the PostgreSQL one at DATABASE_URL
import { existsSync } from 'node:fs';
import { copyStore } from '../store/copy.ts';
import { openStore, readStoreConfig } from '../store/index.ts';
import { SqliteDriver } from '../store/sqlite.ts';
import { EXIT_USAGE, type Io } from './io.ts';

export const DB_USAGE = 'usage: dealbot db status | dealbot db migrate-from-sqlite FILE (with DATABASE_URL=postgres://…)';

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
