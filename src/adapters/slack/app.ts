// The Bolt app: Slack requests in (inbound.ts), the delivery policy's decision, messages out
// (outbound.ts). Every request is acknowledged at once; answers are computed after the ack.
import { App, HTTPReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Server, ServerResponse } from 'node:http';
import type { Delivery, DeliveryPolicy } from '../../core/delivery.ts';
import type { Lang } from '../../facts/schema.ts';
import { MAX_BODY_BYTES } from '../../ops/http-server.ts';
import type { Logger } from '../../ops/log.ts';
import { adminCheck } from './admin.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import { commandQuestion, messageQuestion, sharePress } from './inbound.ts';
import { BlockActionsPayload, checked, fits, MessageEventPayload, SlashCommandPayload } from './payloads.ts';
import { rateLimitedFetch } from './rate-limited-fetch.ts';
import { slackOutbound } from './outbound.ts';
import { slackCapacity, SHARE_ACTION_ID } from './render.ts';
import { responder, type Respond } from './response-url.ts';
import { workQueue, type WorkQueue } from './work-queue.ts';

export const EVENTS_PATH = '/slack/events';

export interface SlackApp {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  client: webApi.WebClient;
  /** Answers being computed or sent after their ack (drained on shutdown). */
  work: WorkQueue;
  /** HTTP mode: lets answers wait while requests on this server wait for their ack. */
  watch(server: Server): void;
}

export function createSlackApp(policy: DeliveryPolicy, config: SlackConfig, logger: Logger): SlackApp {
  const log = logger.child({ platform: 'slack' });
  const blog = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), retryConfig: { retries: config.retries }, fetch: rateLimitedFetch(log) };
  const receiver =
    config.mode === 'socket'
      ? // The supervisor reconnects (with backoff, errors caught): the library's own retry gives up for good.
        new SocketModeReceiver({ appToken: config.appToken ?? '', logger: blog, autoReconnectEnabled: false, installerOptions: { clientOptions: { ...clientOptions } } })
      : // HTTP mode: our server reads and checks each request first (http-events.ts), then hands it over.
        new HTTPReceiver({ signingSecret: config.signingSecret ?? '', signatureVerification: true, endpoints: EVENTS_PATH, logger: blog, bodyLimit: MAX_BODY_BYTES });
  // auth.test runs in start(), so a bad token stops the start with a clear error.
  const app = new App({ token: config.botToken, receiver, logger: blog, clientOptions, deferInitialization: true, ignoreSelf: true, convoStore: false });
  const client = app.client;
  const isAdmin = adminCheck({ client, admins: config.admins, logger: log });
  const out = slackOutbound(client, log);

  // Requests received over HTTP and not yet acked: answers wait while there are any, or while
  // requests are still arriving (a burst of commands is acked before any answer is computed).
  let awaitingAck = 0;
  let lastRequestAt = -Infinity;
  const work = workQueue((err) => log.error({ err }, 'slack: answer job failed'), {
    busy: () => awaitingAck > 0 || performance.now() - lastRequestAt < 3,
  });
  function watch(server: Server): void {
    server.on('request', (_req, res: ServerResponse) => {
      awaitingAck++;
      lastRequestAt = performance.now();
      res.once('close', () => {
        if (--awaitingAck === 0) work.kick();
      });
    });
  }

  /** Runs one delivery job; a failure gets the policy's one apology, to the asker. */
  function job(what: string, lang: () => Lang, run: () => Promise<void>, apologise: (d: Delivery) => Promise<unknown>): void {
    work.push(async () => {
      try {
        await run();
      } catch (err) {
        log.error({ err, event: what }, `slack: ${what} failed`);
        await apologise(policy.apology(lang())).catch((again: unknown) => log.error({ err: again }, 'slack: could not send the apology either'));
      }
    });
  }

  /** Answers go to the request's response_url through our lean poster (Bolt's respond() otherwise). */
  const respondTo = (url: string | undefined, boltRespond: Respond): Respond => (url ? responder(url) : boltRespond);

  // /deal (whatever name the app gave the command): ack at once, answer after.
  app.command(/^\/.+/, async ({ command, ack, respond }) => {
    await ack();
    if (!fits(SlashCommandPayload, command, log, 'slash command')) return;
    const reply = respondTo(command.response_url, respond);
    const question = commandQuestion(command, isAdmin);
    let lang: Lang | undefined;
    job(
      '/deal',
      () => lang ?? policy.bot.langOf(question.text, question.asker),
      async () => {
        const d = await policy.ask(question, slackCapacity);
        if (!d) return;
        lang = d.reply.lang;
        await out.toCommand(d, command.channel_id, reply);
      },
      (d) => out.toCommand(d, command.channel_id, reply),
    );
  });

  // "Share in channel": post the answer the asker saw (kept by the policy), then drop the private copy.
  app.action(SHARE_ACTION_ID, async ({ ack, body, respond }) => {
    await ack();
    if (!fits(BlockActionsPayload, body, log, 'button press')) return;
    const reply = respondTo('response_url' in body ? body.response_url : undefined, respond);
    const shared = sharePress(body, isAdmin);
    if (!shared) return log.warn({ action: SHARE_ACTION_ID }, 'slack: share button without an answer id or channel');
    job(
      'share',
      () => shared.lang,
      async () => {
        const outcome = await policy.share(shared);
        if (!outcome) return;
        if ('notice' in outcome) return out.toCommand(outcome.notice, shared.channelId, reply, { keepOriginal: true });
        if (outcome.post === 'seen') return; // Slack does not hand the message back: answers are always kept
        await out.toCommand({ reply: outcome.post, audience: 'channel', attribution: outcome.attribution }, shared.channelId, reply);
        await reply({ delete_original: true });
      },
      (d) => out.toCommand(d, shared.channelId, reply, { keepOriginal: true }),
    );
  });

  /** A mention or DM: answered once per message, in the thread it started. */
  function onMessage(event: unknown, via: 'mention' | 'dm', team: string | undefined, botUserId: string | undefined): void {
    const e = checked(MessageEventPayload, event, log, via === 'dm' ? 'message event' : 'app_mention event');
    if (!e) return;
    const asked = messageQuestion(e, via, { ...(team ? { team } : {}), ...(botUserId ? { botUserId } : {}), isAdmin });
    if (!asked) return;
    const inDm = asked.question.via === 'dm';
    let lang: Lang | undefined;
    job(
      `answer to a ${via}`,
      () => lang ?? policy.bot.langOf(asked.question.text, asked.question.asker),
      async () => {
        const d = await policy.ask(asked.question, slackCapacity);
        if (!d) return;
        lang = d.reply.lang;
        await out.toThread(d, asked.target, inDm);
      },
      (d) => out.toThread(d, asked.target, inDm),
    );
  }

  app.event('app_mention', async ({ event, context, body }) => onMessage(event, 'mention', body.team_id, context.botUserId));
  app.event('message', async ({ event, context, body }) => onMessage(event, 'dm', body.team_id, context.botUserId));

  // Anything that still escapes a listener: logged, never a crash.
  app.error(async (error) => {
    log.error({ err: error }, 'slack: unhandled listener error');
  });

  return { app, receiver, client, work, watch };
}
