// Gateway heartbeats: the real discord.js client, started by our adapter, beats at the interval
// HELLO gives, with the last sequence number it saw, and the fake's acks keep it connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.ts';

describe('gateway heartbeats against the fake Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ fake: { heartbeatIntervalMs: 250 } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('sends op 1 with the last sequence number, and stays on one session while the fake acks', async () => {
    const { fake } = h;
    // READY and GUILD_CREATE were sequence 1 and 2.
    await fake.waitForHeartbeat((b) => b.d === 2);
    // Another dispatch (a bot's message, which dealbot ignores) moves the sequence on.
    fake.message('hello', { author: fake.otherBot });
    const after = await fake.waitForHeartbeat((b) => b.seq === 3 && b.d === 3);
    // Every heartbeat carried a sequence the client had really received.
    for (const b of fake.heartbeats) expect(b.d).toBeLessThanOrEqual(b.seq);
    // Two more beats: without acks discord.js would call the connection a zombie and reconnect.
    const later = () => fake.heartbeats.filter((b) => b.at > after.at);
    await fake.waitForHeartbeat(() => later().length >= 2);
    expect(later().map((b) => b.d)).toEqual([3, 3]);
    expect(fake.identifies).toHaveLength(1);
    expect(h.discord.connected()).toBe(true);
    expect(h.fake.requests.filter((r) => r.method === 'POST')).toEqual([]); // the bot's message went unanswered
  });
});
