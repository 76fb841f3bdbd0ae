// Idempotent scheduled posts through the real adapters and the fakes: a process dies after its
// summary reached the channel but before it was recorded; the replica taking the claim over
// finds the post (Slack: message metadata; Discord: the bot's own message of that slot) and adopts
// it instead of posting again. Discord's enforce_nonce returns the first message for a retry.
import { join } from 'node:path';
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelPublisher, ChannelRef } from '../../src/core/command.ts';
import { createDiscordPublisher, nonceOf } from '../../src/adapters/discord/publisher.ts';
import { SqliteDriver } from '../../src/store/sqlite.ts';
import { buildSummary } from '../../src/summary/build.ts';
import { PostLedger } from '../../src/summary/ledger.ts';
import { MarketData, QuoteCache } from '../../src/summary/market.ts';
import { createScheduler } from '../../src/summary/scheduler.ts';
import { SubscriptionStore } from '../../src/summary/subscriptions.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { startHarness, type Harness } from '../slack/helpers.ts';
import { fixtureBase, ManualClock, tempDir } from '../summary/helpers.ts';

const base = fixtureBase();
const DUE = '2026-04-01T09:00:00Z';

/** A process that claimed the slot, posted it, and died before recording it. */
async function crashAfterPosting(db: SqliteDriver, publisher: ChannelPublisher, channel: ChannelRef): Promise<string> {
  const now = Date.parse(DUE);
  const claim = (await new PostLedger(db).claim(channel, { slot: '2026-04-01 09:00', kind: 'summary', localDate: '2026-04-01' }, 'dead-replica', now, 60_000))!;
  const market = await new MarketData({ cache: new QuoteCache(db) }).snapshot([]);
  const reply = buildSummary({ base, lang: 'en', now: new Date(now), timezone: 'UTC', market, changes: { previous: undefined } });
  const { messageId } = await publisher.post(channel, reply, { key: 'summary:2026-04-01 09:00', since: claim.claimedAt, title: reply.title });
  return messageId;
}

/** The replica that takes over once the lease has expired. */
async function takeOver(db: SqliteDriver, publisher: ChannelPublisher) {
  const clock = ManualClock.at('2026-04-01T09:02:00Z');
  const scheduler = createScheduler({
    subscriptions: new SubscriptionStore(db, clock.now),
    ledger: new PostLedger(db),
    market: new MarketData({ cache: new QuoteCache(db), now: clock.now }),
    base: () => base,
    publishers: new Map([[publisher.platform, publisher]]),
    clock,
    leaseMs: 60_000,
    owner: 'survivor',
  });
  return scheduler.tick(clock.now());
}

describe('a post that landed before its process died is adopted, not posted twice', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: SqliteDriver;
  beforeEach(() => {
    tmp = tempDir('dealbot-idempotent-');
    db = SqliteDriver.open(join(tmp.dir, 'dealbot.db'));
  });
  afterEach(async () => {
    await db.close();
    tmp.cleanup();
  });

  async function subscribe(channel: ChannelRef): Promise<void> {
    await new SubscriptionStore(db, () => new Date('2026-03-01T00:00:00Z')).subscribe({ channel, time: '09:00', timezone: 'UTC', lang: 'en', by: 'U1' });
  }

  describe('Slack (message metadata)', () => {
    let h: Harness;
    beforeEach(async () => {
      h = await startHarness();
    });
    afterEach(async () => h.close());

    it('the survivor finds the post by its metadata and records it', async () => {
      const channel: ChannelRef = { platform: 'slack', id: 'C0IDEM001' };
      await subscribe(channel);
      const landed = await crashAfterPosting(db, h.slack.publisher, channel);
      expect(h.fake.history.get('C0IDEM001')?.[0]).toMatchObject({ ts: landed, metadata: { event_type: 'dealbot_post', event_payload: { key: 'summary:2026-04-01 09:00' } } });

      const events = await takeOver(db, h.slack.publisher);
      expect(events).toEqual([expect.objectContaining({ ok: true, adopted: true, messageId: landed })]);
      expect(h.fake.history.get('C0IDEM001')).toHaveLength(1);
      expect(h.fake.callsOf('conversations.history')[0]?.args).toMatchObject({ channel: 'C0IDEM001', include_all_metadata: 'true' });
      expect(await new PostLedger(db).get(channel, '2026-04-01 09:00')).toMatchObject({ state: 'sent', messageId: landed, attempts: 2 });
    });

    it('with nothing in the channel, the survivor posts (once)', async () => {
      const channel: ChannelRef = { platform: 'slack', id: 'C0IDEM002' };
      await subscribe(channel);
      await new PostLedger(db).claim(channel, { slot: '2026-04-01 09:00', kind: 'summary', localDate: '2026-04-01' }, 'dead-replica', Date.parse(DUE), 60_000);
      const events = await takeOver(db, h.slack.publisher);
      expect(events).toEqual([expect.objectContaining({ ok: true })]);
      expect(events[0]!.adopted).toBeUndefined();
      expect(h.fake.history.get('C0IDEM002')).toHaveLength(1);
    });
  });

  describe('Discord (nonce with enforce_nonce; the bot’s own message of the slot)', () => {
    let fake: FakeDiscord;
    let publisher: ChannelPublisher;
    beforeEach(async () => {
      fake = await FakeDiscord.start();
      publisher = createDiscordPublisher(new REST({ api: fake.apiUrl, retries: 0, timeout: 2000 }).setToken(fake.token));
    });
    afterEach(async () => fake.close());

    it('a retry inside the nonce window gets the same message back', async () => {
      const channel: ChannelRef = { platform: 'discord', id: fake.channelId };
      const reply = buildSummary({ base, lang: 'en', now: new Date(DUE), timezone: 'UTC', market: await new MarketData({ cache: new QuoteCache(db) }).snapshot([]), changes: { previous: undefined } });
      const identity = { key: 'summary:2026-04-01 09:00', since: Date.now(), title: reply.title };
      const first = await publisher.post(channel, reply, identity);
      const again = await publisher.post(channel, reply, identity);
      expect(again.messageId).toBe(first.messageId);
      const sent = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
      expect(sent.map((r) => [r.body.nonce, r.body.enforce_nonce])).toEqual([
        [nonceOf(fake.channelId, identity), true],
        [nonceOf(fake.channelId, identity), true],
      ]);
      expect(nonceOf(fake.channelId, identity)).toHaveLength(25);
      expect(nonceOf(fake.channelId, { ...identity, key: 'summary:2026-04-01 16:30' })).not.toBe(nonceOf(fake.channelId, identity));
    });

    it('the survivor finds the bot’s post of the slot in the channel and records it', async () => {
      const channel: ChannelRef = { platform: 'discord', id: fake.channelId };
      await subscribe(channel);
      const landed = await crashAfterPosting(db, publisher, channel);
      // Somebody else's message and a reply of the bot's in between are not it.
      fake.createMessage(fake.channelId, fake.alice, { content: 'hello' });
      fake.createMessage(fake.channelId, fake.botUser, { embeds: [{ title: 'An answer' }], message_reference: { message_id: landed } });

      const events = await takeOver(db, publisher);
      expect(events).toEqual([expect.objectContaining({ ok: true, adopted: true, messageId: landed })]);
      const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
      expect(posts).toHaveLength(1);
      expect(await new PostLedger(db).get(channel, '2026-04-01 09:00')).toMatchObject({ state: 'sent', messageId: landed });
    });
  });
});
