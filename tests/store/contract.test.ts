// One contract, two stores: every behaviour the bot relies on, run against SQLite (a temp file) and
// PostgreSQL (a fresh database on the test server). Concurrency is tested with two or three
// connections of their own (two processes' worth), racing for the same rows.
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/command.ts';
import { registerSecret } from '../../src/ops/log.ts';
import { HotWrites } from '../../src/store/busy.ts';
import { SqlChannelDeals } from '../../src/store/channel-deals.ts';
import { HotPathDeliveryLedger, SqlDeliveryLedger, type DeliveryLedger } from '../../src/store/deliveries.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { SqlLeases } from '../../src/store/leases.ts';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { PostgresDriver } from '../../src/store/postgres.ts';
import { SqlRateBuckets } from '../../src/store/rate-buckets.ts';
import { BatchedReplayRows, SqlReplayLedger } from '../../src/store/replays.ts';
import { TurnBatch } from '../../src/store/turn-batch.ts';
import { RetryQueue } from '../../src/store/retry.ts';
import { SqlSharedAnswers } from '../../src/store/shared-answers.ts';
import { all, isBusy, StoreLostError, type SqlDriver } from '../../src/store/sql.ts';
import { SqliteDriver } from '../../src/store/sqlite.ts';
import { SqlUnansweredLog } from '../../src/store/unanswered.ts';
import { SqlFeedbackStore, RECORD_TTL_MS } from '../../src/store/feedback.ts';
import { SqlInstallations } from '../../src/store/installations.ts';
import { SqlThreadContexts } from '../../src/store/thread-contexts.ts';
import { SqlUserSettings, WORKSPACE_USER } from '../../src/store/user-settings.ts';
import { AlertStore } from '../../src/summary/alert-store.ts';
import { XNYS } from '../../src/summary/calendar.ts';
import { PostLedger, type OpenSlot } from '../../src/summary/ledger.ts';
import { MarketHolidayStore } from '../../src/summary/market-holidays.ts';
import { QuoteCache } from '../../src/summary/market.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { freshDatabase, HAS_POSTGRES } from '../helpers/postgres.ts';
import { tempDir } from '../summary/helpers.ts';
import { FAKE_SLACK_BOT_TOKEN } from '../helpers/fake-tokens.ts';

interface Kind {
  name: 'sqlite' | 'postgres';
  available: boolean;
  /** Creates an empty store location; returns how to open connections to it and how to remove it. */
  create(): Promise<{ connect(): Promise<SqlDriver>; openStore(): Promise<Store>; remove(): Promise<void> }>;
}

const KINDS: Kind[] = [
  {
    name: 'sqlite',
    available: true,
    async create() {
      const tmp = tempDir('dealbot-contract-');
      const path = join(tmp.dir, 'dealbot.db');
      return {
        connect: async () => SqliteDriver.open(path),
        openStore: () => openStore({ DATABASE_PATH: path }),
        remove: async () => tmp.cleanup(),
      };
    },
  },
  {
    name: 'postgres',
    available: HAS_POSTGRES,
    async create() {
      const db = await freshDatabase('dealbot_contract');
      return {
        connect: () => PostgresDriver.open(db.url, { poolSize: 4 }),
        openStore: () => openStore({ DATABASE_PATH: 'unused', DATABASE_URL: db.url }),
        remove: () => db.drop(),
      };
    },
  },
];

const C1: ChannelRef = { platform: 'slack', id: 'C1', workspace: 'T1' };
const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

for (const kind of KINDS) {
  describe.skipIf(!kind.available)(`store contract: ${kind.name}`, () => {
    let place: Awaited<ReturnType<Kind['create']>>;
    let db: SqlDriver;
    const extra: SqlDriver[] = [];
    /** Another connection to the same database (another process). */
    const another = async () => {
      const d = await place.connect();
      extra.push(d);
      return d;
    };

    beforeEach(async () => {
      place = await kind.create();
      db = await place.connect();
    });
    afterEach(async () => {
      for (const d of extra.splice(0)) await d.close();
      await db.close();
      await place.remove();
    });

    describe('migrations', () => {
      it('apply every numbered migration once, also when several processes open the store together', async () => {
        const racers = await Promise.all([another(), another(), another()]);
        expect(await db.schemaVersion()).toBe(LATEST);
        for (const r of racers) expect(await r.schemaVersion()).toBe(LATEST);
        const rows = await all<{ version: number }>(db, 'SELECT version FROM schema_migrations ORDER BY version');
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version).sort((a, b) => a - b));
        for (const table of ['subscriptions', 'post_ledger', 'summary_snapshots', 'quote_cache', 'alert_rules', 'market_holidays', 'delivered_messages', 'shared_answers', 'rate_buckets', 'unanswered_questions', 'leases', 'answer_records', 'feedback_votes', 'thread_contexts', 'user_settings', 'installations', 'channel_deals', 'seen_requests', 'store_probe']) {
          expect(await all(db, `SELECT COUNT(*) AS n FROM ${table}`), table).toEqual([{ n: 0 }]);
        }
      });

      it('every migration has its PostgreSQL statements', () => {
        for (const m of MIGRATIONS) expect(m.postgres, `migration ${m.version}`).toBeTruthy();
      });
    });

    describe('subscriptions', () => {
      it('subscribe, read back, replace, list, unsubscribe', async () => {
        const subs = new SubscriptionStore(db, () => new Date('2026-04-01T08:00:00Z'));
        const first = await subs.subscribe({ channel: { ...C1, name: 'general' }, times: ['16:30', '09:00'], timezone: 'Europe/Paris', lang: 'fr', by: 'alice', calendar: 'XNYS', closedNotice: true });
        expect(first).toMatchObject({ times: ['09:00', '16:30'], time: '09:00', timezone: 'Europe/Paris', lang: 'fr', calendar: 'XNYS', closedNotice: true, channel: { workspace: 'T1', name: 'general' } });
        await subs.subscribe({ channel: C1, time: '07:00', timezone: 'UTC', lang: 'en', by: 'bob', workDays: [1, 2, 3] });
        const other = new SubscriptionStore(await another());
        expect(await other.get(C1)).toMatchObject({ times: ['07:00'], calendar: 'days', workDays: [1, 2, 3], createdBy: 'bob', channel: { name: 'general' } });
        expect(await other.list()).toHaveLength(1);
        expect(await other.unsubscribe(C1)).toBe(true);
        expect(await subs.unsubscribe(C1)).toBe(false);
        expect(await subs.get(C1)).toBeUndefined();
      });
    });

    describe('post ledger', () => {
      const info = { slot: '2026-04-01 09:00', kind: 'summary' as const, localDate: '2026-04-01' };
      const t0 = Date.parse('2026-04-01T09:00:00Z');

      it('one claim wins when processes race for the same slot, every time', async () => {
        const ledgers = [new PostLedger(db), new PostLedger(await another()), new PostLedger(await another())];
        for (let i = 0; i < 15; i++) {
          const slot = { ...info, slot: `2026-04-01 09:${String(i).padStart(2, '0')}` };
          const won = await Promise.all(ledgers.map((l, n) => l.claim(C1, slot, `P${n}`, t0, 60_000)));
          expect(won.filter(Boolean)).toHaveLength(1);
        }
      });

      it('a live claim is exclusive; an expired one is taken over, saying whose it was; sent closes it for good', async () => {
        const a = new PostLedger(db);
        const b = new PostLedger(await another());
        const claim = await a.claim(C1, info, 'A', t0, 60_000);
        expect(claim).toMatchObject({ attempt: 1, claimedAt: t0, owner: 'A' });
        expect(claim!.takenOverFrom).toBeUndefined();
        expect(await b.claim(C1, info, 'B', t0 + 59_000, 60_000)).toBeUndefined();
        const taken = await b.claim(C1, info, 'B', t0 + 60_000, 60_000);
        expect(taken).toMatchObject({ attempt: 2, owner: 'B', claimedAt: t0, takenOverFrom: 'A' });
        expect(await a.release(claim!, t0)).toBe(false); // no longer A's
        await b.markSent(taken!, 'M1', t0 + 61_000, { snapshot: { fingerprint: 'fp', factHashes: new Map([['f1', 'h1']]) } });
        expect(await a.get(C1, info.slot)).toMatchObject({ state: 'sent', messageId: 'M1', sentAt: t0 + 61_000 });
        expect(await a.claim(C1, info, 'A', t0 + 10 * 60_000, 60_000)).toBeUndefined();
        expect(await a.lastPost()).toMatchObject({ channelId: 'C1', messageId: 'M1', slot: info.slot });
        expect(await a.lastPostTo(C1)).toMatchObject({ messageId: 'M1' });
        expect(await a.snapshot(C1)).toMatchObject({ fingerprint: 'fp', factHashes: { f1: 'h1' } });
      });

      it('a holder renews its claim while posting (never shortening it); once taken over, the old holder cannot', async () => {
        const a = new PostLedger(db);
        const b = new PostLedger(await another());
        const claim = (await a.claim(C1, info, 'A', t0, 60_000))!;
        expect(await a.extend(claim, t0 + 30_000)).toBe(true); // earlier than its lease: kept as it was
        expect(await b.claim(C1, info, 'B', t0 + 59_000, 60_000)).toBeUndefined();
        expect(await a.extend(claim, t0 + 120_000)).toBe(true);
        expect(await b.claim(C1, info, 'B', t0 + 100_000, 60_000)).toBeUndefined();
        const taken = await b.claim(C1, info, 'B', t0 + 120_000, 60_000);
        expect(taken).toMatchObject({ owner: 'B', takenOverFrom: 'A' });
        expect(await a.extend(claim, t0 + 500_000)).toBe(false);
        await b.markSent(taken!, 'M1', t0 + 121_000);
        expect(await b.extend(taken!, t0 + 500_000)).toBe(false); // sent: nothing to hold
      });

      it('release hands a claim back for a retry at a given time; failed and skipped close it', async () => {
        const l = new PostLedger(db);
        const c = (await l.claim(C1, info, 'A', t0, 60_000))!;
        expect(await l.release(c, t0 + 5000, 'boom')).toBe(true);
        expect(await l.claimable(C1, info.slot, t0 + 4999)).toBe(false);
        const again = (await l.claim(C1, info, 'A', t0 + 5000, 60_000))!;
        expect(again).toMatchObject({ attempt: 2, takenOverFrom: null });
        await l.markFailed(again, 'gave up');
        expect(await l.get(C1, info.slot)).toMatchObject({ state: 'failed', lastError: 'gave up' });
        const other = (await l.claim(C1, { ...info, slot: '2026-04-01 10:00' }, 'A', t0, 60_000))!;
        await l.markSkipped(other, t0, 'superseded');
        expect(await l.get(C1, '2026-04-01 10:00')).toMatchObject({ state: 'skipped', detail: 'superseded' });
      });

      it('a cooldown holds across slots of one kind and subject, even when two processes claim different windows at once', async () => {
        const ledgers = [new PostLedger(db), new PostLedger(await another())];
        const guard = { kind: 'price-alert' as const, subject: 'NVDA', since: t0 - 3600_000 };
        const won = await Promise.all(
          ledgers.map((l, n) => l.claim(C1, { slot: `price:NVDA:w${n}`, kind: 'price-alert', localDate: '2026-04-01', subject: 'NVDA' }, `P${n}`, t0, 60_000, guard)),
        );
        expect(won.filter(Boolean)).toHaveLength(1);
        expect(await ledgers[0]!.lastClaimSince(C1, 'price-alert', 'NVDA', t0 - 1)).toBe(t0);
        expect(await ledgers[0]!.lastClaimSince(C1, 'price-alert', 'AMD', t0 - 1)).toBeUndefined();
        expect((await ledgers[1]!.history(C1, ['price-alert'])).map((r) => r.subject)).toEqual(['NVDA']);
      });

      it('replicas picking opened slots in batches take each exactly once and never wait for each other', async () => {
        const ledgers = [new PostLedger(db), new PostLedger(await another()), new PostLedger(await another())];
        const slots: OpenSlot[] = Array.from({ length: 60 }, (_, i) => ({ channel: { platform: 'slack', id: `C${i}` }, ...info }));
        await Promise.all(ledgers.map((l) => l.open(slots))); // every replica opens the same slots: idempotent
        const got: string[][] = [[], [], []];
        await Promise.all(
          ledgers.map(async (l, n) => {
            for (;;) {
              const claims = await l.pick([info.slot], ['summary'], `P${n}`, t0, 60_000, 4);
              if (claims.length === 0) return;
              for (const c of claims) {
                got[n]!.push(c.channel.id);
                await l.markSent(c, `m-${c.channel.id}`, t0);
              }
            }
          }),
        );
        const everyone = got.flat();
        expect(everyone.sort()).toEqual(slots.map((s) => s.channel.id).sort());
        expect(new Set(everyone).size).toBe(60);
        expect(await ledgers[0]!.closedAmong([info.slot], ['summary'], t0)).toHaveProperty('size', 60);
      });

      it('pick takes over expired claims and says whose they were; open never disturbs a claimed row', async () => {
        const l = new PostLedger(db);
        await l.open([{ channel: C1, ...info }]);
        const [first] = await l.pick([info.slot], ['summary'], 'A', t0, 1000, 10);
        expect(first).toMatchObject({ attempt: 1, owner: 'A' });
        await l.open([{ channel: C1, ...info }]);
        expect(await l.pick([info.slot], ['summary'], 'B', t0 + 999, 1000, 10)).toEqual([]);
        const [taken] = await l.pick([info.slot], ['summary'], 'B', t0 + 1000, 1000, 10);
        expect(taken).toMatchObject({ attempt: 2, owner: 'B', takenOverFrom: 'A', claimedAt: t0 });
        expect(await l.release(taken!, t0 + 1000, undefined, { uncount: true })).toBe(true);
        expect(await l.get(C1, info.slot)).toMatchObject({ attempts: 1, owner: null });
      });

      it('prunes old poll windows', async () => {
        const l = new PostLedger(db);
        const poll = { platform: 'console' as const, id: '~alert-poll' };
        await l.claim(poll, { slot: 'poll:1', kind: 'poll', localDate: '2026-04-01' }, 'A', t0 - 3 * 86_400_000, 60_000);
        await l.claim(poll, { slot: 'poll:2', kind: 'poll', localDate: '2026-04-01' }, 'A', t0, 60_000);
        expect(await l.prunePolls(t0 - 86_400_000)).toBe(1);
      });
    });

    describe('answered messages', () => {
      it('one replica answers a key; a hold that expired (its replica died) lets another answer; done keeps it a day', async () => {
        let t = 1_000_000;
        const a = new SqlDeliveryLedger(db, () => t);
        const b = new SqlDeliveryLedger(await another(), () => t);
        const raced = await Promise.all([a.claim('slack|T1|C1|1.2', { holder: 'A', holdMs: 30_000 }), b.claim('slack|T1|C1|1.2', { holder: 'B', holdMs: 30_000 })]);
        expect(raced.filter(Boolean)).toHaveLength(1);
        expect(await a.claim('slack|T1|C1|1.2', { holder: 'A', holdMs: 30_000 })).toBe(false);
        t += 30_000;
        expect(await b.claim('slack|T1|C1|1.2', { holder: 'B', holdMs: 30_000 })).toBe(true);
        await b.done('slack|T1|C1|1.2', 3600_000);
        t += 3599_000;
        expect(await a.claim('slack|T1|C1|1.2', { holder: 'A', holdMs: 30_000 })).toBe(false);
        t += 1000;
        expect(await a.sweep()).toBe(1);
        expect(await a.claim('slack|T1|C1|1.2', { holder: 'A', holdMs: 30_000 })).toBe(true);
      });
    });

    describe('answers kept for Share', () => {
      it('one process keeps an answer, another reads it back (a press reaching another replica); unknown and expired ids read nothing', async () => {
        let t = 2_000_000;
        const writes = new HotWrites(new RetryQueue());
        const a = new SqlSharedAnswers(db, writes, 60_000, () => t);
        const b = new SqlSharedAnswers(await another(), writes, 60_000, () => t);
        const id = await a.put({ kind: 'answer', title: 'Energy', items: [1, 2] });
        expect(id.length).toBeLessThanOrEqual(32);
        expect(await b.get(id)).toEqual({ kind: 'answer', title: 'Energy', items: [1, 2] });
        expect(await b.get('no-such-id')).toBeUndefined();
        t += 60_000;
        expect(await new SqlSharedAnswers(await another(), writes, 60_000, () => t).get(id)).toBeUndefined();
        await a.put({ title: 'later' }); // each put sweeps expired ones
        expect(await all(db, 'SELECT COUNT(*) AS n FROM shared_answers')).toEqual([{ n: 1 }]);
      });
    });

    describe("the store's answered-messages ledger", () => {
      it('answers a repeat in this process without the database, and a key held by another process not at all', async () => {
        const a = await place.openStore();
        const b = await place.openStore();
        try {
          expect(await a.deliveries.claim('slack:T1:C1:5.5', { holder: 'A', holdMs: 30_000 })).toBe(true);
          expect(await b.deliveries.claim('slack:T1:C1:5.5', { holder: 'B', holdMs: 30_000 })).toBe(false);
          await a.deliveries.done('slack:T1:C1:5.5');
          await a.driver.exec('DELETE FROM delivered_messages'); // both processes still remember it
          expect(await a.deliveries.claim('slack:T1:C1:5.5', { holder: 'A', holdMs: 30_000 })).toBe(false);
          expect(await b.deliveries.claim('slack:T1:C1:5.5', { holder: 'B', holdMs: 30_000 })).toBe(false);
          // A third process, which never saw it, goes by the rows: gone, so it answers.
          const c = await place.openStore();
          expect(await c.deliveries.claim('slack:T1:C1:5.5', { holder: 'C', holdMs: 30_000 })).toBe(true);
          await c.close();
        } finally {
          await a.close();
          await b.close();
        }
      });

      it('a busy database never costs an answer: the claim counts as won and the row is written once the database answers', async () => {
        const store = await place.openStore();
        try {
          let busy = true;
          const rows = new SqlDeliveryLedger(store.driver);
          const flaky: DeliveryLedger = {
            claim: (k, c) => (busy ? Promise.reject(Object.assign(new Error('locked'), { code: kind.name === 'sqlite' ? 'SQLITE_BUSY' : '55P03' })) : rows.claim(k, c)),
            done: (k, keep) => (busy ? Promise.reject(Object.assign(new Error('locked'), { code: 'STORAGE_BUSY' })) : rows.done(k, keep)),
            sweep: () => rows.sweep(),
          };
          const queue = new RetryQueue({ minDelayMs: 10 });
          const ledger = new HotPathDeliveryLedger(flaky, new HotWrites(queue));
          expect(await ledger.claim('discord:G1:C1:42', { holder: 'A', holdMs: 30_000 })).toBe(true);
          await ledger.done('discord:G1:C1:42');
          expect(queue.pending).toBe(2);
          expect(await all(store.driver, 'SELECT key FROM delivered_messages')).toEqual([]);
          busy = false;
          await queue.flush();
          expect(queue.pending).toBe(0);
          expect(await all(store.driver, 'SELECT key, holder FROM delivered_messages')).toEqual([{ key: 'discord:G1:C1:42', holder: null }]);
          await queue.close();
        } finally {
          await store.close();
        }
      });
    });

    describe('rate-limit buckets', () => {
      it('counts a user across processes, refills over time, tells the limited user once per window', async () => {
        let t = 5_000_000;
        const a = new SqlRateBuckets(db, () => t);
        const b = new SqlRateBuckets(await another(), () => t);
        const ask = { userKey: 'u|slack|T1|U1', userPerMin: 3, channelKey: 'c|slack|T1|C1', channelPerMin: 10 };
        const first = await Promise.all([a.take(ask), b.take(ask), a.take(ask)]);
        expect(first.every((r) => r.ok)).toBe(true);
        const limited = await b.take(ask);
        expect(limited).toMatchObject({ ok: false, scope: 'user', perMin: 3, alreadyTold: false });
        expect((limited as { waitMs: number }).waitMs).toBeCloseTo(20_000, -2);
        expect(await a.take(ask)).toMatchObject({ ok: false, alreadyTold: true });
        t += 20_000; // one token back
        expect(await a.take(ask)).toEqual({ ok: true });
        const busy = { userPerMin: 3, channelKey: 'c|slack|T1|C2', channelPerMin: 1 };
        expect(await a.take({ ...busy, userKey: 'u|slack|T1|U2' })).toEqual({ ok: true });
        expect(await b.take({ ...busy, userKey: 'u|slack|T1|U3' })).toMatchObject({ ok: false, scope: 'channel', alreadyTold: false });
        t += 3600_000;
        expect(await a.sweep(60_000)).toBe(5);
      });
    });

    describe('unanswered questions', () => {
      it('keeps them in order, scrubbed of secrets, at most 200 characters each', async () => {
        registerSecret('s3cr3t-finnhub-key');
        const log = new SqlUnansweredLog(db);
        await log.record({ at: '2026-04-01T09:00:00.000Z', query: 'tesla', lang: 'en', platform: 'slack', workspace: 'T1' });
        await log.record({ at: '2026-04-01T09:01:00.000Z', query: `my key is s3cr3t-finnhub-key and ${FAKE_SLACK_BOT_TOKEN}`, lang: 'en', platform: 'discord' });
        await log.record({ at: '2026-04-01T09:02:00.000Z', query: 'x'.repeat(500), lang: 'fr', platform: 'slack' });
        const rows = await new SqlUnansweredLog(await another()).list();
        expect(rows.map((r) => r.query.slice(0, 40))).toEqual(['tesla', 'my key is [redacted] and [redacted]', 'x'.repeat(40)]);
        expect(rows[2]!.query).toHaveLength(200);
        expect(rows.map((r) => r.workspace)).toEqual(['T1', undefined, undefined]);
        expect((await log.list(1)).map((r) => r.at)).toEqual(['2026-04-01T09:02:00.000Z']);
      });
    });

    describe("each channel's deal", () => {
      it('set, read back by another process, replaced, cleared; channels are apart', async () => {
        let t = Date.parse('2027-03-10T09:00:00Z');
        const a = new SqlChannelDeals(db, () => t);
        const b = new SqlChannelDeals(await another(), () => t);
        expect(await a.get(C1)).toBeUndefined();
        expect(await a.set(C1, 'northwind-kestrel', 'boss')).toEqual({ deal: 'northwind-kestrel', setBy: 'boss', setAt: '2027-03-10T09:00:00.000Z' });
        expect(await b.get(C1)).toEqual({ deal: 'northwind-kestrel', setBy: 'boss', setAt: '2027-03-10T09:00:00.000Z' });
        t += 60_000;
        await b.set(C1, 'openai-nvidia', 'alice');
        expect(await a.get(C1)).toMatchObject({ deal: 'openai-nvidia', setBy: 'alice', setAt: '2027-03-10T09:01:00.000Z' });
        await a.set({ platform: 'discord', id: 'C1', workspace: 'G1' }, 'northwind-kestrel', 'mod');
        expect(await b.clear(C1)).toBe(true);
        expect(await a.clear(C1)).toBe(false);
        expect(await a.get(C1)).toBeUndefined();
        expect((await b.get({ platform: 'discord', id: 'C1' }))?.deal).toBe('northwind-kestrel');
      });

      it('subscriptions, alert rules and summary snapshots keep their deal', async () => {
        const subs = new SubscriptionStore(db, () => new Date(1000));
        await subs.subscribe({ channel: C1, time: '09:00', timezone: 'UTC', lang: 'en', by: 'alice', deal: 'northwind-kestrel' });
        expect((await new SubscriptionStore(await another()).get(C1))?.deal).toBe('northwind-kestrel');
        await subs.subscribe({ channel: C1, time: '09:00', timezone: 'UTC', lang: 'en', by: 'alice' });
        expect((await subs.get(C1))?.deal).toBeUndefined(); // follows the channel's deal again

        const rules = new AlertStore(db, () => new Date(1000));
        await rules.set({ channel: C1, kind: 'facts', subject: '*', thresholdPct: null, direction: 'both', cooldownMs: null, lang: 'en', timezone: 'UTC', by: 'alice', deal: 'openai-nvidia', baseline: new Map([['f1', 'h1']]) });
        await rules.set({ channel: C1, kind: 'facts', subject: '*', thresholdPct: null, direction: 'both', cooldownMs: null, lang: 'en', timezone: 'UTC', by: 'alice', deal: 'northwind-kestrel', baseline: new Map([['n1', 'h9']]) });
        expect(await new AlertStore(await another()).get(C1, 'facts', '*')).toMatchObject({ deal: 'northwind-kestrel', baseline: { n1: 'h9' } });

        const ledger = new PostLedger(db);
        const info = { slot: '2027-03-10 09:00', kind: 'summary' as const, localDate: '2027-03-10' };
        const claim = (await ledger.claim(C1, info, 'A', 1000, 60_000))!;
        await ledger.markSent(claim, 'm1', 2000, { snapshot: { fingerprint: 'fp', factHashes: new Map([['n1', 'h9']]), deal: 'northwind-kestrel' } });
        expect(await new PostLedger(await another()).snapshot(C1)).toMatchObject({ fingerprint: 'fp', deal: 'northwind-kestrel', factHashes: { n1: 'h9' } });
      });
    });

    describe('feedback', () => {
      const answer = { id: 'A1', platform: 'slack', workspace: 'T1', channelId: 'C1', query: 'how much will nvidia invest?', lang: 'en', factIds: ['f1', 'f2'], baseVersion: 'v1', at: Date.now() };

      it('a vote changed twice keeps one row per user; another user adds one; votes on unknown answers are refused', async () => {
        const a = new SqlFeedbackStore(db);
        const b = new SqlFeedbackStore(await another());
        await a.record(answer);
        expect(await b.get('A1')).toEqual(answer);
        const vote = { answerId: 'A1', userId: 'U1', platform: 'slack', workspace: 'T1', at: 2000 };
        expect(await a.vote({ ...vote, vote: 1 })).toBe(true);
        expect(await b.vote({ ...vote, vote: -1, at: 3000 })).toBe(true);
        expect(await a.comment('A1', 'U1', 'the date of the second phase')).toBe(true);
        expect(await b.vote({ ...vote, vote: -1, at: 4000 })).toBe(true); // voting again replaces the vote and its comment
        expect(await all(db, 'SELECT user_id, vote, comment FROM feedback_votes')).toEqual([{ user_id: 'U1', vote: -1, comment: null }]);
        expect(await a.comment('A1', 'U1', 'when the contract is signed')).toBe(true);
        await a.vote({ ...vote, userId: 'U2', vote: 1 });
        expect(await a.comment('A1', 'U2', 'a comment on a 👍 is not kept')).toBe(false);
        expect(await a.vote({ ...vote, answerId: 'nope', vote: -1 })).toBe(false);
        expect(await b.counts()).toEqual([{ platform: 'slack', workspace: 'T1', up: 1, down: 1 }]);
        const { at: _at, ...shown } = answer;
        expect(await b.downVotes()).toEqual([{ ...shown, answeredAt: 1000, userId: 'U1', comment: 'when the contract is signed', votedAt: 4000 }].map((d) => ({ ...d, answeredAt: answer.at })));
        expect(await b.downVotes({ workspace: 'T2' })).toEqual([]);
      });

      it('the answers recorded in one turn are written in one transaction, each readable after', async () => {
        const batch = new TurnBatch(db);
        const store = new SqlFeedbackStore(db, undefined, Date.now, batch);
        await Promise.all(['B1', 'B2', 'B3'].map((id) => store.record({ ...answer, id })));
        expect((await Promise.all(['B1', 'B2', 'B3'].map((id) => store.get(id)))).map((r) => r?.id)).toEqual(['B1', 'B2', 'B3']);
        // One transaction: a write of the turn that fails takes the others of its turn with it, and each caller hears of it.
        const failing = batch.run((q) => q.exec('INSERT INTO no_such_table VALUES (1)'));
        const kept = store.record({ ...answer, id: 'B4' });
        await expect(failing).rejects.toThrow();
        await expect(kept).rejects.toThrow();
        expect(await store.get('B4')).toBeUndefined();
        await store.record({ ...answer, id: 'B5' }); // alone in its turn
        expect(await store.get('B5')).toBeDefined();
      });

      it('unvoted answers are pruned after their time; voted ones stay', async () => {
        let t = answer.at;
        const store = new SqlFeedbackStore(db, undefined, () => t);
        await store.record(answer);
        await store.record({ ...answer, id: 'A2' });
        await store.vote({ answerId: 'A2', userId: 'U1', platform: 'slack', workspace: 'T1', vote: -1, at: 1000 });
        t += RECORD_TTL_MS + 1;
        expect(await store.prune()).toBe(1);
        expect(await store.get('A1')).toBeUndefined();
        expect(await store.get('A2')).toBeDefined();
      });
    });

    describe('thread contexts', () => {
      it('one process keeps what a thread was about, another reads it; it expires', async () => {
        let t = 0;
        const writes = new HotWrites(new RetryQueue());
        const a = new SqlThreadContexts(db, writes, () => t);
        const b = new SqlThreadContexts(await another(), writes, () => t);
        await a.put('slack:T1:C1:1.0', { subject: 'energy', lang: 'en' }, 60_000);
        expect(await b.get('slack:T1:C1:1.0')).toEqual({ subject: 'energy', lang: 'en' });
        expect(await b.get('slack:T1:C1:2.0')).toBeUndefined();
        await b.put('slack:T1:C1:1.0', { subject: 'timeline', lang: 'fr' }, 60_000);
        t += 30_000;
        expect(await new SqlThreadContexts(db, writes, () => t).get('slack:T1:C1:1.0')).toEqual({ subject: 'timeline', lang: 'fr' });
        t += 31_000;
        expect(await new SqlThreadContexts(db, writes, () => t).get('slack:T1:C1:1.0')).toBeUndefined();
      });
    });

    describe('language settings', () => {
      it('per user and per workspace, set, replaced and cleared', async () => {
        const a = new SqlUserSettings(db);
        const alice = { platform: 'discord', workspace: 'G1', user: 'U1' };
        await a.setLang(alice, 'fr');
        await a.setLang({ ...alice, user: WORKSPACE_USER }, 'en');
        const b = new SqlUserSettings(await another());
        expect(await b.lang(alice)).toBe('fr');
        expect(await b.lang({ ...alice, user: WORKSPACE_USER })).toBe('en');
        expect(await b.lang({ ...alice, workspace: 'G2' })).toBeUndefined();
        await a.setLang(alice, 'en');
        expect(await new SqlUserSettings(await another()).lang(alice)).toBe('en');
        await a.setLang(alice, undefined);
        expect(await new SqlUserSettings(await another()).lang(alice)).toBeUndefined();
      });
    });

    describe('installations', () => {
      it('one row per workspace, replaced on reinstall, listed without bodies, deleted on uninstall', async () => {
        const a = new SqlInstallations(db);
        await a.put('slack', { id: 'T1', teamId: 'T1', body: 'sealed-1' });
        await a.put('slack', { id: 'E1', enterpriseId: 'E1', body: 'sealed-e' });
        await a.put('slack', { id: 'T1', teamId: 'T1', body: 'sealed-2' });
        const b = new SqlInstallations(await another());
        expect(await b.get('slack', 'T1')).toEqual({ id: 'T1', teamId: 'T1', body: 'sealed-2' });
        expect((await b.list('slack')).map((r) => r.id).sort()).toEqual(['E1', 'T1']);
        expect(await b.list('discord')).toEqual([]);
        expect(await b.delete('slack', 'T1')).toBe(true);
        expect(await a.delete('slack', 'T1')).toBe(false);
        expect(await a.get('slack', 'T1')).toBeUndefined();
      });
    });

    describe('signed requests already seen (replay protection)', () => {
      it('a signature is accepted once across processes, refused while remembered, accepted again once expired', async () => {
        let t = 1_000_000;
        const a = new SqlReplayLedger(db, () => t);
        const b = new SqlReplayLedger(await another(), () => t);
        const tries = await Promise.all([a.firstSeen('slack:v0=abc', 600_000), b.firstSeen('slack:v0=abc', 600_000), b.firstSeen('slack:v0=abc', 600_000)]);
        expect(tries.filter(Boolean)).toHaveLength(1);
        expect(await a.firstSeen('discord:abc', 600_000)).toBe(true); // another platform's key is another key
        t += 600_001;
        expect(await b.firstSeen('slack:v0=abc', 600_000)).toBe(true);
        expect(await a.sweep()).toBe(1); // discord:abc expired
      });

      it('the rows of the requests read in one turn are written together, each key answered by its own row', async () => {
        const batch = new BatchedReplayRows(new TurnBatch(db), db, () => 2_000_000);
        const other = new SqlReplayLedger(await another(), () => 2_000_000);
        const firsts = await Promise.all(['k1', 'k2', 'k1', 'k3'].map((k) => batch.firstSeen(`slack:${k}`, 600_000)));
        expect(firsts).toEqual([true, true, false, true]); // k1 twice in one turn: the second is a replay
        expect(await other.firstSeen('slack:k2', 600_000)).toBe(false);
        expect(await batch.firstSeen('slack:k4', 600_000)).toBe(true); // alone in its turn
        expect(await batch.firstSeen('slack:k3', 600_000)).toBe(false);
      });

      it("the store's ledger refuses a replay to this process without a query, and one to another replica through the rows", async () => {
        const a = await place.openStore();
        const b = await place.openStore();
        try {
          expect(await a.replays.firstSeen('slack:v0=def', 600_000)).toBe(true);
          await a.driver.exec('DELETE FROM seen_requests');
          expect(await a.replays.firstSeen('slack:v0=def', 600_000)).toBe(false); // memory
          await a.replays.firstSeen('slack:v0=ghi', 600_000);
          expect(await b.replays.firstSeen('slack:v0=ghi', 600_000)).toBe(false); // rows
        } finally {
          await a.close();
          await b.close();
        }
      });
    });

    describe('the write probe', () => {
      it('writes one row per process; a SQLite file deleted or replaced under the store is "lost"', async () => {
        const store = await place.openStore();
        try {
          await store.probe('r1');
          await store.probe('r1');
          await store.probe('r2');
          expect((await all<{ replica: string }>(store.driver, 'SELECT replica FROM store_probe ORDER BY replica')).map((r) => r.replica)).toEqual(['r1', 'r2']);
          if (kind.name !== 'sqlite') return;
          const file = store.location;
          copyFileSync(file, `${file}.copy`);
          renameSync(`${file}.copy`, file);
          await expect(store.probe('r1')).rejects.toBeInstanceOf(StoreLostError);
          rmSync(file);
          await expect(store.probe('r1')).rejects.toThrow(/was deleted while dealbot ran/);
        } finally {
          await store.close();
        }
      });
    });

    describe('leases', () => {
      it('one holder at a time, renewed by it, taken over once expired, given up on release', async () => {
        let t = 0;
        const a = new SqlLeases(db, () => t);
        const b = new SqlLeases(await another(), () => t);
        const raced = await Promise.all([a.acquire('discord-gateway', 'A', 15_000), b.acquire('discord-gateway', 'B', 15_000)]);
        expect(raced.filter(Boolean)).toHaveLength(1);
        const [winner, loser, wName, lName] = raced[0] ? [a, b, 'A', 'B'] : [b, a, 'B', 'A'];
        t += 10_000;
        expect(await winner.acquire('discord-gateway', wName, 15_000)).toBe(true); // renewed to 25 s
        t += 10_000;
        expect(await loser.acquire('discord-gateway', lName, 15_000)).toBe(false);
        expect(await loser.holder('discord-gateway')).toBe(wName);
        t += 5_000;
        expect(await loser.acquire('discord-gateway', lName, 15_000)).toBe(true);
        await winner.release('discord-gateway', wName); // not its lease any more: nothing happens
        expect(await winner.holder('discord-gateway')).toBe(lName);
        await loser.release('discord-gateway', lName);
        expect(await winner.holder('discord-gateway')).toBeUndefined();
      });
    });

    describe('caches and alert rules', () => {
      it('exchange holidays: replaced whole, read by every process after it loads them', async () => {
        const a = new MarketHolidayStore(db);
        await a.replace(XNYS, [{ date: '2026-04-03', name: 'Good Friday', tradingHours: null, source: 'Finnhub' }, { date: '2026-11-27', name: 'Day after Thanksgiving', tradingHours: '09:30-13:00', source: 'Finnhub' }], new Date(1000));
        const b = new MarketHolidayStore(await another());
        expect(b.get(XNYS, '2026-04-03')).toBeUndefined(); // not loaded yet
        await b.load(XNYS);
        expect(b.get(XNYS, '2026-11-27')).toEqual({ date: '2026-11-27', name: 'Day after Thanksgiving', tradingHours: '09:30-13:00', source: 'Finnhub' });
        expect(await b.fetchedAt(XNYS)).toBe(1000);
        await a.replace(XNYS, [], new Date(2000));
        await b.load(XNYS);
        expect(b.get(XNYS, '2026-04-03')).toBeUndefined();
      });

      it('quote cache: last good quote per symbol', async () => {
        const cache = new QuoteCache(db);
        await cache.put({ symbol: 'NVDA', price: 187.12, change: -1.5, changePercent: -0.8, previousClose: 188.62, asOf: new Date(5000) }, 'Finnhub', new Date(6000));
        await cache.put({ symbol: 'NVDA', price: 190.5, change: null, changePercent: null, previousClose: null, asOf: new Date(7000) }, 'Finnhub', new Date(8000));
        expect(await new QuoteCache(await another()).get('NVDA')).toEqual({ symbol: 'NVDA', price: 190.5, change: null, changePercent: null, previousClose: null, asOf: new Date(7000), provider: 'Finnhub', stale: true, fetchedAt: new Date(8000) });
        expect(await cache.get('AMD')).toBeUndefined();
      });

      it('alert rules: set, update keeping the baseline, list, remove', async () => {
        const rules = new AlertStore(db, () => new Date(1000));
        await rules.set({ channel: C1, kind: 'facts', subject: '*', thresholdPct: null, direction: 'both', cooldownMs: 900_000, lang: 'en', timezone: 'UTC', by: 'alice', baseline: new Map([['f1', 'h1']]) });
        await rules.set({ channel: C1, kind: 'facts', subject: '*', thresholdPct: null, direction: 'both', cooldownMs: 60_000, lang: 'fr', timezone: 'UTC', by: 'bob' });
        await rules.set({ channel: C1, kind: 'price', subject: 'NVDA', thresholdPct: 2.5, direction: 'up', cooldownMs: null, lang: 'en', timezone: 'UTC', by: 'bob' });
        expect(await rules.get(C1, 'facts', '*')).toMatchObject({ cooldownMs: 60_000, lang: 'fr', baseline: { f1: 'h1' }, createdBy: 'bob' });
        await rules.setBaseline(C1, new Map([['f2', 'h2']]));
        const other = new AlertStore(await another());
        expect((await other.list(C1)).map((r) => [r.kind, r.subject, r.thresholdPct])).toEqual([['price', 'NVDA', 2.5], ['facts', '*', null]]);
        expect((await other.get(C1, 'facts', '*'))?.baseline).toEqual({ f2: 'h2' });
        expect(await other.remove(C1, 'price', 'NVDA')).toBe(true);
        expect(await rules.list()).toHaveLength(1);
      });
    });

    describe('the store', () => {
      it('opens with its own connections, says where it is, and closes', async () => {
        const store = await place.openStore();
        expect(store.dialect).toBe(kind.name);
        expect(store.shared).toBe(kind.name === 'postgres');
        expect(store.location).not.toMatch(/:[^/@]+@/); // no password shown
        expect(await store.deliveries.claim('k', { holder: 'x', holdMs: 1000 })).toBe(true);
        expect(await store.leases.acquire('l', 'x', 1000)).toBe(true);
        await store.close();
      });
    });
  });
}

describe('busy errors', () => {
  it('SQLite lock errors and PostgreSQL lock timeouts, serialization failures and pool timeouts are "busy, try again"', () => {
    expect(isBusy({ code: 'SQLITE_BUSY' })).toBe(true);
    expect(isBusy({ code: 'SQLITE_BUSY_SNAPSHOT' })).toBe(true);
    expect(isBusy({ code: '55P03' })).toBe(true);
    expect(isBusy({ code: '40001' })).toBe(true);
    expect(isBusy(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isBusy({ code: '23505' })).toBe(false);
    expect(isBusy(new Error('syntax error'))).toBe(false);
  });
});
