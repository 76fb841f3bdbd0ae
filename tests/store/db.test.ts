import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, schemaVersion } from '../../src/store/db.ts';
import { openStore } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { all } from '../../src/store/sql.ts';
import { AlertStore } from '../../src/summary/alert-store.ts';
import { PostLedger } from '../../src/summary/ledger.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
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
      expect(tables).toEqual(expect.arrayContaining(['schema_migrations', 'subscriptions', 'post_ledger', 'summary_snapshots', 'quote_cache', 'alert_rules', 'market_holidays', 'delivered_messages', 'shared_answers']));
      expect(tables).not.toContain('summary_posts');
    } finally {
      db.close();
    }
  });

  it('keeps data across a re-open and applies nothing twice', () => {
    const path = join(tmp.dir, 'dealbot.db');
    const first = openDatabase(path);
    first
      .prepare(`INSERT INTO subscriptions (platform, channel_id, times, timezone, lang, calendar, created_by, created_at, updated_at) VALUES ('slack', 'C1', '09:00', 'UTC', 'en', 'XNYS', 'U1', 1, 1)`)
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

  it('enforces one ledger row per channel and slot; two slots of one day are two rows', () => {
    const db = openDatabase(join(tmp.dir, 'dealbot.db'));
    try {
      const insert = db.prepare(`INSERT INTO post_ledger (platform, channel_id, slot, kind, local_date, state, lease_until) VALUES ('slack', 'C1', ?, 'summary', '2026-03-29', 'claimed', 0)`);
      insert.run('2026-03-29 09:00');
      expect(() => insert.run('2026-03-29 09:00')).toThrow(/UNIQUE|PRIMARY KEY/);
      insert.run('2026-03-29 16:30');
      expect(db.prepare('SELECT COUNT(*) AS n FROM post_ledger').get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  });

  it('migration 2 moves a version-1 database: each (channel, date) row becomes the slot of the channel’s time; subscriptions keep posting every day', () => {
    const path = join(tmp.dir, 'dealbot.db');
    const v1 = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    v1.prepare(`INSERT INTO subscriptions (platform, channel_id, time, timezone, lang, created_by, created_at, updated_at) VALUES ('slack', 'C1', '08:30', 'Europe/Paris', 'fr', 'U1', 1, 2)`).run();
    v1.prepare(`INSERT INTO summary_posts (platform, channel_id, local_date, state, owner, lease_until, attempts, message_id, sent_at) VALUES ('slack', 'C1', '2026-03-29', 'sent', 'A', 5, 1, '171.2', 1000)`).run();
    v1.prepare(`INSERT INTO summary_posts (platform, channel_id, local_date, state, lease_until) VALUES ('discord', 'gone', '2026-03-28', 'failed', 0)`).run();
    expect(schemaVersion(v1)).toBe(1);
    v1.close();

    const db = openDatabase(path);
    try {
      expect(db.prepare('SELECT platform, channel_id, times, timezone, lang, calendar, work_days, closed_notice FROM subscriptions').all()).toEqual([
        { platform: 'slack', channel_id: 'C1', times: '08:30', timezone: 'Europe/Paris', lang: 'fr', calendar: 'days', work_days: '1234567', closed_notice: 0 },
      ]);
      expect(db.prepare('SELECT platform, channel_id, slot, kind, local_date, state, message_id, sent_at FROM post_ledger ORDER BY platform').all()).toEqual([
        { platform: 'discord', channel_id: 'gone', slot: '2026-03-28 00:00', kind: 'summary', local_date: '2026-03-28', state: 'failed', message_id: null, sent_at: null },
        { platform: 'slack', channel_id: 'C1', slot: '2026-03-29 08:30', kind: 'summary', local_date: '2026-03-29', state: 'sent', message_id: '171.2', sent_at: 1000 },
      ]);
    } finally {
      db.close();
    }
  });

  it('migration 4 (answered messages, kept Share answers) reaches a database already at version 3, keeping its data', () => {
    const path = join(tmp.dir, 'dealbot.db');
    const v3 = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 3) });
    v3.prepare(`INSERT INTO subscriptions (platform, channel_id, times, timezone, lang, calendar, created_by, created_at, updated_at) VALUES ('slack', 'C1', '09:00', 'UTC', 'en', 'XNYS', 'U1', 1, 1)`).run();
    expect(schemaVersion(v3)).toBe(3);
    expect(v3.prepare(`SELECT name FROM sqlite_master WHERE name = 'delivered_messages'`).get()).toBeUndefined();
    v3.close();

    const db = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    try {
      expect(schemaVersion(db)).toBe(4);
      expect((db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version)).toEqual([1, 2, 3, 4]);
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name);
      expect(tables).toEqual(expect.arrayContaining(['delivered_messages', 'shared_answers']));
      expect(db.prepare('SELECT channel_id FROM subscriptions').all()).toEqual([{ channel_id: 'C1' }]);
    } finally {
      db.close();
    }
  });

  it('a database of the previous release (migrations 1–4, as shipped) upgrades to the shared-store schema, keeping answered messages and kept Share answers', async () => {
    const path = join(tmp.dir, 'dealbot.db');
    const t = Date.now();
    const v4 = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 4) });
    v4.prepare('INSERT INTO delivered_messages (key, expires_at) VALUES (?, ?)').run('slack:T1:C1:1.1', t + 3_600_000);
    v4.prepare('INSERT INTO shared_answers (id, body, expires_at) VALUES (?, ?, ?)').run('kept1', JSON.stringify({ title: 'Energy' }), t + 3_600_000);
    v4.prepare(`INSERT INTO subscriptions (platform, channel_id, times, timezone, lang, calendar, created_by, created_at, updated_at) VALUES ('slack', 'C1', '09:00', 'UTC', 'en', 'XNYS', 'U1', 1, 1)`).run();
    v4.close();

    const store = await openStore({ DATABASE_PATH: path });
    try {
      expect(await store.driver.schemaVersion()).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
      expect((await all<{ version: number }>(store.driver, 'SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      // An answer recorded by the previous release stays answered: no replica answers it again.
      expect(await all(store.driver, 'SELECT key, holder FROM delivered_messages')).toEqual([{ key: 'slack:T1:C1:1.1', holder: null }]);
      expect(await store.deliveries.claim('slack:T1:C1:1.1', { holder: 'r1', holdMs: 30_000 })).toBe(false);
      expect(await store.deliveries.claim('slack:T1:C1:2.2', { holder: 'r1', holdMs: 30_000 })).toBe(true);
      expect(await store.sharedAnswers.get('kept1')).toEqual({ title: 'Energy' });
      expect(await all(store.driver, 'SELECT channel_id FROM subscriptions')).toEqual([{ channel_id: 'C1' }]);
      for (const table of ['rate_buckets', 'unanswered_questions', 'leases']) expect(await all(store.driver, `SELECT COUNT(*) AS n FROM ${table}`)).toEqual([{ n: 0 }]);
    } finally {
      await store.close();
    }
  });

  it('migration 8 (each channel’s deal) reaches a database of the store release (1–5): its subscriptions, alert rules and snapshots follow the channel’s deal', async () => {
    const path = join(tmp.dir, 'dealbot.db');
    const v5 = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 5) });
    v5.prepare(`INSERT INTO subscriptions (platform, channel_id, times, timezone, lang, calendar, created_by, created_at, updated_at) VALUES ('slack', 'C1', '09:00', 'UTC', 'en', 'XNYS', 'U1', 1, 1)`).run();
    v5.prepare(`INSERT INTO alert_rules (platform, channel_id, kind, subject, lang, timezone, baseline, created_by, created_at, updated_at) VALUES ('slack', 'C1', 'facts', '*', 'en', 'UTC', '{"f1":"h1"}', 'U1', 1, 1)`).run();
    v5.prepare(`INSERT INTO summary_snapshots (platform, channel_id, fingerprint, fact_hashes, posted_at) VALUES ('slack', 'C1', 'fp', '{}', 1)`).run();
    v5.close();

    const store = await openStore({ DATABASE_PATH: path });
    try {
      expect(await store.driver.schemaVersion()).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
      const c1 = { platform: 'slack', id: 'C1' };
      expect((await new SubscriptionStore(store.driver).get(c1))).toMatchObject({ times: ['09:00'], calendar: 'XNYS' });
      expect((await new SubscriptionStore(store.driver).get(c1))?.deal).toBeUndefined();
      expect(await new AlertStore(store.driver).get(c1, 'facts', '*')).toMatchObject({ deal: null, baseline: { f1: 'h1' } });
      expect((await new PostLedger(store.driver).snapshot(c1))?.deal).toBeUndefined();
      expect(await store.channelDeals.get(c1)).toBeUndefined();
      await store.channelDeals.set(c1, 'openai-nvidia', 'U1');
      expect((await store.channelDeals.get(c1))?.deal).toBe('openai-nvidia');
    } finally {
      await store.close();
    }
  });
});
