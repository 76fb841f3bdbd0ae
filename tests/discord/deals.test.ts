// Several deals through the real discord.js client and the fake Discord: `/deal use` needs Manage
// Server or Manage Channels (from the interaction's member permissions), kept in a real SQLite
// store; `/deal` then answers from the channel's deal with the deal in the embed's author line; a
// mention naming the other deal's party is answered from that deal; autocomplete names each deal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlChannelDeals } from '../../src/store/channel-deals.ts';
import { SqliteDriver as Db } from '../../src/store/sqlite.ts';
import { FIRST, SECOND, twoDealHolder } from '../helpers/deals.ts';
import { startHarness, type Harness } from './helpers.ts';
import { expectInert, expectWithinLimits, visibleText } from './limits.ts';

const EPHEMERAL = 64;

describe('several deals on Discord', () => {
  let h: Harness;
  let dir: string;
  let db: Db;
  let store: SqlChannelDeals;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dealbot-discord-deals-'));
    db = Db.open(join(dir, 'dealbot.db'));
    store = new SqlChannelDeals(db);
    const holder = twoDealHolder();
    h = await startHarness({ bot: { engine: holder.current, deals: holder.deals, channelDeals: store } });
  });

  afterAll(async () => {
    await h?.close();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const here = () => ({ platform: 'discord' as const, id: h.fake.channelId });
  async function slash(query: string, user: any) {
    const cb = await h.fake.callbackOf(h.fake.slash({ query, user }));
    expectWithinLimits(cb.body.data);
    expectInert(cb.body.data);
    return cb.body.data;
  }

  it('refuses /deal use to a member without Manage Server or Manage Channels', async () => {
    const data = await slash(`use ${SECOND}`, h.fake.alice);
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(data)).toMatch(/Manage Server|Manage Channels/);
    expect(await store.get(here())).toBeUndefined();
    expect((await slash('', h.fake.alice)).embeds[0].author).toEqual({ name: 'Deal: OpenAI–Nvidia partnership' });
  });

  it('sets the channel’s deal for a member with Manage Server; /deal then answers from it, named above the title', async () => {
    const set = await slash(`use ${SECOND}`, h.fake.moderator);
    expect(visibleText(set)).toContain('This channel now asks about Northwind–Kestrel acquisition (northwind-kestrel)');
    expect(await store.get(here())).toMatchObject({ deal: SECOND, setBy: expect.any(String) });

    const answer = await slash('', h.fake.alice);
    const embed = answer.embeds[0];
    expect(embed.author).toEqual({ name: 'Deal: Northwind–Kestrel acquisition' });
    expect(embed.title).toBe('The deal at a glance');
    expect(visibleText(answer)).toContain('up to $640 million');
    expect(visibleText(answer)).not.toContain('$100 billion');
  });

  it('answers a mention naming the other deal’s party from that deal', async () => {
    const asked = h.fake.message(`<@${h.fake.botUser.id}> how much will Nvidia invest?`, { author: h.fake.alice });
    const reply = await h.fake.waitForRequest((r) => r.body?.message_reference?.message_id === asked.id);
    expect(reply.body.embeds[0].author).toEqual({ name: 'Deal: OpenAI–Nvidia partnership' });
    expect(JSON.stringify(reply.body.embeds[0])).toContain('$100 billion');
  });

  it('autocomplete names each choice’s deal and asks it', async () => {
    const cb = await h.fake.callbackOf(h.fake.autocomplete('kestrel'));
    const choices = cb.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    for (const c of choices) {
      expect(c.name.startsWith('Northwind–Kestrel acquisition · ')).toBe(true);
      expect(c.value.startsWith(`${SECOND} `)).toBe(true);
    }
    const picked = await slash(choices[0]!.value, h.fake.alice);
    expect(picked.embeds[0].author).toEqual({ name: 'Deal: Northwind–Kestrel acquisition' });
  });

  it('lists the deals; an owner goes back to the default deal', async () => {
    expect(visibleText(await slash('deals', h.fake.alice))).toMatch(/northwind-kestrel — Northwind–Kestrel acquisition[^\n]*← this channel/);
    await slash('use reset', h.fake.owner);
    expect(await store.get(here())).toBeUndefined();
    const back = await slash('', h.fake.alice);
    expect(back.embeds[0].author).toEqual({ name: 'Deal: OpenAI–Nvidia partnership' });
    expect(visibleText(await slash('use', h.fake.alice))).toContain(`(${FIRST}), the fact base’s default deal`);
  });
});
