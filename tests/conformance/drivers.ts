// One driver per surface, so the same delivery scenarios run against Slack (real Bolt app, fake
// Slack), Discord (real discord.js client, fake Discord) and the console (runConsole over pipes).
// A driver speaks in neutral terms: a person mentions the bot, the platform delivers a message
// again, a /deal command, a Share press; and it reports what was sent, to whom.
import { PassThrough, Writable } from 'node:stream';
import { expect } from 'vitest';
import { runConsole } from '../../src/adapters/console/chat.ts';
import type { Bot } from '../../src/core/bot.ts';
import { FakeDiscord } from '../discord/fake-discord.ts';
import { startHarness as startDiscord } from '../discord/helpers.ts';
import { expectInert as expectDiscordInert } from '../discord/limits.ts';
import { testBot, testPolicy, type TestPolicyOptions } from '../helpers/bot.ts';
import { BOT_USER_ID, FakeSlack, blockActionsPayload, blockActionsRequest, eventEnvelope, eventRequest, postToApp, slashCommand } from '../slack/fake-slack.ts';
import { startHarness as startSlack } from '../slack/helpers.ts';

/** Something the bot sent: who can see it, and its visible text. */
export interface Sent {
  audience: 'public' | 'private';
  text: string;
  body: unknown;
}

/**
 * How a person's message is written: plain; with a file (Slack file_share); a thread reply also
 * sent to the channel (Slack thread_broadcast); a reply to the bot's answer (Discord type 19); a
 * DM that mentions the bot (Slack fires message.im and app_mention for it).
 */
export type MessageKind = 'plain' | 'with-file' | 'thread-broadcast' | 'reply' | 'dm-mention';

export interface DriverOptions {
  policy?: TestPolicyOptions;
  /** Answering anything starting with "explode" throws. */
  failing?: boolean;
  /** Another process on the same platform (and, through `policy`, the same database). */
  sharedWith?: Driver;
}

export interface Driver {
  name: 'slack' | 'discord' | 'console';
  /** A person's message addressed to the bot; returns its id. */
  mention(text: string, opts?: { user?: string; kind?: MessageKind }): Promise<string>;
  /** The platform delivers that message again (a retry, another event type, to another process). */
  redeliver(id: string): Promise<void>;
  /** Messages that mention the bot but no person wrote for it: edits, joins, another bot's post. */
  notPersonMessages(text: string): Promise<void>;
  /** `/deal <text>`, public when asked (Slack "/deal share", Discord public:True); returns its id. */
  command(text: string, opts?: { public?: boolean; user?: string }): Promise<string>;
  /** Presses Share under the answer to that command. */
  share(commandId: string, opts?: { user?: string }): Promise<void>;
  sent(): Sent[];
  /** Lets queued work finish, so "nothing more was sent" can be checked. */
  settle(ms?: number): Promise<void>;
  /** Fails the test when a payload could format or ping. */
  expectInert(s: Sent): void;
  /** Stops the bot (as a process exiting would), leaving the platform's fake running. */
  stopBot(): Promise<void>;
  close(): Promise<void>;
}

function failingWrap(on: boolean): ((bot: Bot) => Bot) | undefined {
  if (!on) return undefined;
  return (bot) => ({ ...bot, answer: (text, asker) => (text.startsWith('explode') ? Promise.reject(new Error('kaboom')) : bot.answer(text, asker)) });
}

function textsOf(v: unknown): string {
  const out: string[] = [];
  const visit = (x: unknown): void => {
    if (typeof x === 'string') out.push(x);
    else if (Array.isArray(x)) x.forEach(visit);
    else if (x && typeof x === 'object') Object.values(x).forEach(visit);
  };
  visit(v);
  return out.join('\n');
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Messages sent per fake platform, so a second process's driver can deliver them again. */
const sentOn = new WeakMap<object, Map<string, any>>();
const messagesOf = (fake: object) => sentOn.get(fake) ?? sentOn.set(fake, new Map()).get(fake)!;

// ---------------------------------------------------------------- Slack

const SLACK_CHANNEL = 'C0CONFORM';
/** Message timestamps stay unique across drivers (a restarted bot must see new messages as new). */
let n = 0;
const SLACK_DM = 'D0CONFORM';

export async function slackDriver(opts: DriverOptions = {}): Promise<Driver> {
  const shared = opts.sharedWith as (Driver & { fake: FakeSlack }) | undefined;
  const h = await startSlack({ ...(opts.policy ? { policy: opts.policy } : {}), ...(opts.failing ? { wrap: failingWrap(true)! } : {}), ...(shared ? { fake: shared.fake } : {}) });
  const url = h.slack.eventsUrl!;
  const events: Map<string, Record<string, unknown>[]> = messagesOf(h.fake);
  const commands = new Map<string, { responseUrl: string; user: string }>();
  const post = async (event: Record<string, unknown>) => expect((await postToApp(url, eventRequest(eventEnvelope(event)))).status).toBe(200);

  const driver = {
    name: 'slack' as const,
    fake: h.fake,
    async mention(text: string, o: { user?: string; kind?: MessageKind } = {}) {
      const ts = `1700900000.${String(++n).padStart(6, '0')}`;
      const user = o.user ?? 'U0PERSON1';
      const withMention = `<@${BOT_USER_ID}> ${text}`;
      // A DM that mentions the bot is one message Slack delivers twice: message.im and app_mention.
      const kinds: Record<MessageKind, Record<string, unknown>[]> = {
        plain: [{ type: 'app_mention', user, text: withMention, ts, channel: SLACK_CHANNEL }],
        'with-file': [{ type: 'message', subtype: 'file_share', channel_type: 'im', user, text, ts, channel: SLACK_DM, files: [{ id: 'F1' }] }],
        'thread-broadcast': [{ type: 'app_mention', subtype: 'thread_broadcast', user, text: withMention, ts, thread_ts: '1700900000.000000', channel: SLACK_CHANNEL }],
        reply: [{ type: 'app_mention', user, text: withMention, ts, thread_ts: '1700900000.000000', channel: SLACK_CHANNEL }],
        'dm-mention': [
          { type: 'message', channel_type: 'im', user, text: withMention, ts, channel: SLACK_DM },
          { type: 'app_mention', user, text: withMention, ts, channel: SLACK_DM },
        ],
      };
      const sent = kinds[o.kind ?? 'plain'];
      events.set(ts, sent);
      for (const e of sent) await post(e);
      return ts;
    },
    async redeliver(id: string) {
      for (const e of events.get(id) ?? []) await post(e); // a new event_id each time, as Slack's duplicates have
    },
    async notPersonMessages(text: string) {
      const ts = () => `1700950000.${String(++n).padStart(6, '0')}`;
      for (const e of [
        { type: 'message', subtype: 'message_changed', channel_type: 'im', user: 'U0PERSON1', text, ts: ts(), channel: SLACK_DM },
        { type: 'message', subtype: 'channel_join', channel_type: 'im', user: 'U0PERSON1', text, ts: ts(), channel: SLACK_DM },
        { type: 'message', subtype: 'bot_message', channel_type: 'im', bot_id: 'B0OTHER01', text, ts: ts(), channel: SLACK_DM },
        { type: 'app_mention', bot_id: 'B0OTHER01', user: 'U0OTHERB1', text: `<@${BOT_USER_ID}> ${text}`, ts: ts(), channel: SLACK_CHANNEL },
      ]) {
        await post(e);
      }
    },
    async command(text: string, o: { public?: boolean; user?: string } = {}) {
      const responseUrl = h.fake.responseUrl();
      const user = o.user ?? 'U0PERSON1';
      expect((await postToApp(url, slashCommand({ text: o.public ? `share ${text}` : text, responseUrl, user, channel: SLACK_CHANNEL }))).status).toBe(200);
      const id = responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
      commands.set(id, { responseUrl, user });
      return id;
    },
    async share(commandId: string, o: { user?: string } = {}) {
      const asked = commands.get(commandId)!;
      const answer = await h.fake.waitFor(() => h.fake.responsesTo(asked.responseUrl)[0]);
      const value = (answer.body.blocks as any[]).at(-1).elements[0].value as string;
      const responseUrl = h.fake.responseUrl();
      await postToApp(url, blockActionsRequest(blockActionsPayload({ value, responseUrl, channel: SLACK_CHANNEL, user: o.user ?? asked.user })));
    },
    sent(): Sent[] {
      const out: Sent[] = [];
      for (const c of h.fake.calls) {
        if (c.method === 'chat.postMessage') out.push({ audience: String(c.args.channel).startsWith('D') ? 'private' : 'public', text: textsOf([c.args.text, c.args.blocks]), body: c.args });
        if (c.method === 'chat.postEphemeral') out.push({ audience: 'private', text: textsOf([c.args.text, c.args.blocks]), body: c.args });
      }
      for (const r of h.fake.responses) {
        if (r.body.delete_original) continue;
        out.push({ audience: r.body.response_type === 'in_channel' ? 'public' : 'private', text: textsOf([r.body.text, r.body.blocks]), body: r.body });
      }
      return out;
    },
    settle: (ms = 400) => h.fake.settle(ms),
    stopBot: () => h.slack.stop(),
    expectInert(s: Sent) {
      const json = JSON.stringify(s.body);
      expect(json).not.toMatch(/"link_names"|"parse"/);
      expect(json).not.toMatch(/<!(channel|here|everyone|subteam)|<@U/);
      const mrkdwn = textsOf(s.body).split('\n').filter((l) => l.includes('zorglub'));
      for (const line of mrkdwn) {
        const echo = line.slice(line.indexOf('zorglub'));
        expect(echo).not.toMatch(/(^|[\s(“"'])\*[^\s*][^*\n]*\*/);
        expect(echo).not.toMatch(/(^|[\s(“"'])~[^\s~][^~\n]*~/);
        expect(echo).not.toMatch(/(^|[\s(“"'])`[^`\n]+`/);
      }
    },
    close: () => h.close(),
  };
  return driver;
}

// ---------------------------------------------------------------- Discord

export async function discordDriver(opts: DriverOptions = {}): Promise<Driver> {
  const shared = opts.sharedWith as (Driver & { fake: FakeDiscord }) | undefined;
  const h = await startDiscord({
    ...(opts.policy ? { policy: opts.policy } : {}),
    ...(opts.failing ? { bot: () => failingWrap(true)!(testBot()) } : {}),
    ...(shared ? { existing: shared.fake } : {}),
  });
  const { fake } = h;
  const messages: Map<string, { content: string; opts: Parameters<FakeDiscord['message']>[1] }> = messagesOf(fake);
  const interactions = new Map<string, ReturnType<FakeDiscord['slash']>>();
  const person = (user?: string) => (user === 'other' ? fake.moderator : fake.alice);

  const driver = {
    name: 'discord' as const,
    fake,
    async mention(text: string, o: { user?: string; kind?: MessageKind } = {}) {
      // What Discord's picker inserts for the bot: its user, or its managed role.
      const content = `<@${fake.botUser.id}> ${text}`;
      const how = { author: person(o.user), ...(o.kind === 'reply' ? { type: 19 } : {}), ...(o.kind === 'dm-mention' ? { dm: true } : {}) };
      const m = fake.message(content, how);
      messages.set(m.id, { content, opts: { ...how, id: m.id } });
      return m.id as string;
    },
    async redeliver(id: string) {
      const m = messages.get(id)!;
      fake.message(m.content, m.opts); // the same MESSAGE_CREATE again, to every connected client
    },
    async notPersonMessages(text: string) {
      fake.message(`<@${fake.botUser.id}> ${text}`, { author: fake.otherBot });
      fake.message(`<@${fake.botUser.id}> ${text}`, { type: 7 }); // a member joined (system)
      fake.message(`<@${fake.botUser.id}> ${text}`, { type: 6 }); // a message was pinned (system)
    },
    async command(text: string, o: { public?: boolean; user?: string } = {}) {
      const i = fake.slash({ query: text, user: person(o.user), ...(o.public ? { public: true } : {}) });
      interactions.set(i.id, i);
      return i.id;
    },
    async share(commandId: string, o: { user?: string } = {}) {
      const asked = interactions.get(commandId)!;
      const cb = await fake.callbackOf(asked);
      const customId = cb.body.data.components[0].components[0].custom_id as string;
      fake.button(customId, fake.interactions.get(asked.id)!.original, { user: person(o.user) });
    },
    sent(): Sent[] {
      const out: Sent[] = [];
      const privateFlag = (data: any) => ((data?.flags ?? 0) & 64 ? 'private' : 'public') as Sent['audience'];
      for (const r of fake.requests) {
        if (r.method === 'POST' && /\/callback$/.test(r.path) && r.body?.type === 4) out.push({ audience: privateFlag(r.body.data), text: textsOf(r.body.data), body: r.body.data });
        else if (r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path)) out.push({ audience: privateFlag(r.body), text: textsOf(r.body), body: r.body });
        else if (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)) {
          out.push({ audience: r.path === `/channels/${fake.channelId}/messages` ? 'public' : 'private', text: textsOf(r.body), body: r.body });
        }
      }
      return out;
    },
    settle: (ms = 400) => sleep(ms),
    stopBot: () => h.discord.stop(),
    expectInert: (s: Sent) => expectDiscordInert(s.body),
    close: () => h.close(),
  };
  return driver;
}

// ---------------------------------------------------------------- console

export async function consoleDriver(opts: DriverOptions = {}): Promise<Driver> {
  const wrap = failingWrap(opts.failing ?? false);
  const bot = wrap ? wrap(testBot()) : testBot();
  const policy = testPolicy(bot, opts.policy);
  const input = new PassThrough();
  const writes: string[] = [];
  const output = new Writable({
    write(chunk, _enc, done) {
      writes.push(String(chunk));
      done();
    },
  });
  const running = runConsole(policy, { input, output });
  let n = 0;
  const ask = async (text: string) => {
    input.write(`${text}\n`);
    return String(++n);
  };
  return {
    name: 'console',
    mention: (text) => ask(text),
    redeliver: async () => {},
    notPersonMessages: async () => {},
    command: (text) => ask(`/deal ${text}`),
    share: async () => {},
    // One local person reads everything the console prints: all of it is theirs alone.
    sent: () => writes.map((w) => ({ audience: 'private' as const, text: w, body: w })),
    settle: (ms = 200) => sleep(ms),
    stopBot: async () => void input.end(),
    expectInert(s: Sent) {
      // Nothing typed may reach the terminal as a control sequence (colours, cursor moves, bidi tricks).
      expect(s.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    },
    async close() {
      input.end();
      await running;
    },
  };
}

export const DRIVERS = { slack: slackDriver, discord: discordDriver, console: consoleDriver };
