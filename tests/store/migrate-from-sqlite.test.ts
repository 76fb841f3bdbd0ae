// `dealbot db migrate-from-sqlite FILE` as a user runs it: a SQLite store of a running bot moved
// into PostgreSQL, table by table; a second run copies nothing twice.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { all } from '../../src/store/sql.ts';
import { SqliteDriver } from '../../src/store/sqlite.ts';
import { SqlUnansweredLog } from '../../src/store/unanswered.ts';
import { AlertStore } from '../../src/summary/alert-store.ts';
import { XNYS } from '../../src/summary/calendar.ts';
import { PostLedger } from '../../src/summary/ledger.ts';
import { MarketHolidayStore } from '../../src/summary/market-holidays.ts';
import { QuoteCache } from '../../src/summary/market.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { freshDatabase, HAS_POSTGRES } from '../helpers/postgres.ts';
import { runDealbot } from '../helpers/process.ts';
import { tempDir } from '../summary/helpers.ts';

const C1 = { platform: 'slack' as const, id: 'C1', workspace: 'T1' };

describe.skipIf(!HAS_POSTGRES)('dealbot db migrate-from-sqlite', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let pg: Store;

  beforeAll(async () => {
    tmp = tempDir('dealbot-migrate-');
    file = join(tmp.dir, 'dealbot.db');
    db = await freshDatabase('dealbot_migrate');
    // A SQLite store as a bot leaves it: subscriptions, a sent summary with its snapshot, an alert rule, caches, questions.
    const s = SqliteDriver.open(file);
    const subs = new SubscriptionStore(s, () => new Date('2026-03-01T00:00:00Z'));
    await subs.subscribe({ channel: C1, times: ['09:00', '16:30'], timezone: 'Europe/Paris', lang: 'fr', by: 'alice', calendar: 'XNYS' });
    await subs.subscribe({ channel: { platform: 'discord', id: '123' }, time: '07:00', timezone: 'UTC', lang: 'en', by: 'bob' });
    const ledger = new PostLedger(s);
    const claim = (await ledger.claim(C1, { slot: '2026-03-02 09:00', kind: 'summary', localDate: '2026-03-02' }, 'A', 1000, 60_000))!;
    await ledger.markSent(claim, '1700000000.000100', 2000, { snapshot: { fingerprint: 'fp', factHashes: new Map([['f1', 'h1']]) } });
    await new AlertStore(s).set({ channel: C1, kind: 'price', subject: 'NVDA', thresholdPct: 3, direction: 'both', cooldownMs: null, lang: 'en', timezone: 'UTC', by: 'alice' });
    await new MarketHolidayStore(s).replace(XNYS, [{ date: '2026-04-03', name: 'Good Friday', tradingHours: null, source: 'Finnhub' }], new Date(3000));
    await new QuoteCache(s).put({ symbol: 'NVDA', price: 187.5, change: 1, changePercent: 0.5, previousClose: 186.5, asOf: new Date(4000) }, 'Finnhub', new Date(5000));
    await new SqlUnansweredLog(s).record({ at: '2026-03-02T10:00:00.000Z', query: 'tesla', lang: 'en', platform: 'slack' });
    await s.close();
    pg = await openStore({ DATABASE_PATH: 'unused', DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await pg?.close();
    await db?.drop();
    tmp?.cleanup();
  });

  it('copies every table, and a second run copies nothing twice', async () => {
    const first = await runDealbot(['db', 'migrate-from-sqlite', file], { env: { DATABASE_URL: db.url } });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^subscriptions\s+2 read\s+2 copied$/m);
    expect(first.stdout).toMatch(/^post_ledger\s+1 read\s+1 copied$/m);
    expect(first.stdout).toMatch(/^unanswered_questions\s+1 read\s+1 copied$/m);

    const subs = new SubscriptionStore(pg.driver);
    expect(await subs.get(C1)).toMatchObject({ times: ['09:00', '16:30'], timezone: 'Europe/Paris', lang: 'fr', calendar: 'XNYS', createdBy: 'alice', createdAt: '2026-03-01T00:00:00.000Z' });
    expect(await subs.list()).toHaveLength(2);
    const ledger = new PostLedger(pg.driver);
    expect(await ledger.get(C1, '2026-03-02 09:00')).toMatchObject({ state: 'sent', messageId: '1700000000.000100', sentAt: 2000 });
    expect(await ledger.snapshot(C1)).toMatchObject({ fingerprint: 'fp', factHashes: { f1: 'h1' } });
    expect(await new AlertStore(pg.driver).get(C1, 'price', 'NVDA')).toMatchObject({ thresholdPct: 3 });
    expect(await new QuoteCache(pg.driver).get('NVDA')).toMatchObject({ price: 187.5, asOf: new Date(4000) });
    const holidays = new MarketHolidayStore(pg.driver);
    await holidays.load(XNYS);
    expect(holidays.get(XNYS, '2026-04-03')).toMatchObject({ name: 'Good Friday' });
    expect(await new SqlUnansweredLog(pg.driver).list()).toEqual([{ at: '2026-03-02T10:00:00.000Z', query: 'tesla', lang: 'en', platform: 'slack' }]);

    const again = await runDealbot(['db', 'migrate-from-sqlite', file], { env: { DATABASE_URL: db.url } });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^subscriptions\s+2 read\s+0 copied \(2 already there\)$/m);
    expect(again.stdout).toMatch(/^unanswered_questions\s+1 read\s+0 copied \(PostgreSQL already has/m);
    expect(await all(pg.driver, 'SELECT COUNT(*) AS n FROM subscriptions')).toEqual([{ n: 2 }]);
  });

  it('says what is missing: no DATABASE_URL, no file, bad usage', async () => {
    const noUrl = await runDealbot(['db', 'migrate-from-sqlite', file]);
    expect(noUrl.code).toBe(1);
    expect(noUrl.stderr).toMatch(/set DATABASE_URL/);
    const noFile = await runDealbot(['db', 'migrate-from-sqlite', join(tmp.dir, 'nope.db')], { env: { DATABASE_URL: db.url } });
    expect(noFile.stderr).toMatch(/no such file/);
    expect((await runDealbot(['db'])).stderr).toMatch(/usage: dealbot db/);
    const status = await runDealbot(['db', 'status'], { env: { DATABASE_URL: db.url } });
    expect(status.stdout).toMatch(/^postgres at postgres:\/\/dealbot@127\.0\.0\.1:\d+\/dealbot_migrate_\w+, schema version \d+$/m);
  });
});
