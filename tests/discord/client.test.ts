// The real discord.js client, started by our adapter, against the local fake Discord:
// what the fake receives for /deal, autocomplete, Share, mentions and DMs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n.ts';
import { reply } from '../../src/core/reply.ts';
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { startDiscord } from '../../src/adapters/discord/start.ts';
import { silentLogger } from '../../src/ops/log.ts';
import { testBot, testPolicy, testRuntime } from '../helpers/bot.ts';
import { FakeDiscord } from './fake-discord.ts';
import { startHarness, type Harness } from './helpers.ts';
import { expectInert, expectWithinLimits, visibleText } from './limits.ts';
import type { RecordedRequest } from './fake-discord.ts';

const HOSTILE = '@everyone <@&123> <@456> **bold** ||spoiler||';
const EPHEMERAL = 64;

/** The reply the bot posted to a message (message_reference points at it). */
function replyTo(fake: FakeDiscord, messageId: string): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === messageId);
}

/** Each item field ends with its source's number and section; the last field lists the sources once. */
function expectCitedFields(body: any): void {
  const fields = body.embeds[0].fields ?? [];
  expect(fields.length).toBeGreaterThan(1);
  const sources = fields.at(-1);
  expect(sources.name).toBe('Sources');
  expect(sources.value).toMatch(/^\\\[1\\\] /);
  for (const f of fields.slice(0, -1)) expect(f.value.split('\n').at(-1)).toMatch(/^\\\[\d+\\\] § /);
}

describe('Discord adapter against the fake Discord', () => {
  let h: Harness;
  let fake: FakeDiscord;
  const unhandled: unknown[] = [];
  const onUnhandled = (err: unknown) => unhandled.push(err);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    h = await startHarness();
    fake = h.fake;
  });

  afterAll(async () => {
    await h?.close();
    process.off('unhandledRejection', onUnhandled);
  });

  it('connects through the API URL with only the Guilds, GuildMessages and DirectMessages intents', () => {
    expect(h.discord.connected()).toBe(true);
    const intents = fake.identifies[0].intents as number;
    expect(intents).toBe((1 << 0) | (1 << 9) | (1 << 12));
    expect(intents & (1 << 15)).toBe(0); // no MessageContent
    expect(fake.requests.some((r) => r.path === '/gateway/bot')).toBe(true);
  });

  it('answers /deal energy ephemerally with cited embeds and a Share button', async () => {
    const i = fake.slash({ query: 'energy' });
    const cb = await fake.callbackOf(i);
    expect(cb.body.type).toBe(4);
    const data = cb.body.data;
    expect(data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(data.embeds).toHaveLength(1);
    expectCitedFields(data);
    expectWithinLimits(data);
    expect(data.allowed_mentions.parse).toEqual([]);
    const button = data.components[0].components[0];
    expect(button).toMatchObject({ type: 2, label: 'Share in channel' });
    expect(button.custom_id).toBe('deal:share:en');
  });

  it('answers publicly with public:true, without a Share button', async () => {
    const i = fake.slash({ query: 'energy', public: true });
    const data = (await fake.callbackOf(i)).body.data;
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(data.components ?? []).toEqual([]);
    expectCitedFields(data);
  });

  it('answers autocomplete with the engine suggestions, at most 25, each within 100 characters', async () => {
    const i = fake.autocomplete('ener');
    const cb = await fake.callbackOf(i);
    expect(cb.body.type).toBe(8);
    const choices = cb.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeGreaterThan(0);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    const expected = h.bot.engine().suggest('ener', 25).map((s) => s.value);
    expect(choices.map((c) => c.value)).toEqual(expected);
    expect(choices[0]).toEqual({ name: 'Topic: Energy', value: 'energy' });
    // A French Discord gets French labels for a partial that tells no language.
    const fr = (await fake.callbackOf(fake.autocomplete('ener', { locale: 'fr' }))).body.data.choices;
    expect(fr[0]).toEqual({ name: 'Sujet : Énergie', value: 'énergie' });
  });

  it('shares an ephemeral answer to the channel when Share is pressed, attributed to the asker', async () => {
    const asked = fake.slash({ query: 'energy' });
    const first = await fake.callbackOf(asked);
    const customId = first.body.data.components[0].components[0].custom_id as string;
    const ephemeral = fake.interactions.get(asked.id)!.original;

    const press = fake.button(customId, ephemeral);
    const update = await fake.callbackOf(press);
    expect(update.body.type).toBe(7);
    expect(update.body.data.components[0].components[0]).toMatchObject({ disabled: true });

    const followUp = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${press.token}`);
    const data = followUp.body;
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(data.allowed_mentions.parse).toEqual([]);
    expect(data.embeds[0].footer.text).toBe(`${first.body.data.embeds[0].footer.text} · Shared by ${fake.alice.global_name}`);
    // The channel gets exactly what the asker saw: the same embed, only the footer gains the note.
    const { footer: _shared, ...sharedRest } = data.embeds[0];
    const { footer: _seen, ...seenRest } = first.body.data.embeds[0];
    expect(sharedRest).toEqual(seenRest);
    expect(data.components ?? []).toEqual([]);
    expectWithinLimits(data);
  });

  it('shares the answer to a long question, with nothing kept in memory (it survives a restart)', async () => {
    const question = `${'what does the letter of intent say about the gigawatts of nvidia systems '.repeat(3)}?`;
    expect(question.length).toBeGreaterThan(100); // more than a custom_id could carry
    const asked = fake.slash({ query: question, locale: 'fr' });
    const first = await fake.callbackOf(asked);
    const customId = first.body.data.components[0].components[0].custom_id as string;
    expect(customId.length).toBeLessThanOrEqual(100);
    expect(customId).not.toContain('gigawatts');

    // A bot started afresh knows nothing of the first answer: the button and its message suffice.
    const other = await startHarness();
    try {
      const message = other.fake.createMessage(other.fake.channelId, other.fake.botUser, { ...first.body.data });
      const press = other.fake.button(customId, message, { locale: 'fr' });
      expect((await other.fake.callbackOf(press)).body.type).toBe(7);
      const followUp = await other.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${other.fake.applicationId}/${press.token}`);
      expect(followUp.body.embeds[0].fields).toEqual(first.body.data.embeds[0].fields);
      expect(followUp.body.embeds[0].footer.text).toContain(`Shared by ${other.fake.alice.global_name}`);
    } finally {
      await other.close();
    }
  });

  it('shares in the language of the answer, also from a button of an older version', async () => {
    const asked = fake.slash({ query: 'quel est le calendrier ?', locale: 'en-US' });
    const first = await fake.callbackOf(asked);
    const button = first.body.data.components[0].components[0];
    expect(button.label).toBe('Partager dans le salon');
    const ephemeral = fake.interactions.get(asked.id)!.original;
    const press = fake.button(button.custom_id, ephemeral, { locale: 'en-US' });
    expect((await fake.callbackOf(press)).body.data.components[0].components[0].label).toBe('Partagé dans le salon');
    const followUp = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${press.token}`);
    expect(followUp.body.embeds[0].footer.text).toContain(`Partagé par ${fake.alice.global_name}`);

    // Buttons sent before this version carried the query; they share the embeds all the same.
    const older = fake.slash({ query: 'energy' });
    const olderFirst = await fake.callbackOf(older);
    const olderPress = fake.button('deal:share:q:energy', fake.interactions.get(older.id)!.original);
    await fake.callbackOf(olderPress);
    const olderCopy = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${olderPress.token}`);
    expect(olderCopy.body.embeds[0].fields).toEqual(olderFirst.body.data.embeds[0].fields);
  });

  it('says so when a Share button sits on a message with no answer to share', async () => {
    const press = fake.button('deal:share:en', fake.createMessage(fake.channelId, fake.botUser, { flags: EPHEMERAL }));
    const cb = await fake.callbackOf(press);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(cb.body.data)).toMatch(/nothing to share/i);
  });

  it('answers /deal in its own DM as a plain message that stays, without a Share button', async () => {
    const i = fake.slash({ query: 'energy', dm: true });
    const data = (await fake.callbackOf(i)).body.data;
    expect((data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(data.components ?? []).toEqual([]);
    expectCitedFields(data);
  });

  it('answers a mention as a reply, without the mention in the question and without pinging', async () => {
    const m = fake.message(`<@${fake.botUser.id}> what's the timeline?`);
    const r = await replyTo(fake, m.id);
    expect(r.path).toBe(`/channels/${fake.channelId}/messages`);
    expect(r.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(r.body.embeds[0].title).not.toContain(fake.botUser.id);
    expectCitedFields(r.body);
    expectWithinLimits(r.body);
    expect(r.body.embeds[0].footer.text).toBe(t('en').footer);
  });

  it('answers in the language asked', async () => {
    const m = fake.message(`<@${fake.botUser.id}> quel est le calendrier de l’accord ?`);
    const r = await replyTo(fake, m.id);
    expect(r.body.embeds[0].footer.text).toBe(t('fr').footer);
  });

  it('answers a DM as a reply in the DM channel', async () => {
    const m = fake.message('energy', { dm: true });
    const r = await replyTo(fake, m.id);
    expect(r.path).toBe(`/channels/${fake.dmChannelOf(fake.alice)}/messages`);
    expectCitedFields(r.body);
  });

  it('ignores other bots, itself and guild messages that do not mention it', async () => {
    const fromBot = fake.message(`<@${fake.botUser.id}> energy`, { author: fake.otherBot });
    const fromSelf = fake.message(`<@${fake.botUser.id}> energy`, { author: fake.botUser });
    const noMention = fake.message('energy @everyone');
    const sentinel = fake.message(`<@${fake.botUser.id}> energy`);
    await replyTo(fake, sentinel.id);
    const referenced = fake.requests.map((r) => r.body?.message_reference?.message_id);
    for (const ignored of [fromBot, fromSelf, noMention]) expect(referenced).not.toContain(ignored.id);
  });

  it('answers a reply to one of its answers when the reply pings it (no <@id> in the text)', async () => {
    const followUp = fake.message('what about the timeline?', { mentionBot: true });
    const r = await replyTo(fake, followUp.id);
    expect(r.body.embeds[0].title).toMatch(/timeline/i);
    expect(r.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('keeps hostile queries inert in /deal and in mentions', async () => {
    const i = fake.slash({ query: HOSTILE });
    const data = (await fake.callbackOf(i)).body.data;
    expectInert(data);
    expectWithinLimits(data);
    expect(visibleText(data)).toContain('spoiler');

    const m = fake.message(`<@${fake.botUser.id}> ${HOSTILE}`);
    const r = await replyTo(fake, m.id);
    expectInert(r.body);
  });

  it('cuts a very long answer within Discord limits and says how many items are left out', async () => {
    const i = fake.slash({ query: 'flood', public: true });
    const data = (await fake.callbackOf(i)).body.data;
    expectWithinLimits(data);
    expectInert(data);
    const shown = data.embeds[0].fields.filter((f: any) => f.name !== 'Sources').length;
    expect(data.embeds[0].description.match(/… and \d+ more/g)).toEqual([`… and ${120 - shown} more`]);
  });

  it('checks admin rights at run time from the member permissions', async () => {
    const probe = async (user: any) => (await fake.callbackOf(fake.slash({ query: 'adminprobe', user }))).body.data.embeds[0].title;
    expect(await probe(fake.alice)).toBe('ADMIN-NO');
    expect(await probe(fake.moderator)).toBe('ADMIN-YES');
    expect(await probe(fake.owner)).toBe('ADMIN-YES');
    // In a DM there is no member: never admin.
    const dm = fake.slash({ query: 'adminprobe', dm: true, user: fake.moderator });
    expect((await fake.callbackOf(dm)).body.data.embeds[0].title).toBe('ADMIN-NO');
    // Mentions: from the member's roles in the guild.
    const byMod = fake.message(`<@${fake.botUser.id}> adminprobe`, { author: fake.moderator });
    expect((await replyTo(fake, byMod.id)).body.embeds[0].title).toBe('ADMIN-YES');
    const byAlice = fake.message(`<@${fake.botUser.id}> adminprobe`, { author: fake.alice });
    expect((await replyTo(fake, byAlice.id)).body.embeds[0].title).toBe('ADMIN-NO');
  });

  it('posts a Reply to a channel through the publisher and returns the message id', async () => {
    const r = reply({ kind: 'summary', lang: 'en', title: 'Daily summary', items: [{ text: 'NVDA +1%', citation: { source: 'Finnhub', detail: 'as of 1 Jan', asOf: '2026-01-01T00:00:00Z' } }] });
    const { messageId } = await h.discord.publisher.post({ platform: 'discord', id: fake.channelId, workspace: fake.guildId }, r);
    const sent = fake.messages.get(messageId);
    expect(sent).toBeDefined();
    expect(sent.embeds[0].title).toBe('Daily summary');
    const request = fake.requests.find((q) => q.method === 'POST' && q.path === `/channels/${fake.channelId}/messages` && q.body.embeds?.[0]?.title === 'Daily summary');
    expect(request?.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('never logs the bot token or an interaction token, and no rejection goes unhandled', () => {
    const log = h.logLines.join('');
    expect(log).not.toContain(fake.token);
    for (const s of fake.interactions.values()) expect(log).not.toContain(s.token);
    expect(unhandled).toEqual([]);
  });
});

describe('Discord adapter: slow answers, failures, limits', () => {
  it('defers when the answer is not ready in time, then edits the original response', async () => {
    const h = await startHarness({ start: { deferAfterMs: 0 } });
    try {
      const i = h.fake.slash({ query: 'energy' });
      const cb = await h.fake.callbackOf(i);
      expect(cb.body.type).toBe(5);
      expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      const edit = await h.fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${h.fake.applicationId}/${i.token}/messages/@original`);
      expectCitedFields(edit.body);
      expect(edit.body.allowed_mentions.parse).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('answers a failing handler with a short apology and logs it, never crashing', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (err: unknown) => unhandled.push(err);
    process.on('unhandledRejection', onUnhandled);
    const h = await startHarness({
      bot: (logger) => {
        const real = testBot({ logger });
        return { ...real, answer: async (text, asker) => (text.startsWith('explode') ? Promise.reject(new Error('kaboom')) : real.answer(text, asker)) };
      },
    });
    try {
      const i = h.fake.slash({ query: 'explode' });
      const cb = await h.fake.callbackOf(i);
      expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(cb.body.data.embeds[0].description).toBe('Sorry, something went wrong while answering. The problem has been logged.');
      // A mention's apology goes to the asker only: their DMs.
      const dm = `/channels/${h.fake.dmChannelOf(h.fake.alice)}/messages`;
      const dms = () => h.fake.requests.filter((r) => r.method === 'POST' && r.path === dm);
      h.fake.message(`<@${h.fake.botUser.id}> explode`);
      const r = await h.fake.waitForRequest((q) => q.method === 'POST' && q.path === dm);
      expect(r.body.embeds[0].description).toMatch(/^Sorry/);
      // A question asked in French is apologised for in French.
      h.fake.message(`<@${h.fake.botUser.id}> explode : pourquoi le calendrier de l’accord a-t-il changé ?`);
      await waitUntil(() => dms().length === 2);
      expect(dms()[1]!.body.embeds[0].description).toMatch(/^Désolé/);
      expect(h.logLines.join('')).toContain('kaboom');
      // Still serving afterwards.
      const ok = await h.fake.callbackOf(h.fake.slash({ query: 'energy' }));
      expectCitedFields(ok.body.data);
      expect(h.discord.connected()).toBe(true);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await h.close();
    }
  });

  it('logs an interaction Discord no longer accepts, without the interaction token', async () => {
    const h = await startHarness({ fake: { interactionWindowMs: -1 } });
    try {
      const i = h.fake.slash({ query: 'energy' });
      await h.fake.callbackOf(i);
      await waitUntil(() => h.logLines.some((l) => l.includes('discord handler failed')));
      const log = h.logLines.join('');
      expect(log).toContain('Unknown interaction');
      expect(log).not.toContain(i.token);
      expect(log).not.toContain(h.fake.token);
    } finally {
      await h.close();
    }
  });

  it('gives a rate-limited user one private notice (a DM), then nothing, in chat and in interactions', async () => {
    const h = await startHarness({ policy: { limits: { userPerMin: 1 } } });
    try {
      const { fake } = h;
      const mention = (text: string) => fake.message(`<@${fake.botUser.id}> ${text}`);
      const first = mention('energy');
      expectCitedFields((await replyTo(fake, first.id)).body);
      const second = mention('energy');
      const dm = fake.dmChannelOf(fake.alice);
      const notice = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${dm}/messages`);
      expect(notice.body.embeds[0].description).toMatch(/faster than I can keep up/);
      const third = mention('energy');
      const sentinel = fake.message('energy', { dm: true, author: fake.moderator });
      await replyTo(fake, sentinel.id);
      for (const m of [second, third]) expect(fake.requests.some((r) => r.body?.message_reference?.message_id === m.id)).toBe(false);
      expect(fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${dm}/messages`)).toHaveLength(1);

      // Still limited: /deal public:True gets nothing visible (a placeholder removed at once).
      const i = fake.slash({ query: 'energy', public: true });
      const cb = (await fake.callbackOf(i)).body;
      expect(cb.type).toBe(5);
      expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      await fake.waitForRequest((r) => r.method === 'DELETE' && r.path === `/webhooks/${fake.applicationId}/${i.token}/messages/@original`);
    } finally {
      await h.close();
    }
  });

  it('answers a limited user whose DMs are closed once, in the channel', async () => {
    const h = await startHarness({ policy: { limits: { userPerMin: 1 } } });
    try {
      const { fake } = h;
      fake.closedDms.add(fake.alice.id);
      await replyTo(fake, fake.message(`<@${fake.botUser.id}> energy`).id);
      const second = fake.message(`<@${fake.botUser.id}> energy`);
      expect((await replyTo(fake, second.id)).body.embeds[0].description).toMatch(/faster than I can keep up/);
    } finally {
      await h.close();
    }
  });

  it('refuses a wrong token without putting it in the error', async () => {
    const fake = await FakeDiscord.start();
    const wrong = 'MTAxNDk3.wrong.token-that-is-not-accepted';
    try {
      const config = readDiscordConfig({ ...fake.env(), DISCORD_TOKEN: wrong })!;
      const err = await startDiscord(config, testRuntime(testPolicy(testBot()), silentLogger), { rest: { retries: 0, timeout: 2000 } }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).toMatch(/DISCORD_TOKEN/);
      expect(err?.message).not.toContain(wrong);
    } finally {
      await fake.close();
    }
  });
});


async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
