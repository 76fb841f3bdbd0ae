// Price-move and fact-change alerts with a fake quote provider and a fake clock, on real SQLite:
// thresholds, cooldowns through the ledger (two processes post once), polling only in session
// and within the provider's rate limit, dry runs, history, and /deal alert through the real Bot.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.ts';
import { renderDiscord } from '../../src/adapters/discord/render.ts';
import { SLACK_ADMIN_RULE } from '../../src/adapters/slack/admin.ts';
import { renderSlack } from '../../src/adapters/slack/render.ts';
import type { Asker } from '../../src/core/bot.ts';
import type { ChannelRef } from '../../src/core/command.ts';
import { loadFactBase, type FactBase } from '../../src/facts/load.ts';
import { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { AlertStore } from '../../src/summary/alert-store.ts';
import { createAlertMonitor, factAlertReply, factChanges, type AlertMonitor } from '../../src/summary/alerts.ts';
import { EXCHANGES } from '../../src/summary/calendar.ts';
import { PostLedger } from '../../src/summary/ledger.ts';
import { MarketHolidayStore } from '../../src/summary/market-holidays.ts';
import { MarketData, MarketDataError, QuoteCache, type MarketDataProvider } from '../../src/summary/market.ts';
import { RequestBudget, withBudget } from '../../src/summary/provider-limit.ts';
import { calendarsFrom } from '../../src/summary/schedule.ts';
import { testBot } from '../helpers/bot.ts';
import { FIXTURE_BASE_DIR, ManualClock, RecordingPublisher, SHIPPED_FACTS_DIR, tempDir } from './helpers.ts';

const C1: ChannelRef = { platform: 'slack', id: 'C1', workspace: 'T1' };

/** A quote service whose day moves the test sets; counts requests. */
class FakeQuotes implements MarketDataProvider {
  readonly name = 'FakeQuotes';
  moves: Record<string, number> = {};
  requests: string[] = [];
  constructor(private readonly clock: ManualClock) {}
  async quote(symbol: string) {
    this.requests.push(symbol);
    const move = this.moves[symbol];
    if (move === undefined) throw new MarketDataError('no-data', `no ${symbol}`);
    return { symbol, price: 100 + move, change: move, changePercent: move, previousClose: 100, asOf: new Date(this.clock.now().getTime() - 60_000) };
  }
}

describe('alerts', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let clock: ManualClock;
  let quotes: FakeQuotes;
  let slack: RecordingPublisher;
  let base: FactBase;
  let monitors: AlertMonitor[];

  /** One bot process: its own connection, ledger, monitor; the same database file. */
  function monitor(owner: string, provider: MarketDataProvider = quotes): AlertMonitor {
    const conn = monitors.length === 0 ? db : Db.open(join(tmp.dir, 'dealbot.db'));
    const m = createAlertMonitor({
      store: new AlertStore(conn, clock.now),
      ledger: new PostLedger(conn),
      market: new MarketData({ cache: new QuoteCache(conn), provider, now: clock.now }),
      calendars: calendarsFrom((mic) => new MarketHolidayStore(conn).calendar(EXCHANGES[mic]!)),
      base: () => base,
      publishers: new Map([['slack', slack]]),
      clock,
      owner,
    });
    monitors.push(m);
    return m;
  }

  beforeEach(() => {
    tmp = tempDir();
    cpSync(FIXTURE_BASE_DIR, join(tmp.dir, 'facts'), { recursive: true });
    base = loadFactBase(join(tmp.dir, 'facts'));
    db = Db.open(join(tmp.dir, 'dealbot.db'));
    clock = ManualClock.at('2026-04-01T14:00:00Z'); // Wednesday 10:00 in New York: regular session
    quotes = new FakeQuotes(clock);
    slack = new RecordingPublisher('slack', clock);
    monitors = [];
  });
  afterEach(async () => {
    for (const m of monitors) await m.stop();
    await db.close();
    tmp.cleanup();
  });

  const setAcme = (m: AlertMonitor, thresholdPct = 5, cooldownMs: number | null = null) =>
    m.setPrice({ channel: C1, ticker: 'ACME', thresholdPct, direction: 'both', cooldownMs, lang: 'en', timezone: 'America/New_York', by: 'alice' });

  it('an alert crossing its threshold twice within its cooldown (one per trading day) posts once', async () => {
    const m = monitor('A');
    await setAcme(m);
    quotes.moves.ACME = 5.2;
    expect((await m.checkPrices())[0]).toMatchObject({ status: 'posted' });
    clock.set('2026-04-01T15:00:00Z');
    quotes.moves.ACME = 3.1; // back inside the threshold
    expect((await m.checkPrices())[0]).toMatchObject({ status: 'below-threshold', why: 'the move since the last close is +3.10%, inside ±5.0%' });
    clock.set('2026-04-01T16:00:00Z');
    quotes.moves.ACME = -5.6; // crosses again, the other way
    expect((await m.checkPrices())[0]).toMatchObject({ status: 'cooling-down' });
    expect(slack.posts).toHaveLength(1);
    const post = slack.posts[0]!.reply;
    expect(post.title).toBe('Price alert: Acme Robotics (ACME) +5.20% since the last close');
    expect(post.items[0]).toMatchObject({ citation: { source: 'FakeQuotes quotes', detail: 'as of 1 Apr 2026, 09:59 GMT-4', ref: 1 } });
    expect(post.sources).toEqual([{ ref: 1, title: 'FakeQuotes quotes' }]);
    expect(post.items[0]!.text).toContain('regular session, as of 1 Apr 2026, 09:59 GMT-4 (1 min ago)');
    expect(post.lines).toEqual(['Alert set by alice: a move of ±5% or more since the last close.', 'At most one alert per ticker per trading day in this channel.']);
    expect(await new PostLedger(db).get(C1, 'price:ACME:2026-04-01')).toMatchObject({ kind: 'price-alert', subject: 'ACME', state: 'sent', detail: post.title });

    // The next trading day is a new cooldown.
    clock.set('2026-04-02T14:00:00Z');
    quotes.moves.ACME = 5.1;
    expect((await m.checkPrices())[0]).toMatchObject({ status: 'posted' });
    expect(slack.posts).toHaveLength(2);
  });

  it('a cooldown of 2 h: a second crossing within it waits, one after it posts; up-only rules ignore falls', async () => {
    const m = monitor('A');
    await setAcme(m, 5, 2 * 3600_000);
    await m.setPrice({ channel: C1, ticker: 'GBX', thresholdPct: 2, direction: 'up', cooldownMs: null, lang: 'en', timezone: 'UTC', by: 'bob' });
    quotes.moves = { ACME: 6, GBX: -4 };
    const first = await m.checkPrices();
    expect(first.map((o) => [o.subject, o.status])).toEqual([['ACME', 'posted'], ['GBX', 'below-threshold']]);
    clock.set('2026-04-01T15:30:00Z');
    expect((await m.checkPrices()).find((o) => o.subject === 'ACME')).toMatchObject({ status: 'cooling-down', why: 'an alert already went out here; the cooldown runs until 1 Apr 2026, 12:00 GMT-4' });
    clock.set('2026-04-01T16:01:00Z');
    expect((await m.checkPrices()).find((o) => o.subject === 'ACME')).toMatchObject({ status: 'posted' });
    expect(slack.posts.map((p) => p.reply.title)).toEqual(['Price alert: Acme Robotics (ACME) +6.00% since the last close', 'Price alert: Acme Robotics (ACME) +6.00% since the last close']);
  });

  it('polls only in the regular session, once per poll window across processes', async () => {
    const a = monitor('A');
    const b = monitor('B');
    await setAcme(a);
    quotes.moves.ACME = 7;
    clock.set('2026-04-04T15:00:00Z'); // Saturday
    expect((await a.checkPrices())[0]).toMatchObject({ status: 'closed' });
    clock.set('2026-04-01T12:00:00Z'); // pre-market
    expect((await a.checkPrices())[0]).toMatchObject({ status: 'closed', why: 'the market is not in its regular session (pre-market)' });
    expect(quotes.requests).toEqual([]);

    clock.set('2026-04-01T14:00:05Z');
    const [ra, rb] = await Promise.all([a.checkPrices(), b.checkPrices()]);
    expect(quotes.requests).toEqual(['ACME']); // one process polled this window
    expect([...ra, ...rb].map((o) => o.status)).toEqual(['posted']);
    expect(slack.posts).toHaveLength(1);
    clock.set('2026-04-01T14:01:05Z');
    await b.checkPrices();
    expect(quotes.requests).toEqual(['ACME', 'ACME']);
    expect(slack.posts).toHaveLength(1); // same trading day
  });

  it('never sends more requests than the provider’s plan allows', async () => {
    const budget = new RequestBudget([{ calls: 2, perMs: 60_000 }], clock, 0);
    const limited = withBudget(quotes, budget);
    quotes.moves = { ACME: 1, GBX: 1, INIT: 1 };
    const m = monitor('A', limited);
    for (const t of ['ACME', 'GBX', 'INIT']) await m.setPrice({ channel: C1, ticker: t, thresholdPct: 5, direction: 'both', cooldownMs: null, lang: 'en', timezone: 'UTC', by: 'a' });
    const out = await m.checkPrices();
    expect(quotes.requests).toEqual(['ACME', 'GBX']); // the third would pass 2 a minute: not sent
    expect(out.find((o) => o.subject === 'INIT')).toMatchObject({ status: 'no-quote' });
    expect(budget.sentWithin(60_000)).toBe(2);
    expect(budget.waitMs()).toBe(60_000);
    clock.set('2026-04-01T14:01:00Z');
    expect(budget.waitMs()).toBe(0);
  });

  it('a fact edit produces one fact-change alert, with the fact and its citation, across two processes', async () => {
    const a = monitor('A');
    const b = monitor('B');
    await a.setFacts({ channel: C1, lang: 'en', timezone: 'UTC', by: 'alice', cooldownMs: null });
    expect((await a.checkFacts())[0]).toMatchObject({ status: 'no-change' });

    const file = join(tmp.dir, 'facts', 'base.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Phase two starts in 2027.', 'Phase two starts in early 2027.'));
    base = loadFactBase(join(tmp.dir, 'facts')); // both processes reloaded the same files
    const outcomes = [...(await a.checkFacts()), ...(await b.checkFacts())];
    expect(outcomes.map((o) => o.status).sort()).toEqual(['no-change', 'posted']);
    expect(slack.posts).toHaveLength(1);
    const alert = slack.posts[0]!.reply;
    expect(alert.title).toBe('Fact base update: 1 fact(s) new or changed');
    expect(alert.items).toHaveLength(1);
    expect(alert.items[0]).toMatchObject({ factId: 'phase-two-2027', text: 'Changed: Phase two starts in early 2027.', citation: { sourceId: 'undated' } });
    expect((await a.checkFacts())[0]).toMatchObject({ status: 'no-change' });
    expect(await a.history(C1)).toEqual([expect.objectContaining({ kind: 'fact-alert', state: 'sent', detail: alert.title })]);
  });

  it('fact edits within the cooldown come as one alert when it ends', async () => {
    const a = monitor('A');
    await a.setFacts({ channel: C1, lang: 'en', timezone: 'UTC', by: 'alice', cooldownMs: 15 * 60_000 });
    a.start();
    await a.idle();
    const file = join(tmp.dir, 'facts', 'base.yaml');
    const edit = (from: string, to: string) => {
      writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
      base = loadFactBase(join(tmp.dir, 'facts'));
    };
    edit('Phase two starts in 2027.', 'Phase two starts in early 2027.');
    await a.checkFacts();
    clock.set('2026-04-01T14:05:00Z');
    edit('Phase two starts in early 2027.', 'Phase two starts in spring 2027.');
    expect((await a.checkFacts())[0]).toMatchObject({ status: 'cooling-down' });
    expect(slack.posts).toHaveLength(1);
    await clock.advanceTo('2026-04-01T14:16:00Z', () => a.idle()); // the re-check planned for the end of the cooldown
    expect(slack.posts).toHaveLength(2);
    expect(slack.posts[1]!.reply.items.map((i) => i.text)).toEqual(['Changed: Phase two starts in spring 2027.']);
  });

  it('a dry run says what would be posted, and saves and posts nothing', async () => {
    const m = monitor('A');
    quotes.moves.ACME = 5.2;
    const dry = await m.dryRun({ kind: 'price', channel: C1, lang: 'en', timezone: 'UTC', ticker: 'ACME', thresholdPct: 5, direction: 'both' });
    expect(dry.title).toBe('Alert dry run — Price alert: Acme Robotics (ACME) +5.20% since the last close');
    expect(dry.intro).toMatch(/^Dry run: nothing was saved or posted/);
    const quiet = await m.dryRun({ kind: 'price', channel: C1, lang: 'fr', timezone: 'UTC', ticker: 'ACME', thresholdPct: 8, direction: 'both' });
    expect(quiet.lines[0]).toMatch(/^Essai : rien n’a été enregistré ni publié\. Aucune alerte ne partirait maintenant : la variation depuis la dernière clôture est de \+5,20 %/);
    expect(slack.posts).toHaveLength(0);
    expect(await m.list(C1)).toEqual([]);
    expect(await new PostLedger(db).history(C1, ['price-alert', 'fact-alert', 'poll'])).toEqual([]);
  });

  it('/deal alert and /deal alerts through the bot: admins set and remove, anyone lists and dry-runs', async () => {
    const m = monitor('A');
    const bot = testBot({ alerts: m, now: clock.now });
    const asker = (admin: boolean): Asker => ({ platform: 'slack', channel: C1, user: { id: 'U1', name: 'alice' }, isAdmin: async () => admin, adminRule: SLACK_ADMIN_RULE });
    const refused = await bot.answer('alert NVDA 5%', asker(false));
    expect(refused.lines[0]).toMatch(/^Only workspace admins/);
    const set = await bot.answer('alert NVDA 5%', asker(true));
    expect(set.lines[0]).toBe('This channel will get an alert when NVDA moves ±5% or more since the last close, checked during the regular session; at most one per trading day.');
    await bot.answer('alert NVDA -3% cooldown 2h', asker(true));
    await bot.answer('alert facts', asker(true));
    const bad = await bot.answer('alert TSLA 5%', asker(true));
    expect(bad.lines[0]).toBe('“TSLA” is not one of the deal’s tickers: NVDA, MSFT, ORCL, AVGO, AMD, INTC.');
    const list = await bot.answer('alerts', asker(false));
    expect(list.lines.slice(0, 3)).toEqual([
      'Alerts in this channel:',
      '• NVDA: −3% since the last close, one every 2 h — set by alice',
      '• Fact base changes (edits within 15 min grouped) — set by alice',
    ]);
    expect(list.lines).toContain('No alert has gone out here yet.');
    const dry = await bot.answer('alert NVDA 5% dry-run', asker(false));
    expect(dry.title).toBe('Alert dry run'); // no provider quote for NVDA here
    expect((await bot.answer('alert NVDA off', asker(true))).lines[0]).toBe('Alert removed: NVDA.');
    expect((await m.list(C1)).map((r) => r.kind)).toEqual(['facts']);
  });
});

describe('a fact-change alert with more facts than it lists', () => {
  it('counts the rest once on the Reply, and every platform says "… and N more" once, without a question hint', () => {
    const base = loadFactBase(SHIPPED_FACTS_DIR);
    const alert = factAlertReply(base, 'en', factChanges(base, {})); // every fact is new
    expect(alert.items).toHaveLength(10);
    expect(alert.omitted).toBe(base.facts.length - 10);
    const more = `… and ${alert.omitted} more`;
    const text = renderText(alert, { width: 100 });
    expect(text.split(more)).toHaveLength(2);
    expect(text).not.toContain('narrower question');
    expect(renderSlack(alert).text.split(more)).toHaveLength(2);
    expect(renderDiscord(alert).embeds[0]!.description).toContain(`${more}`);
    expect(renderDiscord(alert).embeds[0]!.description).not.toContain('narrower question');
  });
});
