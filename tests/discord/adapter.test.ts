// The Discord adapter as started by startDiscord (the real discord.js client) against the local
// fake Discord: deferral with the default timing, failures after a defer, autocomplete choices,
// mention safety defaults, client errors, and that the adapter itself never logs a token.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TextChannel } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readDiscordConfig } from '../../src/adapters/discord/config.ts';
import { startDiscord, type DiscordStartOptions } from '../../src/adapters/discord/start.ts';
import type { Bot } from '../../src/core/bot.ts';
import { reply } from '../../src/core/reply.ts';
import type { Logger } from '../../src/ops/log.ts';
import { testBot, testPolicy, testRuntime } from '../helpers/bot.ts';
import { capturingLogger } from '../helpers/commands.ts';
import { FakeDiscord, snowflake, type FakeDiscordOptions, type RecordedRequest } from './fake-discord.ts';
import { startHarness, testCommands, type Harness } from './helpers.ts';

const EPHEMERAL = 64;
const APOLOGY_EN = /^Sorry, something went wrong/;

/** A logger writing raw lines (not scrubbed: what the adapter itself logged) to memory. */
function memoryLogger(): { logger: Logger; text(): string } {
  const lines: string[] = [];
  return { logger: capturingLogger(lines, { raw: true }), text: () => lines.join('') };
}

/** A token shaped like Discord's (base64 id . timestamp . hmac), made at run time. */
function botTokenLike(): string {
  return [Buffer.from(snowflake()).toString('base64url'), randomBytes(4).toString('base64url'), randomBytes(27).toString('base64url')].join('.');
}

type Booted = Harness & { log(): string };

/** The shared harness with raw log lines, the bot optionally wrapped. */
async function boot(opts: { fake?: FakeDiscordOptions; start?: DiscordStartOptions; wrap?: (bot: Bot) => Bot } = {}): Promise<Booted> {
  const wrap = opts.wrap ?? ((bot: Bot) => bot);
  const h = await startHarness({
    ...(opts.fake ? { fake: opts.fake } : {}),
    ...(opts.start ? { start: opts.start } : {}),
    rawLog: true,
    bot: (logger) => wrap(testBot({ commands: testCommands, logger })),
  });
  return { ...h, log: () => h.logLines.join('') };
}

/** The answer, ~1.3 s late: past the default 1 s defer threshold, inside Discord's 3 s. */
const slow = (bot: Bot): Bot => ({
  ...bot,
  answer: async (text, asker) => {
    await sleep(1300);
    return bot.answer(text, asker);
  },
});

function editOfOriginal(fake: FakeDiscord, token: string): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${token}/messages/@original`);
}

function followUpOf(fake: FakeDiscord, token: string): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${token}`);
}

const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);
beforeAll(() => void process.on('unhandledRejection', onUnhandled));
afterAll(() => void process.off('unhandledRejection', onUnhandled));

describe('deferral with the default deferAfterMs (1 s)', () => {
  let h: Booted;
  beforeAll(async () => {
    h = await boot({ wrap: slow });
  });
  afterAll(() => h?.close());

  it('defers a slow answer (type 5, ephemeral), then edits @original with the cited embeds', async () => {
    const { fake } = h;
    const i = fake.slash({ query: 'energy' });
    const cb = await fake.callbackOf(i);
    expect(cb.body.type).toBe(5);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);

    const edit = await editOfOriginal(fake, i.token);
    expect(edit.body.allowed_mentions.parse).toEqual([]);
    const embeds = edit.body.embeds;
    expect(embeds).toHaveLength(1);
    expect(embeds[0].fields.length).toBeGreaterThan(0);
    for (const f of embeds[0].fields.slice(0, -1)) expect(f.value).toMatch(/\n\\\[1\\\] § /);
    // The deferred message now holds the answer (the fake applied the edit).
    expect(fake.interactions.get(i.id)!.original.embeds).toEqual(embeds);
    // One acknowledgement only: no second callback for this interaction.
    expect(fake.requests.filter((r) => r.path === `/interactions/${i.id}/${i.token}/callback`)).toHaveLength(1);
  });

  it('edits in the same embeds a quick answer carries directly', async () => {
    const slowI = h.fake.slash({ query: 'timeline' });
    const edited = (await editOfOriginal(h.fake, slowI.token)).body.embeds;
    const quick = await boot();
    try {
      const i = quick.fake.slash({ query: 'timeline' });
      const cb = await quick.fake.callbackOf(i);
      expect(cb.body.type).toBe(4);
      expect(edited).toEqual(cb.body.data.embeds);
    } finally {
      await quick.close();
    }
  });
});

describe('a quick answer with the default deferAfterMs', () => {
  it('is sent at once as type 4, with no defer and no edit', async () => {
    const h = await boot();
    try {
      const i = h.fake.slash({ query: 'energy' });
      const cb = await h.fake.callbackOf(i);
      expect(cb.body.type).toBe(4);
      expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(cb.body.data.embeds[0].fields.length).toBeGreaterThan(0);
      // Let a stray edit or follow-up arrive if the adapter sent one, then check there is none.
      await h.fake.callbackOf(h.fake.slash({ query: 'timeline' }));
      expect(h.fake.webhookCalls(i)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('a failure after the defer', () => {
  it('sends the asker an ephemeral apology follow-up, logs the error and keeps serving', async () => {
    const h = await boot({
      wrap: (bot) => ({
        ...bot,
        answer: async (text, asker) => {
          await sleep(1300);
          if (text === 'explode later') throw new Error('kaboom after defer');
          return bot.answer(text, asker);
        },
      }),
    });
    try {
      const { fake } = h;
      const i = fake.slash({ query: 'explode later' });
      expect((await fake.callbackOf(i)).body.type).toBe(5);
      const apology = await followUpOf(fake, i.token);
      expect(apology.body.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(apology.body.embeds[0].description).toMatch(APOLOGY_EN);
      expect(apology.body.allowed_mentions.parse).toEqual([]);

      const lines = h.log().trim().split('\n').map((l) => JSON.parse(l));
      const failure = lines.find((l) => l.msg === 'discord handler failed');
      expect(failure).toMatchObject({ level: 50, platform: 'discord', error: 'kaboom after defer' });

      expect(h.discord.connected()).toBe(true);
      const next = fake.slash({ query: 'energy' });
      expect((await fake.callbackOf(next)).body.type).toBe(5);
      expect((await editOfOriginal(fake, next.token)).body.embeds[0].fields.length).toBeGreaterThan(0);
      expect(unhandled).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('autocomplete, the mention defaults and client errors', () => {
  let h: Booted;
  beforeAll(async () => {
    h = await boot();
  });
  afterAll(() => h?.close());

  /** The engine's suggestions as Discord takes them, worked out here on its own. */
  function expectedChoices(partial: string): { name: string; value: string }[] {
    const fit = (s: string) => {
      const t = s.trim();
      return t.length <= 100 ? t : `${t.slice(0, 99)}…`;
    };
    const out: { name: string; value: string }[] = [];
    for (const s of h.bot.engine().suggest(partial, 25)) {
      const choice = { name: fit(s.label), value: fit(s.value) };
      if (!choice.name || !choice.value || out.some((c) => c.value === choice.value)) continue;
      if (out.length < 25) out.push(choice);
    }
    return out;
  }

  async function choicesFor(partial: string): Promise<{ name: string; value: string }[]> {
    const i = h.fake.autocomplete(partial);
    const cb = await h.fake.callbackOf(i);
    expect(cb.body.type).toBe(8);
    return cb.body.data.choices;
  }

  const HOSTILE = `@everyone <@&${'1'.repeat(18)}> energy ${'@here '.repeat(40)}`.padEnd(300, 'x');

  it.each([['ener'], ['cal'], ['énerg'], [''], [HOSTILE]])('answers %j with the engine suggestions, fit for Discord', async (partial) => {
    const choices = await choicesFor(partial);
    expect(choices).toEqual(expectedChoices(partial));
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeGreaterThan(0);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('suggests concrete things: the Energy topic first for "ener", topics for an empty query', async () => {
    expect(HOSTILE).toHaveLength(300);
    const ener = await choicesFor('ener');
    expect(ener[0]?.name).toMatch(/Energy/);
    expect(ener[0]?.value).toBe('energy');
    const empty = await choicesFor('');
    expect(empty.length).toBeGreaterThan(3);
    expect(empty.map((c) => c.value)).toEqual(expect.arrayContaining(['energy', 'timeline']));
    const french = await choicesFor('énerg');
    expect(french[0]?.name).toMatch(/Énergie/);
    const hostile = await choicesFor(HOSTILE);
    for (const c of hostile) expect(`${c.name} ${c.value}`).not.toMatch(/@everyone|@here|<@&/);
  });

  it('sets allowedMentions { parse: [], repliedUser: false } as the client default, so any send pings nobody', async () => {
    const client = h.discord.client!;
    expect(client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    // A plain discord.js send, with no allowedMentions of its own, carries the default.
    const channel = (await client.channels.fetch(h.fake.channelId)) as TextChannel;
    const sent = await channel.send('@everyone look');
    const request = h.fake.requests.find((r) => r.method === 'POST' && r.body?.content === '@everyone look');
    expect(sent.id).toBeDefined();
    expect(request?.body.allowed_mentions).toEqual({ parse: [], replied_user: false });

    // Our publisher (daily summaries) as well, for a Reply quoting a mass mention.
    const r = reply({ kind: 'summary', lang: 'en', title: 'Daily summary @everyone', items: [{ text: '@here NVDA +1%', citation: { source: 'Finnhub' } }] });
    const { messageId } = await h.discord.publisher.post({ platform: 'discord', id: h.fake.channelId, workspace: h.fake.guildId }, r);
    const posted = h.fake.requests.find((q) => q.method === 'POST' && q.path === `/channels/${h.fake.channelId}/messages` && q.body?.embeds?.[0]?.title?.startsWith('Daily summary'));
    expect(h.fake.messages.get(messageId)).toBeDefined();
    expect(posted?.body.allowed_mentions.parse).toEqual([]);
  });

  it('logs a client error through our logger and stays connected, still answering /deal', async () => {
    const before = h.log().length;
    h.discord.client!.emit('error', new Error('boom from the client'));
    const logged = h.log().slice(before).trim().split('\n').map((l) => JSON.parse(l));
    expect(logged).toContainEqual(expect.objectContaining({ level: 50, platform: 'discord', error: 'boom from the client' }));
    expect(h.discord.connected()).toBe(true);
    const i = h.fake.slash({ query: 'energy' });
    const cb = await h.fake.callbackOf(i);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.embeds[0].fields.length).toBeGreaterThan(0);
    expect(unhandled).toEqual([]);
  });
});

describe('tokens in the adapter’s own log lines', () => {
  let token: string;
  beforeEach(() => {
    token = botTokenLike();
  });
  afterEach(() => expect(unhandled).toEqual([]));

  it('the capture is raw: a token written to this logger shows up as it is', () => {
    const { logger, text } = memoryLogger();
    logger.info({ token, note: `Bot ${token}` }, `token ${token}`);
    expect(text().split(token)).toHaveLength(4);
  });

  it('holds neither the bot token nor an interaction token after a login, answers, failures and a refused login', async () => {
    const h = await boot({
      fake: { token },
      wrap: (bot) => ({ ...bot, answer: async (text, asker) => (text === 'explode' ? Promise.reject(new Error('kaboom')) : bot.answer(text, asker)) }),
    });
    const tokens: string[] = [];
    let log = '';
    try {
      const { fake } = h;
      const ok = fake.slash({ query: 'energy' });
      const okCb = await fake.callbackOf(ok);
      fake.button(okCb.body.data.components[0].components[0].custom_id, fake.interactions.get(ok.id)!.original);
      const failed = fake.slash({ query: 'explode' });
      const apology = await fake.callbackOf(failed);
      expect(apology.body.data.embeds[0].description).toMatch(APOLOGY_EN);
      fake.message(`<@${fake.botUser.id}> explode`);
      await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${fake.dmChannelOf(fake.alice)}/messages`); // the apology, to the asker
      await fake.callbackOf(fake.autocomplete('ener'));
      tokens.push(...[...fake.interactions.values()].map((s) => s.token));
      log = h.log();
      expect(log).toContain('kaboom'); // the failures were logged…
    } finally {
      await h.close();
    }

    // …and a Discord that refuses every interaction (the REST errors quote URLs with tokens).
    const late = await boot({ fake: { token, interactionWindowMs: -1 } });
    try {
      const i = late.fake.slash({ query: 'energy' });
      await late.fake.callbackOf(i);
      await waitUntil(() => late.log().includes('discord apology failed'));
      tokens.push(i.token);
      expect(late.log()).toContain('Unknown interaction');
    } finally {
      await late.close();
    }
    log += late.log();

    // A refused login: the error says what to check, without the token.
    const fake = await FakeDiscord.start();
    const { logger, text } = memoryLogger();
    try {
      const err = await startDiscord(readDiscordConfig({ ...fake.env(), DISCORD_TOKEN: token })!, testRuntime(testPolicy(testBot({ logger })), logger), { rest: { retries: 0, timeout: 2000 } }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(err?.message).toMatch(/DISCORD_TOKEN/);
      expect(`${err?.message} ${err?.stack} ${String((err?.cause as Error | undefined)?.message)}`).not.toContain(token);
    } finally {
      await fake.close();
    }
    log += text();

    expect(tokens.length).toBeGreaterThanOrEqual(5);
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(token);
    for (const t of tokens) expect(log).not.toContain(t);
    // Not even the parts a line break or JSON escaping could leave whole.
    for (const part of token.split('.')) expect(log).not.toContain(part);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(10);
  }
}
