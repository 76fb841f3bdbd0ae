import { join } from 'node:path';
import { Cron } from 'croner';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef, Platform } from '../../src/core/command.ts';
import type { FactBase } from '../../src/facts/load.ts';
import { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { PostLedger } from '../../src/summary/ledger.ts';
import { MarketData, MarketDataError, QuoteCache, type MarketDataProvider } from '../../src/summary/market.ts';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../src/summary/scheduler.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { dueInstant, localDate, offsetMs, wallTime } from '../../src/summary/time.ts';
import { deferred, fixtureBase, ManualClock, RecordingPublisher, tempDir } from './helpers.ts';

const base: FactBase = fixtureBase();
const channel = (id: string, platform: Platform = 'slack'): ChannelRef => ({ platform, id, workspace: 'T1' });
const wall = (at: Date, tz: string) => {
  const w = wallTime(at, tz);
  return `${localDate(at, tz)} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

/** One bot process: its own connection to the database file, its scheduler and its publishers. */
class Proc {
  readonly db: Db;
  readonly subs: SubscriptionStore;
  readonly ledger: PostLedger;
  readonly slack: RecordingPublisher;
  readonly discord: RecordingPublisher;
  readonly scheduler: Scheduler;

  constructor(path: string, readonly clock: ManualClock, opts: Partial<SchedulerOptions> & { platforms?: Platform[]; provider?: MarketDataProvider } = {}) {
    this.db = Db.open(path);
    this.subs = new SubscriptionStore(this.db, clock.now);
    this.ledger = new PostLedger(this.db);
    this.slack = new RecordingPublisher('slack', clock);
    this.discord = new RecordingPublisher('discord', clock);
    const all = new Map<Platform, RecordingPublisher>([['slack', this.slack], ['discord', this.discord]]);
    const platforms = opts.platforms ?? ['slack', 'discord'];
    this.scheduler = createScheduler({
      subscriptions: this.subs,
      ledger: this.ledger,
      market: new MarketData({ cache: new QuoteCache(this.db), now: clock.now, provider: opts.provider }),
      base: () => base,
      publishers: new Map(platforms.map((p) => [p, all.get(p)!])),
      clock,
      pollMs: 15 * 60_000,
      ...opts,
    });
  }

  get posts() {
    return [...this.slack.posts, ...this.discord.posts];
  }

  advanceTo(iso: string): Promise<void> {
    return this.clock.advanceTo(iso, () => this.scheduler.idle());
  }

  async close(): Promise<void> {
    await this.scheduler.stop();
    await this.db.close();
  }
}

describe('scheduler', () => {
  let tmp: ReturnType<typeof tempDir>;
  let path: string;
  const procs: Proc[] = [];
  const proc = (clock: ManualClock, opts?: ConstructorParameters<typeof Proc>[2]) => {
    const p = new Proc(path, clock, opts);
    procs.push(p);
    return p;
  };

  beforeEach(() => {
    tmp = tempDir();
    path = join(tmp.dir, 'dealbot.db');
  });
  afterEach(async () => {
    for (const p of procs.splice(0)) if (p.db.db.open) await p.close();
    tmp.cleanup();
  });

  describe('DST days, moving the clock through start()', () => {
    const cases = [
      { name: 'Europe/Paris spring forward: 02:30 does not exist, posts once at 03:00', tz: 'Europe/Paris', time: '02:30', from: '2026-03-28T10:00:00Z', to: '2026-03-31T00:00:00Z', day: '2026-03-29', expected: ['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z'], localOnDay: '2026-03-29 03:00' },
      { name: 'Europe/Paris fall back: 02:30 happens twice, posts once (the first)', tz: 'Europe/Paris', time: '02:30', from: '2026-10-24T10:00:00Z', to: '2026-10-27T00:00:00Z', day: '2026-10-25', expected: ['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'], localOnDay: '2026-10-25 02:30' },
      { name: 'America/New_York spring forward: 02:30 posts once at 03:00', tz: 'America/New_York', time: '02:30', from: '2026-03-07T12:00:00Z', to: '2026-03-10T00:00:00Z', day: '2026-03-08', expected: ['2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z'], localOnDay: '2026-03-08 03:00' },
      { name: 'America/New_York fall back: 01:30 happens twice, posts once', tz: 'America/New_York', time: '01:30', from: '2026-10-31T12:00:00Z', to: '2026-11-03T00:00:00Z', day: '2026-11-01', expected: ['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z'], localOnDay: '2026-11-01 01:30' },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const clock = ManualClock.at(c.from);
        const p = proc(clock);
        await p.subs.subscribe({ channel: channel('C-dst'), time: c.time, timezone: c.tz, lang: 'en', by: 'U1' });
        p.scheduler.start();
        await p.advanceTo(c.to);

        expect(p.posts.map((x) => x.at.toISOString())).toEqual(c.expected);
        const onDay = p.posts.filter((x) => localDate(x.at, c.tz) === c.day);
        expect(onDay).toHaveLength(1);
        expect(wall(onDay[0]!.at, c.tz)).toBe(c.localOnDay);
        expect(await p.ledger.get(channel('C-dst'), `${c.day} ${c.time}`)).toMatchObject({ state: 'sent', messageId: onDay[0]!.messageId });
        expect(p.posts.every((x) => x.reply.kind === 'summary')).toBe(true);
      });
    }
  });

  it('posts at each channel’s local time in several timezones, once a day, in its language', async () => {
    const clock = ManualClock.at('2026-06-01T00:00:01Z');
    const p = proc(clock);
    const zones = [
      { id: 'C-tokyo', tz: 'Asia/Tokyo', lang: 'fr' as const, utc: ['2026-06-02T00:00:00.000Z', '2026-06-03T00:00:00.000Z'] }, // 09:00 on 1 June passed a second before subscribing
      { id: 'C-kolkata', tz: 'Asia/Kolkata', lang: 'en' as const, utc: ['2026-06-01T03:30:00.000Z', '2026-06-02T03:30:00.000Z'] },
      { id: 'C-utc', tz: 'UTC', lang: 'en' as const, utc: ['2026-06-01T09:00:00.000Z', '2026-06-02T09:00:00.000Z'] },
      { id: 'C-la', tz: 'America/Los_Angeles', lang: 'fr' as const, utc: ['2026-06-01T16:00:00.000Z', '2026-06-02T16:00:00.000Z'] },
      { id: 'C-chatham', tz: 'Pacific/Chatham', lang: 'en' as const, utc: ['2026-06-01T20:15:00.000Z', '2026-06-02T20:15:00.000Z'] }, // UTC+12:45
    ];
    for (const z of zones) await p.subs.subscribe({ channel: channel(z.id, z.id === 'C-la' ? 'discord' : 'slack'), time: '09:00', timezone: z.tz, lang: z.lang, by: 'U1' });
    p.scheduler.start();
    await p.advanceTo('2026-06-03T01:00:00Z');

    for (const z of zones) {
      const mine = p.posts.filter((x) => x.channel.id === z.id);
      expect(mine.map((x) => x.at.toISOString()), z.tz).toEqual(z.utc);
      expect(mine.every((x) => wall(x.at, z.tz).endsWith('09:00'))).toBe(true);
      expect(mine.every((x) => x.reply.lang === z.lang)).toBe(true);
    }
    expect(p.discord.posts.every((x) => x.channel.id === 'C-la')).toBe(true);
    // Asleep until the next due time (or the poll), never busy-waiting.
    expect(clock.pending()).toBe(1);
  });

  it('catches up on a post missed while down, until the end of that local day, never twice', async () => {
    const tz = 'Europe/Paris';
    const clock = ManualClock.at('2026-04-01T06:00:00Z'); // 08:00 in Paris
    const first = proc(clock);
    await first.subs.subscribe({ channel: channel('C1'), time: '09:00', timezone: tz, lang: 'en', by: 'U1' });
    first.scheduler.start();
    await first.advanceTo('2026-04-01T06:30:00Z');
    await first.close(); // down from 08:30 to 11:00 local: the 09:00 post is missed
    expect(first.posts).toHaveLength(0);

    clock.set('2026-04-01T09:00:00Z');
    const second = proc(clock);
    second.scheduler.start();
    await second.scheduler.idle();
    expect(second.posts.map((x) => x.at.toISOString())).toEqual(['2026-04-01T09:00:00.000Z']);
    await second.close();

    clock.set('2026-04-01T10:00:00Z'); // restarted again the same day: nothing more
    const third = proc(clock);
    third.scheduler.start();
    await third.scheduler.idle();
    expect(third.posts).toHaveLength(0);
    await third.close();

    clock.set('2026-04-02T21:59:00Z'); // 23:59 local on 2 April: still that day, so it goes out
    const late = proc(clock);
    late.scheduler.start();
    await late.scheduler.idle();
    expect(late.posts.map((x) => localDate(x.at, tz))).toEqual(['2026-04-02']);
    await late.close();

    clock.set('2026-04-03T22:00:00Z'); // 00:00 on 4 April: 3 April's post is gone for good
    const nextDay = proc(clock);
    nextDay.scheduler.start();
    await nextDay.scheduler.idle();
    expect(nextDay.posts).toHaveLength(0);
    expect(await nextDay.ledger.get(channel('C1'), '2026-04-03 09:00')).toBeUndefined();
    await nextDay.advanceTo('2026-04-04T07:00:00Z'); // and 4 April's at 09:00 as usual
    expect(nextDay.posts.map((x) => wall(x.at, tz))).toEqual(['2026-04-04 09:00']);
  });

  it('does not post a surprise summary when a channel subscribes after today’s time', async () => {
    const clock = ManualClock.at('2026-05-05T15:00:00Z');
    const p = proc(clock);
    await p.subs.subscribe({ channel: channel('C1'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
    p.scheduler.start();
    await p.advanceTo('2026-05-06T08:59:00Z');
    expect(p.posts).toHaveLength(0);
    await p.advanceTo('2026-05-06T09:00:00Z');
    expect(p.posts.map((x) => x.at.toISOString())).toEqual(['2026-05-06T09:00:00.000Z']);
  });

  it('retries a claim left by a crash between claim and send once the lease has expired', async () => {
    const clock = ManualClock.at('2026-04-01T09:00:00Z');
    const leaseMs = 10 * 60_000;
    const crashed = proc(clock, { leaseMs, owner: 'crashed' });
    await crashed.subs.subscribe({ channel: channel('C1'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
    clock.set('2026-04-01T09:00:00Z');
    // The process claims, then dies while sending: its post never completes.
    crashed.slack.gate = () => new Promise(() => {});
    void crashed.scheduler.tick(new Date('2026-04-01T09:00:00Z'));
    await new Promise((r) => setImmediate(r));
    expect(await crashed.ledger.get(channel('C1'), '2026-04-01 09:00')).toMatchObject({ state: 'claimed', owner: 'crashed', attempts: 1 });
    await crashed.db.close(); // no stop(): a crash releases nothing
    procs.splice(procs.indexOf(crashed), 1);

    const restarted = proc(clock, { leaseMs, owner: 'restarted' });
    expect(await restarted.scheduler.tick(new Date('2026-04-01T09:05:00Z'))).toEqual([]); // lease still running
    expect(restarted.posts).toHaveLength(0);
    const events = await restarted.scheduler.tick(new Date('2026-04-01T09:10:01Z'));
    expect(events).toMatchObject([{ ok: true, localDate: '2026-04-01' }]);
    expect(restarted.posts).toHaveLength(1);
    expect(await restarted.ledger.get(channel('C1'), '2026-04-01 09:00')).toMatchObject({ state: 'sent', owner: 'restarted', attempts: 2, messageId: restarted.posts[0]!.messageId });
    expect(await restarted.scheduler.tick(new Date('2026-04-01T09:30:00Z'))).toEqual([]);
    expect(restarted.posts).toHaveLength(1);
  });

  it('two schedulers on one database file post once, even while one is mid-send', async () => {
    const clock = ManualClock.at('2026-04-01T08:00:00Z');
    const a = proc(clock, { owner: 'A' });
    const b = proc(clock, { owner: 'B' });
    for (const id of ['C1', 'C2', 'C3']) await a.subs.subscribe({ channel: channel(id), time: '09:00', timezone: 'Europe/London', lang: 'en', by: 'U1' });
    // A is slow to send: B runs while A holds its claims.
    const release = deferred();
    a.slack.gate = () => release.promise;
    const at = new Date('2026-04-01T08:00:00Z'); // 09:00 in London (BST)
    const aRun = a.scheduler.tick(at);
    const bRun = b.scheduler.tick(at);
    await bRun;
    release.resolve();
    await aRun;
    await Promise.all([a.scheduler.tick(new Date('2026-04-01T08:30:00Z')), b.scheduler.tick(new Date('2026-04-01T08:30:00Z'))]);

    const all = [...a.posts, ...b.posts];
    expect(all.map((x) => x.channel.id).sort()).toEqual(['C1', 'C2', 'C3']);
    // Both ran the same instants with both publishers: each post went out exactly once.
    expect(a.posts.length + b.posts.length).toBe(3);
    expect(b.posts.length).toBeGreaterThan(0); // B did not just wait for A: it took the channels A had not claimed yet
  });

  it('two schedulers started together through their timers post once per channel per day', async () => {
    const clock = ManualClock.at('2026-09-01T00:00:00Z');
    const a = proc(clock, { owner: 'A' });
    const b = proc(clock, { owner: 'B' });
    await a.subs.subscribe({ channel: channel('C1'), time: '07:45', timezone: 'Asia/Singapore', lang: 'en', by: 'U1' });
    await b.subs.subscribe({ channel: channel('D1', 'discord'), time: '18:00', timezone: 'America/Sao_Paulo', lang: 'fr', by: 'U2' });
    a.scheduler.start();
    b.scheduler.start();
    await clock.advanceTo('2026-09-04T00:00:00Z', async () => {
      await a.scheduler.idle();
      await b.scheduler.idle();
    });
    const all = [...a.posts, ...b.posts];
    const perDay = (id: string, tz: string) => all.filter((x) => x.channel.id === id).map((x) => localDate(x.at, tz));
    expect(perDay('C1', 'Asia/Singapore')).toEqual(['2026-09-02', '2026-09-03', '2026-09-04']); // 07:45 SGT is 23:45 UTC the day before
    expect(perDay('D1', 'America/Sao_Paulo')).toEqual(['2026-09-01', '2026-09-02', '2026-09-03']);
  });

  it('leaves a channel alone when this process has no publisher for its platform', async () => {
    const clock = ManualClock.at('2026-04-01T09:00:00Z');
    const slackOnly = proc(clock, { platforms: ['slack'] });
    await slackOnly.subs.subscribe({ channel: channel('D1', 'discord'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
    clock.set('2026-04-01T09:30:00Z');
    expect(await slackOnly.scheduler.tick()).toEqual([]);
    expect(await slackOnly.ledger.get(channel('D1', 'discord'), '2026-04-01 09:00')).toBeUndefined(); // not claimed: a Discord process may post it
    const withDiscord = proc(clock, { platforms: ['discord'] });
    expect(await withDiscord.scheduler.tick()).toMatchObject([{ ok: true }]);
  });

  it('retries a failed send with a growing delay and gives up for the day after the last attempt', async () => {
    const clock = ManualClock.at('2026-04-01T08:00:00Z');
    const p = proc(clock, { maxAttempts: 3, retryDelayMs: 60_000 });
    await p.subs.subscribe({ channel: channel('C1'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
    p.slack.gate = async () => {
      throw new Error('channel_not_found');
    };
    expect(await p.scheduler.tick(new Date('2026-04-01T09:00:00Z'))).toMatchObject([{ ok: false, error: 'channel_not_found' }]);
    expect(await p.scheduler.tick(new Date('2026-04-01T09:00:59Z'))).toEqual([]); // waits 1 min
    expect(await p.scheduler.tick(new Date('2026-04-01T09:01:00Z'))).toMatchObject([{ ok: false }]);
    expect(await p.scheduler.tick(new Date('2026-04-01T09:02:30Z'))).toEqual([]); // then 2 min
    expect(await p.scheduler.tick(new Date('2026-04-01T09:03:00Z'))).toMatchObject([{ ok: false }]);
    expect(await p.ledger.get(channel('C1'), '2026-04-01 09:00')).toMatchObject({ state: 'failed', attempts: 3, lastError: 'channel_not_found' });
    expect(await p.scheduler.tick(new Date('2026-04-01T12:00:00Z'))).toEqual([]);

    p.slack.gate = undefined; // the next day works again
    expect(await p.scheduler.tick(new Date('2026-04-02T09:00:00Z'))).toMatchObject([{ ok: true }]);
  });

  it('a failed send recovers on the retry: one post, recorded with its message id', async () => {
    const clock = ManualClock.at('2026-04-01T08:00:00Z');
    const p = proc(clock, { retryDelayMs: 60_000 });
    await p.subs.subscribe({ channel: channel('C1'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
    let fail = true;
    p.slack.gate = async () => {
      if (fail) throw new Error('HTTP 503');
    };
    await p.scheduler.tick(new Date('2026-04-01T09:00:00Z'));
    fail = false;
    await p.scheduler.tick(new Date('2026-04-01T09:01:00Z'));
    expect(p.posts).toHaveLength(1);
    expect(await p.ledger.get(channel('C1'), '2026-04-01 09:00')).toMatchObject({ state: 'sent', attempts: 2, messageId: p.posts[0]!.messageId });
    expect(p.scheduler.lastPost()).toMatchObject({ platform: 'slack', channelId: 'C1', messageId: p.posts[0]!.messageId, at: '2026-04-01T09:01:00.000Z' });
  });

  describe('stop()', () => {
    it('waits for a post in flight, records it, and leaves the next channel unclaimed for the next start', async () => {
      const clock = ManualClock.at('2026-04-01T08:00:00Z');
      const p = proc(clock);
      await p.subs.subscribe({ channel: channel('C1'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
      await p.subs.subscribe({ channel: channel('C2'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
      const sending = deferred();
      const entered = deferred();
      p.slack.gate = () => {
        entered.resolve();
        return sending.promise;
      };
      const run = p.scheduler.tick(new Date('2026-04-01T09:00:00Z'));
      await entered.promise;
      const stopped = p.scheduler.stop();
      sending.resolve();
      await stopped;
      await run;
      expect(p.posts.map((x) => x.channel.id)).toEqual(['C1']);
      expect(await p.ledger.get(channel('C1'), '2026-04-01 09:00')).toMatchObject({ state: 'sent' });
      // Opened for any replica to pick, but held by nobody: the next start (or another replica) posts it.
      expect(await p.ledger.get(channel('C2'), '2026-04-01 09:00')).toMatchObject({ state: 'claimed', owner: null, messageId: null });
      expect(await p.ledger.claimable(channel('C2'), '2026-04-01 09:00', Date.parse('2026-04-01T09:00:00Z'))).toBe(true);
      await p.db.close();

      clock.set('2026-04-01T09:00:05Z');
      const next = proc(clock);
      next.scheduler.start();
      await next.scheduler.idle();
      expect(next.posts.map((x) => x.channel.id)).toEqual(['C2']);
    });

    it('gives up waiting after its bound; the unfinished claim is retried after the lease, never lost', async () => {
      const clock = ManualClock.at('2026-04-01T08:00:00Z');
      const p = proc(clock, { stopTimeoutMs: 50, leaseMs: 60_000 });
      await p.subs.subscribe({ channel: channel('C1'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
      p.slack.gate = () => new Promise(() => {}); // the platform never answers
      void p.scheduler.tick(new Date('2026-04-01T09:00:00Z'));
      await new Promise((r) => setImmediate(r));
      await p.scheduler.stop();
      expect(await p.ledger.get(channel('C1'), '2026-04-01 09:00')).toMatchObject({ state: 'claimed' });
      await p.db.close();

      const next = proc(clock, { leaseMs: 60_000 });
      expect(await next.scheduler.tick(new Date('2026-04-01T09:00:30Z'))).toEqual([]);
      expect(await next.scheduler.tick(new Date('2026-04-01T09:01:00Z'))).toMatchObject([{ ok: true }]);
      expect(next.posts).toHaveLength(1);
    });

    it('cuts a slow market fetch short and claims nothing, so the next start posts', async () => {
      const clock = ManualClock.at('2026-04-01T08:00:00Z');
      const fetching = deferred();
      const provider: MarketDataProvider = {
        name: 'Slow',
        quote: (_symbol, signal) =>
          new Promise((_resolve, reject) => {
            fetching.resolve();
            signal?.addEventListener('abort', () => reject(new MarketDataError('timeout', 'cancelled')));
          }),
      };
      const p = proc(clock, { provider });
      await p.subs.subscribe({ channel: channel('C1'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
      const run = p.scheduler.tick(new Date('2026-04-01T09:00:00Z'));
      await fetching.promise;
      await p.scheduler.stop();
      expect(await run).toEqual([]);
      expect(p.posts).toHaveLength(0);
      expect(await p.ledger.get(channel('C1'), '2026-04-01 09:00')).toBeUndefined();
      await p.db.close();

      clock.set('2026-04-01T09:00:10Z');
      const next = proc(clock);
      next.scheduler.start();
      await next.scheduler.idle();
      expect(next.posts).toHaveLength(1);
    });

    it('stops waking up', async () => {
      const clock = ManualClock.at('2026-04-01T08:00:00Z');
      const p = proc(clock);
      await p.subs.subscribe({ channel: channel('C1'), time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
      p.scheduler.start();
      await p.scheduler.idle();
      expect(p.scheduler.nextWake()?.toISOString()).toBe('2026-04-01T08:15:00.000Z'); // the poll comes first
      await p.scheduler.stop();
      expect(clock.pending()).toBe(0);
      await p.advanceTo('2026-04-02T00:00:00Z');
      expect(p.posts).toHaveLength(0);
    });
  });
});

describe('due time', () => {
  it('matches croner’s next run on every day without a DST change, in any timezone', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (tz, dayMs, hour, minute) => {
          const date = new Date(dayMs).toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const due = dueInstant(date, time, tz);
          // Skip days whose offset changes (their handling differs on purpose, tested above).
          const before = offsetMs(due.getTime() - 86_400_000, tz);
          const after = offsetMs(due.getTime() + 86_400_000, tz);
          fc.pre(before === after && offsetMs(due.getTime(), tz) === before);
          const cron = new Cron(`${minute} ${hour} * * *`, { timezone: tz, paused: true });
          expect(cron.nextRun(new Date(due.getTime() - 1000))?.toISOString()).toBe(due.toISOString());
          expect(localDate(due, tz)).toBe(date);
        },
      ),
      { numRuns: 300, seed: 20260329 },
    );
  });
});
