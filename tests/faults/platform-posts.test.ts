// Scheduled posts against slow and rate-limiting platforms (issue 12), through the real publishers
// (Discord's REST, Slack's Web API client) and the fakes: a post the platform takes but answers
// after the client gave up is never sent again by the client, and the next attempt adopts it; a
// claim is held for as long as its post takes, however short the lease; 429s — with Retry-After
// or only `retry_after` in the body — are waited out within a small budget, never a storm.
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { createDiscordPublisher } from '../../src/adapters/discord/publisher.ts';
import { postingRest } from '../../src/adapters/discord/rest.ts';
import { postingClient, slackPublisher } from '../../src/adapters/slack/publisher.ts';
import { backoffMs, DEFAULT_RETRY_BUDGET, RateLimitBudgetError, retryAfterMs } from '../../src/adapters/transport/rate-limit.ts';
import type { ChannelPublisher, ChannelRef } from '../../src/core/command.ts';
import { silentLogger } from '../../src/ops/log.ts';
import { SqliteDriver } from '../../src/store/sqlite.ts';
import { buildSummary } from '../../src/summary/build.ts';
import { systemClock } from '../../src/summary/clock.ts';
import { PostLedger } from '../../src/summary/ledger.ts';
import { MarketData, QuoteCache } from '../../src/summary/market.ts';
import { createScheduler } from '../../src/summary/scheduler.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { startHarness as startDiscordHarness } from '../discord/helpers.ts';
import { BOT_TOKEN, BOT_USER_ID, eventEnvelope, eventRequest, FakeSlack, postToApp } from '../slack/fake-slack.ts';
import { startHarness as startSlackHarness } from '../slack/helpers.ts';
import { fixtureBase, tempDir } from '../summary/helpers.ts';

const base = fixtureBase();

let tmp: ReturnType<typeof tempDir>;
let db: SqliteDriver;
beforeEach(() => {
  tmp = tempDir('dealbot-posts-');
  db = SqliteDriver.open(join(tmp.dir, 'dealbot.db'));
});
afterEach(async () => {
  await db.close();
  tmp.cleanup();
});

async function subscribe(channel: ChannelRef): Promise<void> {
  await new SubscriptionStore(db, () => new Date('2026-03-01T00:00:00Z')).subscribe({ channel, time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
}

/** A scheduler as `dealbot start` builds it (real clock), posting through `publisher`. */
function scheduler(publisher: ChannelPublisher, owner: string, leaseMs = 60_000) {
  return createScheduler({
    subscriptions: new SubscriptionStore(db),
    ledger: new PostLedger(db),
    market: new MarketData({ cache: new QuoteCache(db) }),
    base: () => base,
    publishers: new Map([[publisher.platform, publisher]]),
    clock: systemClock,
    leaseMs,
    retryDelayMs: 200,
    owner,
  });
}

const DUE = new Date('2026-04-01T09:00:30Z');
const LATER = new Date('2026-04-01T09:05:00Z');

describe('Discord uploads in a process that also runs Slack', () => {
  it('a summary with its chart PNG posts although Slack’s Socket Mode client loaded undici 7 (the global dispatcher)', async () => {
    expect(typeof webApi.WebClient).toBe('function'); // @slack/bolt is loaded in this process
    const fake = await FakeDiscord.start();
    try {
      const publisher = createDiscordPublisher(postingRest(readDiscordConfig(fake.env())!, silentLogger, { timeout: 2000 }));
      const channel: ChannelRef = { platform: 'discord', id: fake.addChannel() };
      const reply = buildSummary({ base, lang: 'en', now: DUE, timezone: 'UTC', market: await new MarketData({ cache: new QuoteCache(db) }).snapshot([]), changes: { previous: undefined } });
      expect(reply.chart).toBeDefined();
      await publisher.post(channel, reply);
      const post = fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${channel.id}/messages`);
      expect(post?.status).toBe(200);
      expect(post?.files?.map((f) => f.name)).toEqual(['deal-chart.png']);
    } finally {
      await fake.close();
    }
  });
});

describe('a post the platform answers too late is never sent twice', () => {
  it('Discord: the REST client does not retry it; the next attempt finds it in the channel and adopts it', async () => {
    const fake = await FakeDiscord.start();
    try {
      const publisher = createDiscordPublisher(postingRest(readDiscordConfig(fake.env())!, silentLogger, { timeout: 500 }));
      const channel: ChannelRef = { platform: 'discord', id: fake.addChannel() };
      await subscribe(channel);
      fake.channelPostDelayMs = 1500; // Discord takes the message at once, answers after the client gave up
      const first = await scheduler(publisher, 'a').tick(DUE);
      expect(first).toEqual([expect.objectContaining({ ok: false })]);
      await new Promise((r) => setTimeout(r, 1700)); // the late answer, had the client waited for it
      const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel.id}/messages`);
      expect(posts()).toHaveLength(1);
      fake.channelPostDelayMs = 0;
      const second = await scheduler(publisher, 'b').tick(LATER);
      expect(second).toEqual([expect.objectContaining({ ok: true, adopted: true })]);
      expect(posts()).toHaveLength(1);
      expect([...fake.messages.values()].filter((m) => m.channel_id === channel.id)).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('Slack: the Web API client does not retry it; the next attempt finds it by its metadata and adopts it', async () => {
    const fake = await FakeSlack.start();
    try {
      const publisher = slackPublisher(postingClient(webApi.WebClient, { botToken: BOT_TOKEN, apiUrl: fake.apiUrl }, silentLogger, 500));
      const channel: ChannelRef = { platform: 'slack', id: 'C0SLOWPOST' };
      await subscribe(channel);
      fake.postDelayMs = 1500;
      expect(await scheduler(publisher, 'a').tick(DUE)).toEqual([expect.objectContaining({ ok: false })]);
      await new Promise((r) => setTimeout(r, 1700));
      expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
      fake.postDelayMs = 0;
      expect(await scheduler(publisher, 'b').tick(LATER)).toEqual([expect.objectContaining({ ok: true, adopted: true })]);
      expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
      expect(fake.history.get('C0SLOWPOST')).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it('a platform slower than the lease: the live holder keeps its claim; another process never posts it', async () => {
    const fake = await FakeSlack.start();
    try {
      const publisher = slackPublisher(postingClient(webApi.WebClient, { botToken: BOT_TOKEN, apiUrl: fake.apiUrl }, silentLogger, 10_000));
      const channel: ChannelRef = { platform: 'slack', id: 'C0LONGPOST' };
      await subscribe(channel);
      fake.postDelayMs = 2000; // longer than the 600 ms lease
      const holder = scheduler(publisher, 'holder', 600).tick(DUE);
      const other = scheduler(publisher, 'other', 600);
      const started = Date.now();
      const otherEvents = [];
      while (Date.now() - started < 2300) {
        otherEvents.push(...(await other.tick(new Date(DUE.getTime() + (Date.now() - started)))));
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await holder).toEqual([expect.objectContaining({ ok: true })]);
      expect(otherEvents).toEqual([]);
      expect(fake.callsOf('chat.postMessage')).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});

describe('429s: header or body, capped backoff, a budget per request', () => {
  it('reads the wait from the Retry-After header or from the JSON body alone', () => {
    expect(retryAfterMs({ 'retry-after': '2' }, undefined)).toBe(2000);
    expect(retryAfterMs(new Headers(), JSON.stringify({ retry_after: 0.35 }))).toBe(350);
    expect(retryAfterMs({}, '{"message":"You are being rate limited."}')).toBeUndefined();
    expect(retryAfterMs({}, 'not json')).toBeUndefined();
    // At least what was asked; exponential when nothing (or 0) was; a budget of three retries; too long fails.
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 0))).toEqual([250, 500, 1000, undefined]);
    expect(backoffMs(1, 5000)).toBe(5000);
    expect(backoffMs(1, DEFAULT_RETRY_BUDGET.maxWaitMs + 1)).toBeUndefined();
  });

  it('Discord REST: 429s with retry_after only in the body are waited out; past the budget the request fails after 4 tries', async () => {
    const fake = await FakeDiscord.start();
    try {
      const publisher = createDiscordPublisher(postingRest(readDiscordConfig(fake.env())!, silentLogger, { timeout: 2000 }));
      const channel: ChannelRef = { platform: 'discord', id: fake.addChannel() };
      const reply = buildSummary({ base, lang: 'en', now: DUE, timezone: 'UTC', market: await new MarketData({ cache: new QuoteCache(db) }).snapshot([]), changes: { previous: undefined } });
      const posts = () => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel.id}/messages`);
      fake.rateLimit(/^POST \/channels\/\d+\/messages$/, 2, { retryAfter: 0.1 });
      await publisher.post(channel, reply);
      expect(posts().map((r) => r.status)).toEqual([429, 429, 200]);
      fake.rateLimit(/^POST \/channels\/\d+\/messages$/, 10_000, { retryAfter: 0 });
      await expect(publisher.post(channel, reply)).rejects.toBeInstanceOf(RateLimitBudgetError);
      expect(posts()).toHaveLength(3 + 4);
    } finally {
      await fake.close();
    }
  });

  it('Discord interaction callbacks: a storm of body-only 429s costs at most 4 POSTs per interaction', async () => {
    const h = await startDiscordHarness();
    try {
      h.fake.rateLimit(/^POST \/interactions\//, 10_000, { retryAfter: 0 });
      const i = h.fake.slash({ query: 'energy' });
      await new Promise((r) => setTimeout(r, 3500)); // Discord's window and then some
      const callbacks = h.fake.requests.filter((r) => r.path === `/interactions/${i.id}/${i.token}/callback`);
      expect(callbacks.length).toBeGreaterThan(1);
      expect(callbacks.length).toBeLessThanOrEqual(4);
    } finally {
      await h.close();
    }
  });

  it('Slack: chat.postMessage 429s with retry_after only in the body are waited out, within the budget', async () => {
    const fake = await FakeSlack.start();
    try {
      const publisher = slackPublisher(postingClient(webApi.WebClient, { botToken: BOT_TOKEN, apiUrl: fake.apiUrl }, silentLogger, 5000));
      const channel: ChannelRef = { platform: 'slack', id: 'C0LIMITED' };
      const reply = buildSummary({ base, lang: 'en', now: DUE, timezone: 'UTC', market: await new MarketData({ cache: new QuoteCache(db) }).snapshot([]), changes: { previous: undefined } });
      fake.rateLimit('chat.postMessage', 2, { retryAfter: 0.1 });
      await publisher.post(channel, reply);
      expect(fake.callsOf('chat.postMessage')).toHaveLength(3);
      expect(fake.history.get('C0LIMITED')).toHaveLength(1);
      fake.rateLimit('chat.postMessage', 10_000, { retryAfter: 0 });
      await expect(publisher.post(channel, reply)).rejects.toThrow();
      expect(fake.callsOf('chat.postMessage')).toHaveLength(3 + 4);
    } finally {
      await fake.close();
    }
  });

  it('Slack: an answer to a mention under a body-only 429 storm is tried at most 4 times', async () => {
    const h = await startSlackHarness();
    try {
      h.fake.rateLimit('chat.postMessage', 10_000, { retryAfter: 0, header: false });
      await postToApp(h.slack.eventsUrl!, eventRequest(eventEnvelope({ type: 'app_mention', user: 'U0STORM01', text: `<@${BOT_USER_ID}> energy`, ts: '1703000000.000001', channel: 'C0STORM01' })));
      await new Promise((r) => setTimeout(r, 3000));
      const tries = h.fake.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0STORM01');
      expect(tries.length).toBeGreaterThan(1);
      expect(tries.length).toBeLessThanOrEqual(4);
    } finally {
      await h.close();
    }
  });
});
