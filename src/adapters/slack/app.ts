// The Bolt app: translates Slack requests into bot.answer calls and Replies into messages.
// Nothing here decides what to answer; it only moves text in and payloads out, safely.
import {
  App,
  HTTPReceiver,
  SocketModeReceiver,
  type CustomRoute,
  type SlackAction,
  type SlashCommand,
  type webApi,
} from '@slack/bolt';
import type { Server, ServerResponse } from 'node:http';
import type { Asker, Bot } from '../../core/bot.ts';
import type { ChannelPublisher, ChannelRef, PostIdentity } from '../../core/command.ts';
import type { DeliveryLedger } from '../../store/deliveries.ts';
import { t } from '../../core/i18n.ts';
import type { Reply } from '../../core/reply.ts';
import type { Lang } from '../../facts/schema.ts';
import type { Logger } from '../../ops/log.ts';
import { adminCheck } from './admin.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import { seenEvents } from './dedupe.ts';
import { workQueue, type WorkQueue } from './work-queue.ts';
import { responder, type Respond } from './response-url.ts';
import { renderSlack, SHARE_ACTION_ID, type RenderSlackOptions, type SlackMessage } from './render.ts';
import { decodeShare, encodeShare } from './share.ts';
import { fromSlackText, stripBotMention } from './text.ts';

export const EVENTS_PATH = '/slack/events';

export interface SlackAppOptions {
  /** Extra HTTP routes (e.g. /healthz) served by the same server in HTTP mode. */
  customRoutes?: CustomRoute[];
  /**
   * Messages and commands already answered, shared by the replicas on one store: an event or
   * command delivered to several replicas (retries, a load balancer) is answered by one.
   */
  deliveries?: DeliveryLedger;
  /** This process's name in the delivery ledger. */
  replicaId?: string;
}

/** How long a replica holds a message it is answering before another may answer it instead. */
const ANSWER_HOLD_MS = 30_000;
/** The metadata event type our scheduled posts carry (their identity, to find them again). */
export const POST_METADATA_TYPE = 'dealbot_post';

export interface SlackApp {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  client: webApi.WebClient;
  publisher: ChannelPublisher;
  /** Answers being computed or sent after their ack (drained on shutdown). */
  work: WorkQueue;
  /** HTTP mode: lets answers wait while requests on this server wait for their ack. */
  watch(server: Server): void;
}

/** Options every message we send carries: no link unfurling; never link_names nor parse. */
const SEND_DEFAULTS = { unfurl_links: false, unfurl_media: false } as const;

/** "/deal share energy" posts to the channel at once; the word is Slack's, not a command. */
const SHARE_WORD = /^(?:share|partager)(?:\s+|$)/i;

/** Slack errors that mean "the bot cannot post in this channel" (not invited, private, DM). */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

function platformError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * What names a delivery across replicas: a message by workspace, channel and ts (app_mention and
 * message.im of one DM share it), a command or a button press by its trigger id.
 */
export function deliveryKey(body: unknown): string | undefined {
  const b = body as { team_id?: string; event?: { channel?: string; ts?: string }; trigger_id?: string; command?: string; team?: { id?: string } } | undefined;
  if (b?.event?.channel && b.event.ts) return `slack|msg|${b.team_id ?? ''}|${b.event.channel}|${b.event.ts}`;
  if (typeof b?.trigger_id === 'string' && b.trigger_id) return `slack|trigger|${b.team_id ?? b.team?.id ?? ''}|${b.trigger_id}`;
  return undefined;
}

export function createSlackApp(bot: Bot, config: SlackConfig, logger: Logger, opts: SlackAppOptions = {}): SlackApp {
  const log = logger.child({ platform: 'slack' });
  const blog = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: config.retries },
  };

  const receiver =
    config.mode === 'socket'
      ? new SocketModeReceiver({
          appToken: config.appToken ?? '',
          logger: blog,
          installerOptions: { clientOptions: { ...clientOptions } },
        })
      : new HTTPReceiver({
          signingSecret: config.signingSecret ?? '',
          signatureVerification: true,
          endpoints: EVENTS_PATH,
          logger: blog,
          customRoutes: opts.customRoutes ?? [],
        });

  const app = new App({
    token: config.botToken,
    receiver,
    logger: blog,
    clientOptions,
    // auth.test runs in start(), so a bad token stops the start with a clear error.
    deferInitialization: true,
    ignoreSelf: true,
    convoStore: false, // no conversation state: saves a lookup per request
  });
  const client = app.client;
  const isAdmin = adminCheck({ client, admins: config.admins, logger: log });
  const seen = seenEvents();
  // Requests received over HTTP and not yet acked: answers wait while there are any, or while
  // requests are still arriving (a burst of commands is acked before any answer is computed).
  let awaitingAck = 0;
  let lastRequestAt = -Infinity;
  const QUIET_MS = 3;
  const work = workQueue((err) => log.error({ err }, 'slack: answer job failed'), {
    busy: () => awaitingAck > 0 || performance.now() - lastRequestAt < QUIET_MS,
  });
  function watch(server: Server): void {
    server.on('request', (_req, res: ServerResponse) => {
      awaitingAck++;
      lastRequestAt = performance.now();
      res.once('close', () => {
        awaitingAck--;
        if (awaitingAck === 0) work.kick();
      });
    });
  }

  function asker(input: {
    via: string;
    user: { id: string; name?: string };
    channel: { id: string; name?: string };
    team?: string;
    lang?: Lang;
  }): Asker {
    const channel: ChannelRef = {
      platform: 'slack',
      id: input.channel.id,
      ...(input.team ? { workspace: input.team } : {}),
      ...(input.channel.name ? { name: input.channel.name } : {}),
    };
    return {
      platform: 'slack',
      channel,
      user: input.user,
      isAdmin: () => isAdmin(input.user.id),
      via: input.via,
      ...(input.lang ? { lang: input.lang } : {}),
    };
  }

  async function post(channel: string, message: SlackMessage, threadTs?: string, identity?: PostIdentity): Promise<string> {
    const res = await client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      // A scheduled post carries its identity, so a replica taking it over can find it (findPosted).
      ...(identity ? { metadata: { event_type: POST_METADATA_TYPE, event_payload: { key: identity.key } } } : {}),
      ...SEND_DEFAULTS,
    });
    if (!res.ts) throw new Error('chat.postMessage answered without a message ts');
    return res.ts;
  }

  /** Posts to a channel; where the bot is not a member, answers through response_url instead. */
  async function publish(channel: string, message: SlackMessage, respond: Respond): Promise<void> {
    try {
      await post(channel, message);
    } catch (err) {
      const code = platformError(err);
      if (!code || !CANNOT_POST.has(code)) throw err;
      log.info({ channel, error: code }, 'slack: cannot post in channel, answering through response_url');
      await respond({ response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
    }
  }

  async function apologize(lang: Lang, send: (text: string) => Promise<unknown>): Promise<void> {
    try {
      await send(t(lang).error);
    } catch (err) {
      log.error({ err }, 'slack: could not send the apology either');
    }
  }

  // A re-delivered event (same event_id) is dropped before any listener runs; across replicas the
  // message itself (workspace, channel, ts) or the command's trigger id is claimed in the store.
  app.use(async (args) => {
    const { body, next, context } = args;
    const id = (body as { event_id?: unknown }).event_id;
    if (typeof id === 'string' && !seen.first(id)) {
      log.debug({ event_id: id }, 'slack: duplicate event ignored');
      return;
    }
    const key = deliveryKey(body);
    if (key && opts.deliveries && !(await claimDelivery(key))) {
      log.debug({ key }, 'slack: already answered (or being answered) by another replica');
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    if (key) context.deliveryKey = key;
    await next();
  });

  async function claimDelivery(key: string): Promise<boolean> {
    try {
      return await opts.deliveries!.claim(key, { holder: opts.replicaId ?? 'slack', holdMs: ANSWER_HOLD_MS });
    } catch (err) {
      // A store that does not answer must not make the bot deaf: answer (a rare double beats silence).
      log.warn({ err, key }, 'slack: delivery ledger unavailable; answering without it');
      return true;
    }
  }

  /** Marks a message answered for a day, off the answer's path. */
  function delivered(key: unknown): void {
    if (typeof key !== 'string' || !opts.deliveries) return;
    void opts.deliveries.done(key).catch((err: unknown) => log.warn({ err, key }, 'slack: could not record an answered message'));
  }

  /** Answers go to the request's response_url through our lean poster (Bolt's respond() otherwise). */
  function respondTo(url: string | undefined, boltRespond: Respond): Respond {
    return url ? responder(url) : boltRespond;
  }

  // /deal (whatever name the app gave the command): ack at once, answer after.
  app.command(/^\/.+/, async ({ command, ack, respond, context }) => {
    await ack();
    const reply = respondTo(command.response_url, respond);
    work.push(() => answerCommand(command, reply).finally(() => delivered(context.deliveryKey)));
  });

  async function answerCommand(command: SlashCommand, respond: Respond): Promise<void> {
    let lang: Lang = 'en';
    try {
      const typed = fromSlackText(command.text ?? '').trim();
      const share = SHARE_WORD.test(typed);
      const text = typed.replace(SHARE_WORD, '').trim();
      const reply = await bot.answer(
        text,
        asker({
          via: share ? 'share' : 'command',
          user: { id: command.user_id, name: command.user_name },
          channel: { id: command.channel_id, name: command.channel_name },
          team: command.team_id,
        }),
      );
      lang = reply.lang;
      if (share && reply.kind !== 'error') {
        const message = renderSlack(reply, { attribution: { kind: 'asked', name: command.user_name } });
        await publish(command.channel_id, message, respond);
        return;
      }
      // Visible to the asker only; a button lets them post the same answer to the channel.
      const inDm = command.channel_id.startsWith('D');
      const options: RenderSlackOptions = reply.shareable && !inDm ? { shareValue: encodeShare(text, reply.lang) } : {};
      await respond({ response_type: 'ephemeral', ...renderSlack(reply, options) });
    } catch (err) {
      log.error({ err }, 'slack: /deal failed');
      await apologize(lang, (text) => respond({ response_type: 'ephemeral', text }));
    }
  }

  // "Share in channel": recompute the answer from the question in the button and post it.
  app.action(SHARE_ACTION_ID, async ({ ack, body, respond, context }) => {
    await ack();
    const reply = respondTo('response_url' in body ? body.response_url : undefined, respond);
    work.push(() => share(body, reply).finally(() => delivered(context.deliveryKey)));
  });

  async function share(body: SlackAction, respond: Respond): Promise<void> {
    let lang: Lang = 'en';
    try {
      if (body.type !== 'block_actions') return;
      const action = body.actions[0];
      const shared = decodeShare(action && 'value' in action ? action.value : undefined);
      const channelId = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
      if (!shared || !channelId) {
        log.warn({ action: SHARE_ACTION_ID }, 'slack: share button without a question or channel');
        return;
      }
      lang = shared.l;
      const name = body.user.username ?? body.user.name ?? body.user.id;
      const reply: Reply = await bot.answer(
        shared.q,
        asker({
          via: 'share',
          user: { id: body.user.id, name },
          channel: { id: channelId, ...(body.channel?.name ? { name: body.channel.name } : {}) },
          ...(body.team?.id ? { team: body.team.id } : {}),
          lang: shared.l,
        }),
      );
      await publish(channelId, renderSlack(reply, { attribution: { kind: 'shared', name } }), respond);
      // The private copy has done its job.
      await respond({ delete_original: true });
    } catch (err) {
      log.error({ err }, 'slack: share failed');
      await apologize(lang, (text) => respond({ response_type: 'ephemeral', replace_original: false, text }));
    }
  }

  async function answerInThread(input: {
    via: 'mention' | 'dm';
    channel: string;
    threadTs: string;
    user: string;
    team?: string;
    text: string;
  }): Promise<void> {
    let lang: Lang = 'en';
    try {
      const reply = await bot.answer(
        input.text,
        asker({ via: input.via, user: { id: input.user }, channel: { id: input.channel }, ...(input.team ? { team: input.team } : {}) }),
      );
      lang = reply.lang;
      await post(input.channel, renderSlack(reply), input.threadTs);
    } catch (err) {
      log.error({ err, via: input.via }, 'slack: answer in thread failed');
      await apologize(lang, (text) => client.chat.postMessage({ channel: input.channel, thread_ts: input.threadTs, text, ...SEND_DEFAULTS }));
    }
  }

  /** Queues the answer to a mention or DM, in the thread of the message that asked. */
  function queueThreadAnswer(
    via: 'mention' | 'dm',
    message: { channel: string; ts: string; thread_ts?: string; user: string; text?: string },
    teamId: string | undefined,
    botUserId: string | undefined,
    key?: unknown,
  ): void {
    work.push(() =>
      answerInThread({
        via,
        channel: message.channel,
        threadTs: message.thread_ts ?? message.ts,
        user: message.user,
        ...(teamId ? { team: teamId } : {}),
        text: fromSlackText(stripBotMention(message.text ?? '', botUserId)),
      }).finally(() => delivered(key)),
    );
  }

  // @dealbot question → answer in the thread of the mention.
  app.event('app_mention', async ({ event, context, body }) => {
    if (event.bot_id || event.subtype || !event.user) return; // other bots' mentions
    queueThreadAnswer('mention', { ...event, user: event.user }, body.team_id, context.botUserId, context.deliveryKey);
  });

  // A direct message to the bot → answer in a thread of that message.
  app.event('message', async ({ event, context, body }) => {
    const e = event as {
      channel_type?: string;
      subtype?: string;
      bot_id?: string;
      user?: string;
      text?: string;
      ts: string;
      thread_ts?: string;
      channel: string;
    };
    // Only plain user messages in DMs: no edits, joins, bot posts (ours included).
    if (e.channel_type !== 'im' || e.subtype || e.bot_id || !e.user) return;
    queueThreadAnswer('dm', { ...e, user: e.user }, body.team_id, context.botUserId, context.deliveryKey);
  });

  // Anything that still escapes a listener: logged, never a crash.
  app.error(async (error) => {
    log.error({ err: error }, 'slack: unhandled listener error');
  });

  const publisher: ChannelPublisher = {
    platform: 'slack',
    async post(channel, reply, identity) {
      try {
        return { messageId: await post(channel.id, renderSlack(reply), undefined, identity) };
      } catch (err) {
        // A workspace that does not take the data visualization block yet: the chart as a table.
        if (!reply.chart || platformError(err) !== 'invalid_blocks') throw err;
        log.warn({ channel: channel.id }, 'slack: chart block refused (invalid_blocks); posting the chart as a text table');
        return { messageId: await post(channel.id, renderSlack(reply, { chart: 'table' }), undefined, identity) };
      }
    },
    async findPosted(channel, identity) {
      // The channel's messages since the post was first attempted (a minute earlier for clock skew).
      const res = await client.conversations.history({
        channel: channel.id,
        oldest: String(Math.floor(identity.since / 1000) - 60),
        include_all_metadata: true,
        limit: 100,
      });
      const hit = res.messages?.find((m) => {
        const meta = m.metadata as { event_type?: string; event_payload?: { key?: unknown } } | undefined;
        return meta?.event_type === POST_METADATA_TYPE && meta.event_payload?.key === identity.key;
      });
      return hit?.ts ? { messageId: hit.ts } : undefined;
    },
  };

  return { app, receiver, client, publisher, work, watch };
}
