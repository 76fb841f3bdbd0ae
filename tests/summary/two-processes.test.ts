// Two real bot processes on one database file, released at the same instant: each channel's
// summary is posted once in all.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.ts';
import { SqliteDriver } from '../../src/store/sqlite.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { tempDir } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.cleanup());

function child(dbPath: string, owner: string, now: string, postsFile: string) {
  const proc = spawn(process.execPath, ['bin/run-ts.js', 'tests/summary/fixtures/scheduler-child.ts', dbPath, owner, now, postsFile], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, VITEST: '' },
  });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => (err += String(d)));
  const ready = new Promise<void>((res, rej) => {
    proc.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('ready\n')) res();
    });
    proc.on('exit', () => rej(new Error(`${owner} exited early: ${err}`)));
  });
  const exit = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  return { proc, ready, exit, out: () => out, err: () => err };
}

it('two processes ticking at the same instant on one database post each summary once', async () => {
  const dbPath = join(tmp.dir, 'dealbot.db');
  const postsFile = join(tmp.dir, 'posts.txt');
  const db = SqliteDriver.open(dbPath);
  const subs = new SubscriptionStore(db, () => new Date('2026-04-01T00:00:00Z'));
  const channels = Array.from({ length: 12 }, (_, i) => `C${i + 1}`);
  for (const id of channels) await subs.subscribe({ channel: { platform: 'slack', id }, time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
  await db.close();

  const now = '2026-04-01T09:00:00Z';
  const a = child(dbPath, 'A', now, postsFile);
  const b = child(dbPath, 'B', now, postsFile);
  await Promise.all([a.ready, b.ready]);
  a.proc.stdin.write('go\n');
  b.proc.stdin.write('go\n');
  const codes = await Promise.all([a.exit, b.exit]);
  expect(codes, `${a.err()}\n${b.err()}`).toEqual([0, 0]);

  const posts = existsSync(postsFile) ? readFileSync(postsFile, 'utf8').trim().split('\n') : [];
  expect(posts.map((l) => l.split(' ')[1]).sort()).toEqual([...channels].sort());
  const verify = openDatabase(dbPath);
  try {
    const rows = verify.prepare(`SELECT channel_id, state, message_id FROM post_ledger WHERE local_date = '2026-04-01' AND kind = 'summary'`).all() as { state: string; message_id: string }[];
    expect(rows).toHaveLength(channels.length);
    expect(rows.every((r) => r.state === 'sent' && /^[AB]-\d+$/.test(r.message_id))).toBe(true);
  } finally {
    verify.close();
  }
}, 60_000); // two tsx processes start slowly on a busy machine
