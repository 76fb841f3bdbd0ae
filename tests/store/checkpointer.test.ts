// The SQLite checkpoint thread (src/store/checkpointer.ts), on real files: with it, pages written
// to the WAL reach the database file while the bot is idle, long before the commits' own automatic
// checkpoint (1,000 pages) would copy them on the event loop; without it they stay in the WAL.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { run } from '../../src/store/sql.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function storeIn(backgroundCheckpoints: boolean): Promise<{ store: Store; path: string; errors: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'dealbot-ckpt-'));
  dirs.push(dir);
  const path = join(dir, 'dealbot.db');
  const errors: string[] = [];
  const store = await openStore({ DATABASE_PATH: path }, { backgroundCheckpoints, onCheckpointError: (m) => errors.push(m) });
  return { store, path, errors };
}

/** a few hundred WAL pages in 60 commits: well under what triggers the commits' own checkpoint. */
async function writeRows(store: Store): Promise<void> {
  for (let i = 0; i < 60; i++) await run(store.driver, 'INSERT INTO seen_requests (key, expires_at) VALUES (?, ?)', [`slack:${i}:${'x'.repeat(900)}`, Date.now() + 60_000]);
}

async function until(test: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (test()) return true;
  return test();
}

describe('SQLite checkpoints in a worker thread', () => {
  it('copies committed pages into the database file while the bot is idle', async () => {
    const { store, path, errors } = await storeIn(true);
    await new Promise((r) => setTimeout(r, 100)); // the worker opens the file
    const before = statSync(path).size;
    await writeRows(store);
    expect(await until(() => statSync(path).size >= before + 40_000, 5000)).toBe(true);
    expect(errors).toEqual([]);
    // Closing hands the file back: the last connection (the worker's) checkpoints and removes the WAL.
    await store.close();
    expect(await until(() => !existsSync(`${path}-wal`), 5000)).toBe(true);
  });

  it('leaves them in the WAL without the thread (the commits checkpoint every 1,000 pages)', async () => {
    const { store, path } = await storeIn(false);
    const before = statSync(path).size;
    await writeRows(store);
    await new Promise((r) => setTimeout(r, 600));
    expect(statSync(path).size).toBe(before);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(40_000);
    await store.close();
  });
});
