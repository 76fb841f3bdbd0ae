// Subscriptions through the real Discord adapter (admin checks from Discord permissions, a real
// SQLite database) and a daily summary posted to the fake Discord through the channel publisher.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { DISCORD_CHART_SIZE, pngSize } from '../../src/summary/chart-png.ts';
import { PostLedger } from '../../src/summary/ledger.ts';
import { MarketData, QuoteCache } from '../../src/summary/market.ts';
import { createScheduler } from '../../src/summary/scheduler.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { startHarness, type Harness } from './helpers.ts';
import { expectInert, expectWithinLimits, visibleText } from './limits.ts';

const EPHEMERAL = 64;
/** The time subscriptions are made at (the scheduler is then run at a chosen instant). */
const NOW = new Date('2026-03-27T10:00:00Z');

describe('subscriptions through Discord', () => {
  let h: Harness;
  let dir: string;
  let db: Db;
  let store: SubscriptionStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dealbot-discord-'));
    db = Db.open(join(dir, 'dealbot.db'));
    store = new SubscriptionStore(db, () => NOW);
    h = await startHarness({ bot: { subscriptions: store, defaultTimezone: 'UTC', now: () => NOW } });
  });

  afterAll(async () => {
    await h?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const here = () => ({ platform: 'discord' as const, id: h.fake.channelId });
  async function slash(query: string, user: any) {
    const cb = await h.fake.callbackOf(h.fake.slash({ query, user }));
    return cb.body.data;
  }

  it('refuses /deal subscribe to a member without Manage Server or Manage Channels', async () => {
    const data = await slash('subscribe 08:30 Europe/Paris', h.fake.alice);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(data)).toMatch(/Manage Server|Manage Channels|admin/i);
    expect(await store.get(here())).toBeUndefined();
  });

  it('subscribes the channel for a member with Manage Server, checked from the interaction', async () => {
    const data = await slash('subscribe 08:30 Europe/Paris', h.fake.moderator);
    expect(visibleText(data)).toContain('08:30');
    expect(await store.get(here())).toMatchObject({
      time: '08:30',
      timezone: 'Europe/Paris',
      channel: { platform: 'discord', id: h.fake.channelId, workspace: h.fake.guildId },
    });
  });

  it('explains bad input to an admin', async () => {
    const data = await slash('subscribe 25:00 Mars/Olympus', h.fake.owner);
    expect(visibleText(data)).toMatch(/HH:MM|timezone/i);
    expect((await store.get(here()))?.time).toBe('08:30');
  });

  it('shows the subscription to anyone, and refuses unsubscribe to a non-admin', async () => {
    expect(visibleText(await slash('subscription', h.fake.alice))).toContain('08:30');
    await slash('unsubscribe', h.fake.alice);
    expect(await store.get(here())).toBeDefined();
  });

  it('takes subscribe from a mention too, with admin rights from the member roles', async () => {
    const byAlice = h.fake.message(`<@${h.fake.botUser.id}> subscribe 07:00 UTC`, { author: h.fake.alice });
    await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === byAlice.id);
    expect((await store.get(here()))?.time).toBe('08:30');
    const byMod = h.fake.message(`<@${h.fake.botUser.id}> subscribe 07:00 UTC`, { author: h.fake.moderator });
    await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === byMod.id);
    expect(await store.get(here())).toMatchObject({ time: '07:00', timezone: 'UTC' });
  });

  it('posts the daily summary to the subscribed channel through the Discord publisher', async () => {
    await slash('subscribe 11:00 UTC', h.fake.moderator);
    const scheduler = createScheduler({
      subscriptions: store,
      ledger: new PostLedger(db),
      market: new MarketData({ cache: new QuoteCache(db) }), // no provider: quotes unavailable, recorded moves shown
      base: () => h.bot.engine().base,
      publishers: new Map([['discord', h.discord.publisher]]),
    });
    try {
      const at = new Date('2026-03-27T11:00:30Z');
      const events = await scheduler.tick(at);
      const mine = events.find((e) => e.channel.id === h.fake.channelId);
      expect(mine?.ok).toBe(true);
      const posted = h.fake.messages.get(mine!.messageId!);
      expect(posted).toBeDefined();
      const request = h.fake.requests.find((r) => r.method === 'POST' && r.path === `/channels/${h.fake.channelId}/messages` && r.body?.embeds?.[0]?.title === posted.embeds[0].title);
      expect(request).toBeDefined();
      expectWithinLimits(request!.body);
      expectInert(request!.body);
      const fields = request!.body.embeds[0].fields ?? [];
      expect(fields.at(-1).name).toBe('Sources');
      for (const f of fields.slice(0, -1)) expect(f.value.split('\n').at(-1)).toMatch(/^\\\[\d+\\\] /);
      // The share-move chart: a PNG uploaded with the message, shown in the embed, described in its alt text.
      expect(request!.body.embeds[0].image).toEqual({ url: 'attachment://deal-chart.png' });
      expect(request!.body.attachments).toEqual([{ id: 0, filename: 'deal-chart.png', description: expect.stringMatching(/^Bar chart of share price moves in percent\. At announcement: NVDA \+4\.4%, ORCL \+6%, AVGO −0\.8%\. Source: /) }]);
      expect(request!.files).toHaveLength(1);
      expect(request!.files![0]).toMatchObject({ field: 'files[0]', name: 'deal-chart.png', type: 'image/png' });
      expect(pngSize(request!.files![0]!.data)).toEqual(DISCORD_CHART_SIZE);
      expect(request!.files![0]!.data.length).toBeLessThan(10 * 1024 * 1024);
      // A second run the same day posts nothing more.
      expect((await scheduler.tick(new Date('2026-03-27T11:05:00Z'))).filter((e) => e.channel.id === h.fake.channelId)).toEqual([]);
    } finally {
      await scheduler.stop();
    }
  });
});
