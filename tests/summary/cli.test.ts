// `dealbot summary` end to end: real config parsing, database, fact base and Finnhub provider
// (against a local server), with the platforms replaced by a recording publisher for --post.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/env.ts';
import type { Platform } from '../../src/core/command.ts';
import { openDatabase } from '../../src/store/db.ts';
import { channelRenderers } from '../../src/cli/renderers.ts';
import { summaryCli } from '../../src/summary/cli.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { ManualClock, RecordingPublisher, SHIPPED_FACTS_DIR, tempDir } from './helpers.ts';

let server: Server;
let apiUrl: string;
let hits = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    const symbol = new URL(req.url ?? '/', 'http://x').searchParams.get('symbol');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ c: symbol === 'NVDA' ? 181.25 : 99.5, d: 1, dp: 0.5, h: 0, l: 0, o: 0, pc: 98.5, t: 1_775_051_940 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const renderers = channelRenderers();

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
    const db = openDatabase(env.DATABASE_PATH!);
    const subs = new SubscriptionStore(db, () => new Date('2026-03-01T00:00:00Z'));
    subs.subscribe({ channel: { platform: 'slack', id: 'C1' }, time: '18:00', timezone: 'Europe/Paris', lang: 'fr', by: 'U1' });
    subs.subscribe({ channel: { platform: 'discord', id: 'D1' }, time: '06:00', timezone: 'UTC', lang: 'en', by: 'U2' });
    subs.subscribe({ channel: { platform: 'console', id: 'local' }, time: '06:00', timezone: 'UTC', lang: 'en', by: 'me' });
    db.close();

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
    expect(stdout.join('\n')).toMatch(/posted {3}slack:C1 \(2026-04-01\) message slack-msg-1/);
    expect(stdout.join('\n')).toContain('skipped  console:local: console is not configured here');

    stdout = [];
    expect(await summaryCli(['--post'], io, env, { clock, connect, renderers })).toBe(0); // cron ran twice
    expect(slack.posts).toHaveLength(1);
    expect(discord.posts).toHaveLength(1);
    expect(stdout.join('\n')).toContain('skipped  slack:C1: already posted (or being posted) today');
    expect(closed).toBe(2);
  });
});
