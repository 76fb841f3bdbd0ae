// Faults users hit on Discord (issue 11), each replayed against discord.js and the fake Discord.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { factsReply } from '../../commands/shared.ts';
import { defineCommand } from '../../src/core/command.ts';
import type { RecordedRequest } from './fake-discord.ts';
import { startHarness, testCommands, type Harness } from './helpers.ts';
import { expectWithinLimits, visibleText } from './limits.ts';

const EPHEMERAL = 64;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function replyTo(messageId: string): Promise<RecordedRequest> {
  return h!.fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === messageId);
}

/** `/deal everything`: every fact of the base through the real facts reply (more than one message holds). */
const everything = defineCommand({
  name: 'everything',
  aliases: [],
  description: { en: 'test: every fact', fr: 'test : tous les faits' },
  usage: '',
  acceptsText: false,
  args: z.object({}),
  parseArgs: () => ({}),
  run: (ctx) => factsReply(ctx, ctx.engine.base.facts, { title: 'Everything' }),
});

describe('mentions', () => {
  it('answers a mention of the bot’s managed role, as Discord’s picker often inserts it', async () => {
    h = await startHarness();
    const m = h.fake.message(`<@&${h.fake.botRoleId}> energy`);
    const body = (await replyTo(m.id)).body;
    expect(body.embeds[0].title).toMatch(/Energy/);
  });

  it('still ignores a mention of another role', async () => {
    h = await startHarness();
    const m = h.fake.message(`<@&${h.fake.adminRoleId}> energy`);
    const sentinel = h.fake.message('energy', { dm: true });
    await replyTo(sentinel.id);
    expect(h.fake.requests.some((r) => r.body?.message_reference?.message_id === m.id)).toBe(false);
  });
});

describe('rate-limit notices go to the asker only', () => {
  it('public:True while limited: the notice is ephemeral, the channel sees nothing', async () => {
    h = await startHarness({ policy: { limits: { userPerMin: 1 } } });
    const first = (await h.fake.callbackOf(h.fake.slash({ query: 'energy', public: true }))).body.data;
    expect((first.flags ?? 0) & EPHEMERAL).toBe(0);
    const second = (await h.fake.callbackOf(h.fake.slash({ query: 'energy', public: true }))).body.data;
    expect(second.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(second)).toMatch(/faster than I can keep up/);
  });
});

describe('long answers', () => {
  it('say once how many facts were left out, counting what the command and the message left out together', async () => {
    h = await startHarness({ bot: { commands: [...testCommands, everything] } });
    const facts = h.bot.engine().base.facts.length;
    expect(facts).toBeGreaterThan(25);
    const m = h.fake.message(`<@${h.fake.botUser.id}> everything`);
    const body = (await replyTo(m.id)).body;
    expectWithinLimits(body);
    const text = visibleText(body);
    const mores = [...text.matchAll(/… and (\d+) more/g)];
    expect(mores).toHaveLength(1);
    const shown = body.embeds.flatMap((e: any) => e.fields ?? []).filter((f: any) => f.name !== 'Sources').length;
    expect(Number(mores[0]![1])).toBe(facts - shown);
  });
});

describe('citations', () => {
  it('name each source once per answer, with numbered markers on the items', async () => {
    h = await startHarness();
    const body = (await h.fake.callbackOf(h.fake.slash({ query: 'energy' }))).body.data;
    const title = h.bot.engine().base.sources.values().next().value!.title;
    const text = visibleText(body);
    expect(text.split(title).length - 1).toBe(1);
    const fields = (body.embeds[0].fields ?? []) as { name: string; value: string }[];
    // Markers are written \[1\] (escaped markdown, shown as [1]).
    const items = fields.filter((f) => /\\?\[1\\?\]/.test(f.value) && !f.value.includes(title));
    expect(items.length).toBeGreaterThan(1);
  });
});
