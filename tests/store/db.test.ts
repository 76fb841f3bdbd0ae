import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../../src/store/db.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { tempDir } from '../summary/helpers.ts';

describe('openDatabase', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir('dealbot-store-');
  });
  afterEach(() => tmp.cleanup());

  it('creates the directory and the file on first start, in WAL mode, with every migration applied', () => {
    const path = join(tmp.dir, 'nested', 'deeper', 'dealbot.db');
    expect(existsSync(path)).toBe(false);
    const db = openDatabase(path);
    try {
      expect(existsSync(path)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(schemaVersion(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(expect.arrayContaining(['schema_migrations', 'subscriptions', 'summary_posts', 'summary_snapshots', 'quote_cache']));
    } finally {
      db.close();
    }
  });

  it('keeps data across a re-open and applies nothing twice', () => {
    const path = join(tmp.dir, 'dealbot.db');
    const first = openDatabase(path);
    first
      .prepare(`INSERT INTO subscriptions (platform, channel_id, time, timezone, lang, created_by, created_at, updated_at) VALUES ('slack', 'C1', '09:00', 'UTC', 'en', 'U1', 1, 1)`)
      .run();
    const applied = (first.prepare('SELECT version, applied_at FROM schema_migrations').all() as { version: number; applied_at: string }[]);
    first.close();

    const second = openDatabase(path);
    try {
      expect(second.prepare('SELECT channel_id FROM subscriptions').all()).toEqual([{ channel_id: 'C1' }]);
      expect(second.prepare('SELECT version, applied_at FROM schema_migrations').all()).toEqual(applied);
      expect(migrate(second)).toEqual([]);
    } finally {
      second.close();
    }
  });

  it('applies only the new migration when the code gains one', () => {
    const path = join(tmp.dir, 'dealbot.db');
    openDatabase(path).close();
    const next = [...MIGRATIONS, { version: 99, name: 'test column', sql: 'ALTER TABLE subscriptions ADD COLUMN note TEXT' }];
    const db = openDatabase(path, { migrations: next });
    try {
      expect(schemaVersion(db)).toBe(99);
      const columns = (db.prepare('PRAGMA table_info(subscriptions)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).toContain('note');
      expect(migrate(db, next)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('rolls back a failing migration whole, leaving the version where it was', () => {
    const path = join(tmp.dir, 'dealbot.db');
    openDatabase(path).close();
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    const broken = [...MIGRATIONS, { version: latest + 1, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER); THIS IS NOT SQL;' }];
    expect(() => openDatabase(path, { migrations: broken })).toThrow();
    const db = openDatabase(path);
    try {
      expect(schemaVersion(db)).toBe(latest);
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('enforces one ledger row per channel and local date', () => {
    const db = openDatabase(join(tmp.dir, 'dealbot.db'));
    try {
      const insert = db.prepare(`INSERT INTO summary_posts (platform, channel_id, local_date, state, lease_until) VALUES ('slack', 'C1', '2026-03-29', 'claimed', 0)`);
      insert.run();
      expect(() => insert.run()).toThrow(/UNIQUE|PRIMARY KEY/);
    } finally {
      db.close();
    }
  });
});
