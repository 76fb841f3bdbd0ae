// Summaries and alerts with two deals, on real SQLite with a fake clock and quote provider, through
// the real bot: each summary is about its deal (tied to it, or its channel's) and says so; a run
// quotes every posted deal's tickers once; "what changed" compares within one deal; alert rules
// watch the deal they were set in and name it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import type { Asker, Bot } from '../../src/core/bot.ts';
import type { ChannelRef } from '../../src/core/command.ts';
import { createBot } from '../../src/core/create-bot.ts';
import { EngineHolder } from '../../src/core/engine-holder.ts';
import { dealBasesOf } from '../../src/deals/bases.ts';
import { SqlChannelDeals } from '../../src/store/channel-deals.ts';
import { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { AlertStore } from '../../src/summary/alert-store.ts';
import { createAlertMonitor, type AlertMonitor } from '../../src/summary/alerts.ts';
import { EXCHANGES } from '../../src/summary/calendar.ts';
import { PostLedger } from '../../src/summary/ledger.ts';
import { MarketHolidayStore } from '../../src/summary/market-holidays.ts';
import { MarketData, MarketDataError, QuoteCache, type MarketDataProvider } from '../../src/summary/market.ts';
import { calendarsFrom } from '../../src/summary/schedule.ts';
import { createScheduler, type Scheduler } from '../../src/summary/scheduler.ts';
import { summaryStrings } from '../../src/summary/strings.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { tickerParties } from '../../src/summary/build.ts';
import { FIRST, SECOND, shipped, twoDealFacts } from '../helpers/deals.ts';
import { ManualClock, RecordingPublisher, tempDir } from './helpers.ts';

const channel = (id: string): ChannelRef => ({ platform: 'slack', id, workspace: 'T1' });
const admin = (id: string): Asker => ({ platform: 'slack', channel: channel(id), user: { id: 'U1', name: 'boss' }, isAdmin: async () => true, lang: 'en' });

/** A quote service whose day moves the test sets; records every symbol asked. */
class FakeQuotes implements MarketDataProvider {
  readonly name = 'FakeQuotes';
  moves: Record<string, number> = {};
  requests: string[] = [];
  constructor(private readonly clock: ManualClock) {}
  async quote(symbol: string) {
    this.requests.push(symbol);
    const move = this.moves[symbol];
    if (move === undefined) throw new MarketDataError('no-data', `no ${symbol}`);
    return { symbol, price: 10 + move, change: move, changePercent: move, previousClose: 10, asOf: new Date(this.clock.now().getTime() - 60_000) };
  }
}

describe('summaries and alerts with two deals', () => {
  let tmp: ReturnType<typeof tempDir>;
  let facts: ReturnType<typeof twoDealFacts>;
  let db: Db;
  let clock: ManualClock;
  let quotes: FakeQuotes;
  let slack: RecordingPublisher;
  let holder: EngineHolder;
  let subscriptions: SubscriptionStore;
  let ledger: PostLedger;
  let monitor: AlertMonitor;
  let scheduler: Scheduler;
  let bot: Bot;

  beforeEach(() => {
    tmp = tempDir();
    facts = twoDealFacts();
    holder = new EngineHolder(facts.dir);
    db = Db.open(join(tmp.dir, 'dealbot.db'));
    clock = ManualClock.at('2027-03-10T08:00:00Z'); // a Wednesday
    quotes = new FakeQuotes(clock);
    slack = new RecordingPublisher('slack', clock);
    const calendars = calendarsFrom((mic) => new MarketHolidayStore(db).calendar(EXCHANGES[mic]!));
    const channelDeals = new SqlChannelDeals(db, () => clock.now().getTime());
    const bases = dealBasesOf(holder.deals, { store: channelDeals });
    const market = new MarketData({ cache: new QuoteCache(db), provider: quotes, now: clock.now });
    subscriptions = new SubscriptionStore(db, clock.now, calendars);
    ledger = new PostLedger(db);
    const publishers = new Map([['slack', slack]]);
    monitor = createAlertMonitor({ store: new AlertStore(db, clock.now), ledger, market, calendars, base: () => holder.current().base, bases, publishers, clock, owner: 'A' });
    scheduler = createScheduler({ subscriptions, ledger, market, base: () => holder.current().base, bases, publishers, clock, calendars });
    bot = createBot({ engine: holder.current, deals: holder.deals, channelDeals, subscriptions, alerts: monitor, commands, now: clock.now, defaultTimezone: 'UTC' });
  });
  afterEach(async () => {
    await scheduler.stop();
    await monitor.stop();
    await db.close();
    tmp.cleanup();
    facts.cleanup();
  });

  const postsTo = (id: string) => slack.posts.filter((p) => p.channel.id === id);

  it('each summary is about its deal and names it; one run quotes every deal’s tickers once', async () => {
    const tied = await bot.answer(`subscribe 09:00 UTC every-day ${SECOND}`, admin('C1'));
    expect(tied.lines).toContain('Summaries are about Northwind–Kestrel acquisition (northwind-kestrel), whatever this channel’s deal.');
    expect((await subscriptions.get(channel('C1')))?.deal).toBe(SECOND);
    const follows = await bot.answer('subscribe 09:00 UTC every-day', admin('C2'));
    expect(follows.lines).toContain('Summaries are about this channel’s deal, now OpenAI–Nvidia partnership (openai-nvidia).');
    expect((await subscriptions.get(channel('C2')))?.deal).toBeUndefined();

    await scheduler.tick(new Date('2027-03-10T09:00:30Z'));
    const [c1] = postsTo('C1');
    const [c2] = postsTo('C2');
    expect(c1?.reply.deal).toEqual({ id: SECOND, name: 'Northwind–Kestrel acquisition' });
    expect(c1!.reply.items.map((i) => i.text)).toContain('Kestrel Freight (KSTF) at the announcement: Kestrel Freight shares jumped 16% on Monday.');
    expect(c1!.reply.items.some((i) => i.text.includes('NVDA'))).toBe(false);
    expect(c2?.reply.deal).toEqual({ id: FIRST, name: 'OpenAI–Nvidia partnership' });
    expect(c2!.reply.items.some((i) => i.text.startsWith('Nvidia (NVDA) at the announcement'))).toBe(true);
    expect(c2!.reply.items.some((i) => i.text.includes('KSTF'))).toBe(false);
    // One request per ticker for the whole run: the fixture deal's two, and the shipped deal's.
    expect([...quotes.requests].sort()).toEqual(['KSTF', 'NWLG', ...tickerParties(shipped()).map((p) => p.ticker)].sort());
    expect((await ledger.snapshot(channel('C1')))?.deal).toBe(SECOND);

    // The second channel moves to the other deal: its next summary does not list that deal's facts as changes.
    await bot.answer(`use ${SECOND}`, admin('C2'));
    await scheduler.tick(new Date('2027-03-11T09:00:30Z'));
    const next = postsTo('C2')[1]!;
    expect(next.reply.deal?.id).toBe(SECOND);
    expect(next.reply.lines).toContain(summaryStrings.en.firstSummary);
    expect(next.reply.items.some((i) => i.text.startsWith('New since the previous summary'))).toBe(false);
    // The tied channel is unmoved by its channel's deal.
    await bot.answer(`use ${FIRST}`, admin('C1'));
    await scheduler.tick(new Date('2027-03-12T09:00:30Z'));
    expect(postsTo('C1').at(-1)?.reply.deal?.id).toBe(SECOND);
    expect(postsTo('C1').at(-1)?.reply.lines.some((l) => l.startsWith('No change in the fact base since the previous summary'))).toBe(true);
  });

  it('a fact-change alert watches the deal it was set in, and names it', async () => {
    await bot.answer(`use ${SECOND}`, admin('C3'));
    const set = await bot.answer('alert facts', admin('C3'));
    expect(set.lines).toContain('Set in Northwind–Kestrel acquisition (northwind-kestrel).');

    // An edit of the other deal says nothing here.
    const shipped = join(facts.dir, FIRST, 'market.yaml');
    writeFileSync(shipped, readFileSync(shipped, 'utf8').replace('reaching a new record.', 'a record high.'));
    expect(holder.reload().ok).toBe(true);
    expect((await monitor.checkFacts(clock.now()))[0]).toMatchObject({ channel: { id: 'C3' }, status: 'no-change' });

    // An edit of its deal is posted, naming the deal.
    const own = join(facts.dir, SECOND, 'article.yaml');
    writeFileSync(own, readFileSync(own, 'utf8').replace('en: Kestrel Freight shares jumped 16% on Monday.', 'en: Kestrel Freight shares jumped 16% on Monday, the day of the announcement.'));
    expect(holder.reload().ok).toBe(true);
    const [outcome] = await monitor.checkFacts(clock.now());
    expect(outcome).toMatchObject({ status: 'posted' });
    const posted = postsTo('C3').at(-1)!.reply;
    expect(posted.deal).toEqual({ id: SECOND, name: 'Northwind–Kestrel acquisition' });
    expect(posted.items.map((i) => i.factId)).toEqual(['northwind-kestrel-market-kestrel-up-16']);
  });

  it('a price alert takes its deal’s tickers, names its deal, and says where another deal’s ticker belongs', async () => {
    await bot.answer(`use ${SECOND}`, admin('C4'));
    const elsewhere = await bot.answer('alert NVDA 5%', admin('C4'));
    expect(elsewhere.lines.join('\n')).toContain('NVDA is not a listed party of Northwind–Kestrel acquisition; it is one of OpenAI–Nvidia partnership (openai-nvidia): ask there with /deal <deal> alert …');
    await bot.answer('alert KSTF 5%', admin('C4'));
    clock.set('2027-03-10T15:00:00Z'); // 10:00 in New York: the regular session
    quotes.moves.KSTF = 6.5;
    const outcomes = await monitor.checkPrices();
    expect(outcomes.find((o) => o.channel.id === 'C4')).toMatchObject({ status: 'posted' });
    const posted = postsTo('C4').at(-1)!.reply;
    expect(posted.deal?.id).toBe(SECOND);
    expect(posted.title).toContain('Kestrel Freight');
    expect((await bot.answer('alerts', admin('C4'))).lines.join('\n')).toContain('(Northwind–Kestrel acquisition)');
  });
});
