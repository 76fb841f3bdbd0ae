// Several times a day on the trading calendar, with a fake clock moved through start(): each time
// is its own exactly-once slot; weekends and holidays are skipped (or get the one-line notice);
// early closes are said; DST days post each time once; missed slots are not posted back to back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRef } from '../../src/core/command.ts';
import { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { EXCHANGES } from '../../src/summary/calendar.ts';
import { PostLedger } from '../../src/summary/ledger.ts';
import { MarketHolidayStore } from '../../src/summary/market-holidays.ts';
import { MarketData, QuoteCache } from '../../src/summary/market.ts';
import { calendarsFrom } from '../../src/summary/schedule.ts';
import { createScheduler, type Scheduler } from '../../src/summary/scheduler.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { fixtureBase, ManualClock, RecordingPublisher, tempDir } from './helpers.ts';

const base = fixtureBase();
const C1: ChannelRef = { platform: 'slack', id: 'C1' };

describe('summary slots on the trading calendar', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let clock: ManualClock;
  let subs: SubscriptionStore;
  let ledger: PostLedger;
  let slack: RecordingPublisher;
  let scheduler: Scheduler;

  function open(startIso: string): void {
    clock = ManualClock.at(startIso);
    db = Db.open(`${tmp.dir}/dealbot.db`);
    const calendars = calendarsFrom((mic) => new MarketHolidayStore(db).calendar(EXCHANGES[mic]!));
    subs = new SubscriptionStore(db, clock.now, calendars);
    ledger = new PostLedger(db);
    slack = new RecordingPublisher('slack', clock);
    scheduler = createScheduler({
      subscriptions: subs,
      ledger,
      market: new MarketData({ cache: new QuoteCache(db), now: clock.now }),
      base: () => base,
      publishers: new Map([['slack', slack]]),
      clock,
      calendars,
      pollMs: 6 * 3600_000,
    });
  }
  const run = async (untilIso: string) => {
    scheduler.start();
    await clock.advanceTo(untilIso, () => scheduler.idle());
  };
  const postedAt = () => slack.posts.map((p) => `${p.at.toISOString()} ${p.reply.kind}`);

  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(async () => {
    await scheduler.stop();
    await db.close();
    tmp.cleanup();
  });

  it('posts at both times of a trading day, each once, and nothing over the weekend', async () => {
    open('2026-04-02T00:00:00Z'); // Thursday
    await subs.subscribe({ channel: C1, times: ['09:00', '16:30'], timezone: 'America/New_York', lang: 'en', by: 'U1', calendar: 'XNYS' });
    await run('2026-04-07T00:00:00Z'); // through Good Friday and the weekend to Monday night
    expect(postedAt()).toEqual([
      '2026-04-02T13:00:00.000Z summary',
      '2026-04-02T20:30:00.000Z summary',
      '2026-04-06T13:00:00.000Z summary', // Monday: Friday is Good Friday, then the weekend
      '2026-04-06T20:30:00.000Z summary',
    ]);
    expect(await ledger.get(C1, '2026-04-02 09:00')).toMatchObject({ state: 'sent', kind: 'summary' });
    expect(await ledger.get(C1, '2026-04-02 16:30')).toMatchObject({ state: 'sent', kind: 'summary' });
    expect(await ledger.get(C1, '2026-04-03 09:00')).toBeUndefined();
    // Ticking again at any instant of those days posts nothing more.
    await scheduler.tick(new Date('2026-04-02T21:00:00Z'));
    expect(slack.posts).toHaveLength(4);
  });

  it('on a holiday posts the one-line notice once (first time only) for a channel that asked, and nothing for others', async () => {
    open('2026-12-24T12:00:00Z');
    await subs.subscribe({ channel: C1, times: ['09:00', '16:30'], timezone: 'America/New_York', lang: 'en', by: 'U1', calendar: 'XNYS', closedNotice: true });
    await subs.subscribe({ channel: { platform: 'slack', id: 'C2' }, times: ['09:00'], timezone: 'America/New_York', lang: 'en', by: 'U1', calendar: 'XNYS' });
    await run('2026-12-26T05:00:00Z');
    const onHoliday = slack.posts.filter((p) => p.at.toISOString().startsWith('2026-12-25'));
    expect(onHoliday.map((p) => [p.channel.id, p.reply.kind, p.reply.lines])).toEqual([
      ['C1', 'notice', ['Markets closed today (Christmas Day): no NYSE/Nasdaq session. Next session: 28 Dec 2026, 09:30 GMT-5.']],
    ]);
    expect(await ledger.get(C1, '2026-12-25 09:00')).toMatchObject({ kind: 'closed-notice', state: 'sent' });
    // Christmas Eve, an early close: the summaries say so.
    const eve = slack.posts.filter((p) => p.at.toISOString().startsWith('2026-12-24') && p.channel.id === 'C1');
    expect(eve.map((p) => p.at.toISOString())).toEqual(['2026-12-24T14:00:00.000Z', '2026-12-24T21:30:00.000Z']);
    expect(eve[0]!.reply.intro).toMatch(/^Early close today: the NYSE\/Nasdaq regular session ends at 24 Dec 2026, 13:00 GMT-5 \(Christmas Eve\)\./);
  });

  it('two times in one day across a DST change (New York springs forward): each posts once, 02:30 at 03:00', async () => {
    open('2026-03-07T12:00:00Z');
    await subs.subscribe({ channel: C1, times: ['01:30', '02:30'], timezone: 'America/New_York', lang: 'en', by: 'U1' }); // calendar days
    await run('2026-03-09T04:00:00Z');
    const onDay = slack.posts.filter((p) => p.at.toISOString().startsWith('2026-03-08'));
    expect(onDay.map((p) => p.at.toISOString())).toEqual(['2026-03-08T06:30:00.000Z', '2026-03-08T07:00:00.000Z']); // 01:30 EST, 03:00 EDT
    expect(await ledger.get(C1, '2026-03-08 01:30')).toMatchObject({ state: 'sent' });
    expect(await ledger.get(C1, '2026-03-08 02:30')).toMatchObject({ state: 'sent' });
  });

  it('two times in one day across a DST change (fall back): 01:30 happens twice and posts once; 09:00 once', async () => {
    open('2026-10-31T12:00:00Z');
    await subs.subscribe({ channel: C1, times: ['01:30', '09:00'], timezone: 'America/New_York', lang: 'en', by: 'U1', calendar: 'days' });
    await run('2026-11-02T04:00:00Z');
    const onDay = slack.posts.filter((p) => p.at.toISOString().startsWith('2026-11-01'));
    expect(onDay.map((p) => p.at.toISOString())).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T14:00:00.000Z']); // 01:30 EDT (first), 09:00 EST
  });

  it('a Sunday–Thursday work week posts on calendar days only, holidays included', async () => {
    open('2026-12-24T00:00:00Z'); // Thursday
    await subs.subscribe({ channel: C1, times: ['08:30'], timezone: 'Asia/Jerusalem', lang: 'en', by: 'U1', calendar: 'days', workDays: [7, 1, 2, 3, 4] });
    await run('2026-12-29T00:00:00Z');
    expect(slack.posts.map((p) => p.at.toISOString())).toEqual(['2026-12-24T06:30:00.000Z', '2026-12-27T06:30:00.000Z', '2026-12-28T06:30:00.000Z']); // Thu, Sun, Mon
  });

  it('after downtime posts only the latest missed slot of the day; the earlier one is closed as superseded', async () => {
    open('2026-04-01T00:00:00Z');
    await subs.subscribe({ channel: C1, times: ['09:00', '16:30'], timezone: 'America/New_York', lang: 'en', by: 'U1', calendar: 'XNYS' });
    clock.set('2026-04-01T21:00:00Z'); // the bot was down at both times
    await run('2026-04-01T21:01:00Z');
    expect(postedAt()).toEqual(['2026-04-01T21:00:00.000Z summary']);
    expect(await ledger.get(C1, '2026-04-01 16:30')).toMatchObject({ state: 'sent' });
    expect(await ledger.get(C1, '2026-04-01 09:00')).toMatchObject({ state: 'skipped', detail: 'superseded by 16:30' });
  });
});
