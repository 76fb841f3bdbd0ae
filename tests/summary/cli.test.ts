// `dealbot summary` end to end: real config parsing, database, fact base and Finnhub provider
// (against a local server), with the platforms replaced by a recording publisher for --post.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/env.ts';
import type { Platform } from '../../src/core/command.ts';
import { SqliteDriver } from '../../src/store/sqlite.ts';
import { channelRenderers } from '../../src/cli/renderers.ts';
import { summaryCli } from '../../src/summary/cli.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { pngSize } from '../../src/summary/chart-png.ts';
import { slackRejects } from '../slack/fake-slack.ts';
import { ManualClock, RecordingPublisher, SHIPPED_FACTS_DIR, tempDir } from './helpers.ts';

let server: Server;
let apiUrl: string;
let hits = 0;
let holidayHits = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'application/json' });
    if (url.pathname.endsWith('/stock/market-holiday')) {
      holidayHits++;
      // Finnhub's shape: a special closure the library cannot know, and an early close.
      res.end(JSON.stringify({ exchange: 'US', timezone: 'America/New_York', data: [
        { eventName: 'National Day of Mourning', atDate: '2026-04-02', tradingHour: '' },
        { eventName: 'Christmas Eve', atDate: '2026-12-24', tradingHour: '09:30-13:00' },
      ] }));
      return;
    }
    hits++;
    const symbol = url.searchParams.get('symbol');
    res.end(JSON.stringify({ c: symbol === 'NVDA' ? 181.25 : 99.5, d: 1, dp: symbol === 'NVDA' ? 0.55 : -0.5, h: 0, l: 0, o: 0, pc: 98.5, t: 1_775_051_940 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const renderers = channelRenderers();
/** The text as read, whatever the console's wrapping width. */
const flat = (out: string[]) => out.join('\n').replace(/\s+/g, ' ');

describe('dealbot summary', () => {
  let tmp: ReturnType<typeof tempDir>;
  let env: NodeJS.ProcessEnv;
  let stdout: string[];
  let stderr: string[];
  const io = { stdout: (s: string) => void stdout.push(s), stderr: (s: string) => void stderr.push(s) };
  const clock = ManualClock.at('2026-04-01T12:00:00Z');

  beforeEach(() => {
    tmp = tempDir();
    env = { DATABASE_PATH: join(tmp.dir, 'db', 'dealbot.db'), FACTS_DIR: SHIPPED_FACTS_DIR };
    stdout = [];
    stderr = [];
    hits = 0;
    holidayHits = 0;
  });
  afterEach(() => tmp.cleanup());

  it('prints today’s summary as text, saying live quotes are unavailable without a token', async () => {
    expect(await summaryCli([], io, env, { clock, renderers })).toBe(0);
    const text = stdout.join('\n');
    expect(text).toMatch(/^Daily deal summary — Wednesday,? 1 April 2026\n/);
    expect(text).toContain('Live quotes are unavailable (no market-data provider configured)');
    expect(text).toContain('Not investment advice');
    expect(hits).toBe(0);
  });

  it('fetches live quotes from FINNHUB_API_URL with FINNHUB_TOKEN, one request per ticker', async () => {
    expect(await summaryCli(['--json', '--lang', 'fr'], io, { ...env, FINNHUB_TOKEN: 'tok-123456', FINNHUB_API_URL: apiUrl }, { clock, renderers })).toBe(0);
    const reply = JSON.parse(stdout.join(''));
    expect(reply).toMatchObject({ kind: 'summary', lang: 'fr' });
    const nvda = reply.items.find((i: { text: string }) => i.text.startsWith('Nvidia (NVDA) :'));
    expect(nvda.text).toContain('181,25');
    expect(nvda.citation).toMatchObject({ source: 'Cours Finnhub', detail: expect.stringMatching(/^au /) });
    // Finnhub and the article, each listed once under the reply.
    expect(reply.sources.map((s: { title: string }) => s.title)).toEqual(['Cours Finnhub', expect.stringContaining('OpenAI et Nvidia')]);
    expect(hits).toBe(6); // NVDA, MSFT, ORCL, AVGO, AMD, INTC from facts/parties.yaml
    expect(holidayHits).toBe(1); // the exchange's holiday list, cached for a day
    expect(await summaryCli(['--json'], io, { ...env, FINNHUB_TOKEN: 'tok-123456', FINNHUB_API_URL: apiUrl }, { clock, renderers })).toBe(0);
    expect(holidayHits).toBe(1);
  });

  it('on an exchange holiday (fake clock: --at) says markets are closed, and names the holiday', async () => {
    expect(await summaryCli(['--at', '2026-12-25T15:00:00Z'], io, env, { renderers })).toBe(0);
    const text = stdout.join('\n');
    expect(text).toMatch(/^Daily deal summary — Friday,? 25 December 2026\n/);
    expect(flat(stdout)).toContain('Markets closed today (Christmas Day): no NYSE/Nasdaq session.');
    stdout = [];
    expect(await summaryCli(['--at', '2026-12-26T15:00:00Z', '--lang', 'fr'], io, env, { renderers })).toBe(0);
    expect(flat(stdout)).toContain('Marchés fermés aujourd’hui (week-end) : pas de séance NYSE/Nasdaq.');
    stdout = [];
    // The provider's list names a closure no rule knows, and an early close with its hours.
    const live = { ...env, FINNHUB_TOKEN: 'tok-123456', FINNHUB_API_URL: apiUrl, DEFAULT_TIMEZONE: 'America/New_York' };
    expect(await summaryCli(['--at', '2026-04-02T15:00:00Z'], io, live, { renderers })).toBe(0);
    expect(flat(stdout)).toContain('Markets closed today (National Day of Mourning)');
    stdout = [];
    expect(await summaryCli(['--at', '2026-12-24T15:00:00Z'], io, live, { renderers })).toBe(0);
    expect(flat(stdout)).toContain('Early close today: the NYSE/Nasdaq regular session ends at 24 Dec 2026, 13:00 GMT-5 (Christmas Eve).');
    expect(await summaryCli(['--at', 'tomorrow'], io, env, { renderers })).toBe(1);
    expect(stderr.join('\n')).toContain('--at must be an ISO 8601 time');
  });

  it('--render discord --out writes the chart as an 800×450 PNG that the payload attaches with alt text', async () => {
    const png = join(tmp.dir, 'summary.png');
    const live = { ...env, FINNHUB_TOKEN: 'tok-123456', FINNHUB_API_URL: apiUrl };
    expect(await summaryCli(['--render', 'discord', '--out', png, '--at', '2026-04-01T14:00:00Z'], io, live, { renderers })).toBe(0);
    const bytes = readFileSync(png);
    expect(pngSize(bytes)).toEqual({ width: 800, height: 450 });
    const payload = JSON.parse(stdout.join(''));
    expect(payload.embeds[0].image).toEqual({ url: 'attachment://deal-chart.png' });
    expect(payload.attachments).toEqual([{ id: 0, filename: 'deal-chart.png', description: expect.stringMatching(/^Bar chart of share price moves in percent\. At announcement: NVDA \+4\.4%, ORCL \+6%, AVGO −0\.8%\. Latest session: NVDA \+0\.55%, MSFT −0\.50%/) }]);
    expect(payload.attachments[0].description.length).toBeLessThanOrEqual(1024);
    expect(stderr.join('\n')).toMatch(/chart written to .*summary\.png \(800×450 PNG/);
  });

  it('--render slack carries the chart as data visualization blocks within Slack’s limits, with the table in the text', async () => {
    const live = { ...env, FINNHUB_TOKEN: 'tok-123456', FINNHUB_API_URL: apiUrl };
    expect(await summaryCli(['--render', 'slack', '--at', '2026-04-01T14:00:00Z'], io, live, { renderers })).toBe(0);
    const payload = JSON.parse(stdout.join(''));
    const charts = payload.blocks.filter((b: { type: string }) => b.type === 'data_visualization');
    expect(charts.map((c: { title: string }) => c.title)).toEqual(['Share moves (%) · At announcement', 'Share moves (%) · Latest session']);
    expect(charts[1].chart.axis_config.categories).toEqual(['NVDA', 'MSFT', 'ORCL', 'AVGO', 'AMD', 'INTC']);
    expect(slackRejects(payload)).toBeUndefined();
    expect(payload.text).toMatch(/Company +At announcement +Latest session/);
  });

  it('renders with a named renderer and refuses unknown options', async () => {
    expect(await summaryCli(['--render', 'json'], io, env, { clock, renderers })).toBe(0);
    expect(JSON.parse(stdout.join('')).kind).toBe('summary');
    expect(await summaryCli(['--render', 'fax'], io, env, { renderers })).toBe(1);
    expect(stderr.join('\n')).toMatch(/--render must be one of: text, json/);
    expect(await summaryCli(['--lang', 'de'], io, env, { renderers })).toBe(1);
    expect(await summaryCli(['--bogus'], io, env, { renderers })).toBe(1);
  });

  it('reports a bad DEFAULT_TIMEZONE by name', async () => {
    const err = await summaryCli([], io, { ...env, DEFAULT_TIMEZONE: 'Mars/Olympus' }, { renderers }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems[0]).toMatch(/^DEFAULT_TIMEZONE: "Mars\/Olympus" is not an IANA timezone/);
  });

  it('--post posts today’s summary to every subscribed channel once, through the ledger', async () => {
    const db = SqliteDriver.open(env.DATABASE_PATH!);
    const subs = new SubscriptionStore(db, () => new Date('2026-03-01T00:00:00Z'));
    await subs.subscribe({ channel: { platform: 'slack', id: 'C1' }, time: '18:00', timezone: 'Europe/Paris', lang: 'fr', by: 'U1' });
    await subs.subscribe({ channel: { platform: 'discord', id: 'D1' }, time: '06:00', timezone: 'UTC', lang: 'en', by: 'U2' });
    await subs.subscribe({ channel: { platform: 'console', id: 'local' }, time: '06:00', timezone: 'UTC', lang: 'en', by: 'me' });
    await db.close();

    const slack = new RecordingPublisher('slack', clock);
    const discord = new RecordingPublisher('discord', clock);
    let closed = 0;
    const connect = async () => ({
      publishers: new Map<Platform, RecordingPublisher>([['slack', slack], ['discord', discord]]),
      close: async () => void closed++,
    });

    expect(await summaryCli(['--post'], io, env, { clock, connect, renderers })).toBe(0);
    expect(slack.posts.map((p) => [p.channel.id, p.reply.kind, p.reply.lang])).toEqual([['C1', 'summary', 'fr']]);
    expect(discord.posts.map((p) => p.channel.id)).toEqual(['D1']);
    expect(stdout.join('\n')).toMatch(/posted {3}slack:C1 \(2026-04-01 18:00\) message slack-msg-1/);
    expect(stdout.join('\n')).toContain('skipped  console:local (2026-04-01 06:00): console is not configured here');

    stdout = [];
    expect(await summaryCli(['--post'], io, env, { clock, connect, renderers })).toBe(0); // cron ran twice
    expect(slack.posts).toHaveLength(1);
    expect(discord.posts).toHaveLength(1);
    expect(stdout.join('\n')).toContain('skipped  slack:C1 (2026-04-01 18:00): already posted (or being posted) for this slot');
    expect(closed).toBe(2);
  });

  it('--post skips a market-calendar channel on an exchange holiday; --post --force posts and says why', async () => {
    const db = SqliteDriver.open(env.DATABASE_PATH!);
    const subs = new SubscriptionStore(db, () => new Date('2026-12-01T00:00:00Z'));
    await subs.subscribe({ channel: { platform: 'slack', id: 'C1' }, times: ['09:00', '16:30'], timezone: 'America/New_York', lang: 'en', by: 'U1', calendar: 'XNYS' });
    await db.close();
    const slack = new RecordingPublisher('slack', clock);
    const connect = async () => ({ publishers: new Map<Platform, RecordingPublisher>([['slack', slack]]), close: async () => {} });

    expect(await summaryCli(['--post', '--at', '2026-12-25T15:00:00Z'], io, env, { connect, renderers })).toBe(0);
    expect(slack.posts).toHaveLength(0);
    expect(stdout.join('\n')).toContain('skipped  slack:C1 (2026-12-25 09:00): markets closed today (Christmas Day) — add --force to post anyway');

    stdout = [];
    expect(await summaryCli(['--post', '--force', '--at', '2026-12-25T15:00:00Z'], io, env, { connect, renderers })).toBe(0);
    expect(slack.posts).toHaveLength(1);
    expect(stdout.join('\n')).toMatch(/posted {3}slack:C1 \(2026-12-25 09:00\) message slack-msg-1 — forced with dealbot summary --post --force \(Christmas Day\)/);
    expect(slack.posts[0]!.reply.lines[0]).toBe('Posted on a day this channel’s calendar skips: forced with dealbot summary --post --force (Christmas Day).');
    expect(slack.posts[0]!.reply.intro).toMatch(/^Markets closed today \(Christmas Day\)/);
    expect(await summaryCli(['--force'], io, env, { renderers })).toBe(1);
  });
});
