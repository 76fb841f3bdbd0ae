// Issue 15 on Discord, end to end: the real discord.js client against the fake Discord, over a
// real SQLite store: 👍 / 👎 buttons and the "what was missing?" modal, the "Ask dealbot about this"
// message command, follow-ups in a reply chain and in a thread, the asker's locale, and the admins'
// list of subscriptions under /deal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dealCommandJson } from '../../src/adapters/discord/command-json.ts';
import { commands } from '../../commands/index.ts';
import { all } from '../../src/store/sql.ts';
import { featureStore, type FeatureStore } from '../helpers/features.ts';
import type { FakeDiscord, RecordedRequest } from './fake-discord.ts';
import { startHarness, testCommands, type Harness } from './helpers.ts';
import { expectInert, expectWithinLimits, visibleText } from './limits.ts';
import { testBot } from '../helpers/bot.ts';

const EPHEMERAL = 64;
let h: Harness;
let f: FeatureStore;
let fake: FakeDiscord;

beforeAll(async () => {
  f = await featureStore();
  h = await startHarness({ bot: (logger) => testBot({ commands: testCommands, logger, ...f.bot }), policy: f.policy });
  fake = h.fake;
});
afterAll(async () => {
  await h?.close();
  await f?.close();
});

const buttonsOf = (body: any): any[] => (body?.components ?? []).flatMap((row: any) => row.components);
const votes = () => all<{ user_id: string; vote: number; comment: string | null }>(f.store.driver, "SELECT user_id, vote, comment FROM feedback_votes WHERE platform = 'discord' ORDER BY user_id");

/** The bot's reply to a message (its message_reference points at it). */
function replyTo(messageId: string): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === messageId);
}

/** The bot's answer to a message, as the fake keeps it (author, reference and all). */
const answerTo = (messageId: string) => [...fake.messages.values()].find((m) => m.message_reference?.message_id === messageId)!;

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('feedback on answers', () => {
  it('puts 👍 / 👎 under an answer; a vote changed twice keeps one row; 👎 opens the modal, whose note is kept', async () => {
    const asked = fake.slash({ query: 'how much will nvidia invest?' });
    const answer = (await fake.callbackOf(asked)).body;
    const message = fake.interactions.get(asked.id)!.original;
    const [share, up, down] = buttonsOf(answer.data);
    expect(share.custom_id).toMatch(/^deal:share:/);
    expect(up).toMatchObject({ emoji: { name: '👍' }, label: 'Helpful', custom_id: expect.stringMatching(/^deal:vote:up:en:[\w-]+$/) });
    expect(down).toMatchObject({ emoji: { name: '👎' }, custom_id: expect.stringMatching(/^deal:vote:down:en:[\w-]+$/) });

    const thanks = (await fake.callbackOf(fake.button(up.custom_id, message))).body;
    expect(thanks).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(visibleText(thanks.data)).toContain('Thanks for your feedback.');

    const modal = (await fake.callbackOf(fake.button(down.custom_id, message))).body;
    expect(modal).toMatchObject({ type: 9, data: { custom_id: expect.stringMatching(/^deal:form:missing:en:/), title: 'What was missing?' } });
    expect(modal.data.components[0].components[0]).toMatchObject({ type: 4, custom_id: 'missing', style: 2, required: false });
    expect(await votes()).toEqual([{ user_id: fake.alice.id, vote: -1, comment: null }]);

    await fake.callbackOf(fake.button(up.custom_id, message));
    expect(await votes()).toEqual([{ user_id: fake.alice.id, vote: 1, comment: null }]); // changed twice: one row

    await fake.callbackOf(fake.button(down.custom_id, message));
    const submitted = (await fake.callbackOf(fake.modalSubmit(modal.data.custom_id, { missing: 'the price per GPU @everyone' }, { message }))).body;
    expect(submitted).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(visibleText(submitted.data)).toContain('curate');
    expect(await votes()).toEqual([{ user_id: fake.alice.id, vote: -1, comment: 'the price per GPU @everyone' }]);
    // Another member's vote on the same answer is a row of its own.
    await fake.callbackOf(fake.button(up.custom_id, message, { user: fake.moderator }));
    expect((await votes()).map((v) => v.vote).sort()).toEqual([-1, 1]);
    expect(f.votes.filter((v) => v.platform === 'discord').map((v) => v.vote)).toEqual(['up', 'down', 'up', 'down', 'comment', 'up']);
  });

  it('Share keeps the votes under the private answer, and the channel’s copy carries them for the same answer', async () => {
    const asked = fake.slash({ query: 'energy' });
    const answer = (await fake.callbackOf(asked)).body;
    const [share, up] = buttonsOf(answer.data);
    const press = fake.button(share.custom_id, fake.interactions.get(asked.id)!.original);
    const update = (await fake.callbackOf(press)).body;
    expect(update.type).toBe(7);
    expect(buttonsOf(update.data).map((b) => [b.custom_id, b.disabled ?? false])).toEqual([['deal:shared', true], [up.custom_id, false], [up.custom_id.replace(':up:', ':down:'), false]]);
    const copy = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${press.token}`);
    expect(buttonsOf(copy.body).map((b) => b.custom_id)).toEqual([up.custom_id, up.custom_id.replace(':up:', ':down:')]);
    expectWithinLimits(copy.body);
  });
});

describe('"Ask dealbot about this" (message command)', () => {
  it('is registered from the same command list as /deal', () => {
    const json = dealCommandJson(commands) as any[];
    expect(json.map((c) => [c.type, c.name])).toEqual([[1, 'deal'], [3, 'Ask dealbot about this']]);
    expect(json[1]).toMatchObject({ name_localizations: { fr: 'Demander à dealbot' }, contexts: [0, 1] });
    expect(json[1].description).toBeUndefined();
  });

  it('answers the presser privately about the message, citing facts and never echoing it: @everyone in it pings nobody', async () => {
    const target = fake.createMessage(fake.channelId, fake.owner, { content: `@everyone <@${fake.alice.id}> <@&${fake.adminRoleId}> big news: Nvidia is investing up to 100 billion dollars in OpenAI!` });
    const cb = (await fake.callbackOf(fake.messageCommand('Ask dealbot about this', target))).body;
    expect(cb.type).toBe(4);
    expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expectWithinLimits(cb.data);
    expectInert(cb.data);
    const text = visibleText(cb.data);
    expect(cb.data.embeds[0].title).toBe('About this message');
    expect(text).toContain('$100 billion');
    expect(text).not.toMatch(/everyone|big news|<@/);
    expect(buttonsOf(cb.data).some((b) => b.custom_id.startsWith('deal:share:'))).toBe(false);
  });
});

describe('follow-ups', () => {
  it('a reply to one of the bot’s answers is read with the question it answered; the chain goes on', async () => {
    const q1 = fake.message(`<@${fake.botUser.id}> how much will Nvidia invest?`);
    await replyTo(q1.id);
    const answer1 = answerTo(q1.id);
    const q2 = fake.message(`<@${fake.botUser.id}> and in French?`, { replyTo: answer1 });
    const a2 = await replyTo(q2.id);
    expect(visibleText(a2.body)).toContain('Suite de « how much will Nvidia invest? »');
    expect(visibleText(a2.body)).toMatch(/100 milliards/);
    const answer2 = answerTo(q2.id);
    const q3 = fake.message(`<@${fake.botUser.id}> what about Oracle?`, { replyTo: answer2 });
    expect(visibleText((await replyTo(q3.id)).body)).toContain('how much will Oracle invest?');
  });

  it('a mention outside the chain does not inherit it', async () => {
    const q1 = fake.message(`<@${fake.botUser.id}> how much will Nvidia invest?`);
    await replyTo(q1.id);
    const alone = fake.message(`<@${fake.botUser.id}> and in French?`);
    expect(visibleText((await replyTo(alone.id)).body)).not.toMatch(/Suite de|Following up|100 milliards|100 billion/);
  });

  it('a thread is one conversation', async () => {
    const thread = fake.thread('deal questions');
    await new Promise((r) => setTimeout(r, 100)); // THREAD_CREATE reaches the client first
    const q1 = fake.message(`<@${fake.botUser.id}> energy`, { channel: thread });
    await replyTo(q1.id);
    const q2 = fake.message(`<@${fake.botUser.id}> when?`, { channel: thread });
    const a2 = await replyTo(q2.id);
    expect(visibleText(a2.body)).toContain('Following up on “energy”');
    expect(visibleText(a2.body)).toContain('2026');
  });
});

describe('the asker’s language', () => {
  it('follows the interaction’s locale, then the server’s, when the question does not tell', async () => {
    const title = async (opts: Parameters<FakeDiscord['slash']>[0]) => (await fake.callbackOf(fake.slash(opts))).body.data.embeds[0].title as string;
    expect(await title({ query: 'timeline', locale: 'fr' })).toBe('Calendrier');
    expect(await title({ query: 'timeline', locale: 'en-US' })).toBe('Timeline');
    expect(await title({ query: 'timeline', locale: 'de', guildLocale: 'fr' })).toBe('Calendrier');
    expect(await title({ query: 'energy', locale: 'fr' })).toBe('Energy'); // the question tells
    // /deal lang overrides the locale, for this user only.
    await fake.callbackOf(fake.slash({ query: 'lang en', locale: 'fr', user: fake.owner }));
    expect(await title({ query: 'timeline', locale: 'fr', user: fake.owner })).toBe('Timeline');
    expect(await title({ query: 'timeline', locale: 'fr' })).toBe('Calendrier');
  });

  it('offers the choices as buttons; pressing one sets it', async () => {
    const asked = fake.slash({ query: 'lang', user: fake.moderator });
    const cb = (await fake.callbackOf(asked)).body;
    const french = buttonsOf(cb.data).find((b) => b.label === 'Français');
    expect(french.custom_id).toBe('deal:run:-:lang fr');
    const pressed = (await fake.callbackOf(fake.button(french.custom_id, fake.interactions.get(asked.id)!.original, { user: fake.moderator }))).body;
    expect(pressed.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(visibleText(pressed.data)).toContain('je vous répondrai en français');
    expect(await f.store.settings.lang({ platform: 'discord', workspace: fake.guildId, user: fake.moderator.id })).toBe('fr');
  });
});

describe('/deal alone, for admins', () => {
  it('adds this server’s subscribed channels with their next post and a Stop button each; members see the overview only', async () => {
    await f.subscriptions.subscribe({ channel: { platform: 'discord', id: fake.channelId, workspace: fake.guildId, name: 'general' }, times: ['09:00'], timezone: 'Europe/Paris', lang: 'en', by: 'mod' });
    const member = (await fake.callbackOf(fake.slash({}))).body.data;
    expect(member.embeds[0].description ?? '').not.toContain(`<#${fake.channelId}>`);

    const asked = fake.slash({ user: fake.owner });
    const admin = (await fake.callbackOf(asked)).body.data;
    expectWithinLimits(admin);
    expect(admin.embeds[0].title).toBe('The deal at a glance');
    expect(admin.embeds[0].description).toContain(`<#${fake.channelId}> — 09:00 (Europe/Paris) · next:`);
    const stop = buttonsOf(admin).find((b) => b.custom_id === `deal:run:${fake.channelId}:unsubscribe`);
    expect(stop).toMatchObject({ style: 4, label: 'Stop #general' });
    const pressed = (await fake.callbackOf(fake.button(stop.custom_id, fake.interactions.get(asked.id)!.original, { user: fake.owner }))).body;
    expect(visibleText(pressed.data)).toContain('will no longer get the daily summary');
    await waitUntil(async () => (await f.subscriptions.get({ platform: 'discord', id: fake.channelId })) === undefined);
  });
});
