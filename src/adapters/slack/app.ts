// The Bolt app: Slack requests in (inbound.ts), the delivery policy's decision, messages out
// (outbound.ts). Every request is acknowledged at once; answers are computed after the ack, with
// the client of the request's own workspace (one token, or each workspace's in OAuth mode).
// Feedback, shortcuts, buttons, forms, the Home and installs are wired in interactions.ts.
import { App, type HTTPReceiver, type SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Server, ServerResponse } from 'node:http';
import type { DeliveryPolicy } from '../../core/delivery.ts';
import type { Lang } from '../../facts/schema.ts';
import type { Logger } from '../../ops/log.ts';
import type { Installations } from '../../store/installations.ts';
import { userDirectory } from './admin.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackConfig } from './config.ts';
import { commandQuestion, messageQuestion, sharePress, type MessageEvent } from './inbound.ts';
import { sealedInstallationStore, type SealedInstallationStore } from './installation-store.ts';
import { registerInteractions } from './interactions.ts';
import { receiverOf, slackKit } from './kit.ts';
import { slackOutbound } from './outbound.ts';
import { BlockActionsPayload, checked, fits, MessageEventPayload, SlashCommandPayload } from './payloads.ts';
import { rateLimitedFetch } from './rate-limited-fetch.ts';
import { slackCapacity, SHARE_ACTION_ID } from './render.ts';
import { workQueue, type WorkQueue } from './work-queue.ts';

export { EVENTS_PATH, INSTALL_PATH, REDIRECT_PATH } from './paths.ts';
export type { SlackKit } from './kit.ts';

export interface SlackAppOptions {
  /** Where installations are kept (OAuth mode). */
  installations?: Installations;
}

export interface SlackApp {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  /** The single workspace's client (token mode); undefined in OAuth mode. */
  client: webApi.WebClient | undefined;
  /** OAuth mode: the installations, sealed in the store. */
  installations?: SealedInstallationStore;
  /** Answers being computed or sent after their ack (drained on shutdown). */
  work: WorkQueue;
  /** HTTP mode: lets answers wait while requests on this server wait for their ack. */
  watch(server: Server): void;
}

export function createSlackApp(policy: DeliveryPolicy, config: SlackConfig, logger: Logger, opts: SlackAppOptions = {}): SlackApp {
  const log = logger.child({ platform: 'slack' });
  const blog = boltLogger(logger);
  const clientOptions: webApi.WebClientOptions = { ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}), retryConfig: { retries: config.retries }, fetch: rateLimitedFetch(log) };
  if (config.oauth && !opts.installations) throw new Error('Slack OAuth mode needs the store’s installations');
  const installations = config.oauth && opts.installations ? sealedInstallationStore(opts.installations, config.oauth.tokenKey) : undefined;
  // HTTP mode: our server reads and checks each request first (http-events.ts), then hands it over.
  const receiver = receiverOf(config, blog, clientOptions, installations);
  // auth.test runs in start(), so a bad token stops the start with a clear error. In OAuth mode
  // there is no app-wide token: Bolt authorizes each request from its workspace's installation.
  const app = new App({ ...(config.oauth ? {} : { token: config.botToken }), receiver, logger: blog, clientOptions, deferInitialization: true, ignoreSelf: true, convoStore: false });
  const users = userDirectory({ admins: config.admins, logger: log });

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

  const kit = slackKit(policy, log, users, work);

  // /deal (whatever name the app gave the command): ack at once, answer after.
  app.command(/^\/.+/, async ({ command, ack, respond, client }) => {
    await ack();
    if (!fits(SlashCommandPayload, command, log, 'slash command')) return;
    const reply = kit.respondTo(command.response_url, respond);
    const question = commandQuestion(command, kit.people(client, command.team_id));
    const out = slackOutbound(client, log);
    let lang: Lang | undefined;
    kit.job('/deal', () => lang ?? policy.bot.langOf(question.text, question.asker), async () => {
      const d = await policy.ask(question, slackCapacity);
      if (!d) return;
      lang = d.reply.lang;
      await out.toCommand(d, command.channel_id, reply);
    }, (d) => out.toCommand(d, command.channel_id, reply));
  });

  // "Share in channel": post the answer the asker saw (kept by the policy), then drop the private copy.
  app.action(SHARE_ACTION_ID, async ({ ack, body, respond, client }) => {
    await ack();
    if (!fits(BlockActionsPayload, body, log, 'button press')) return;
    const reply = kit.respondTo('response_url' in body ? body.response_url : undefined, respond);
    const shared = sharePress(body, kit.people(client, body.team?.id));
    if (!shared) return log.warn({ action: SHARE_ACTION_ID }, 'slack: share button without an answer id or channel');
    const out = slackOutbound(client, log);
    kit.job('share', () => shared.lang, async () => {
      const outcome = await policy.share(shared);
      if (!outcome) return;
      if ('notice' in outcome) return out.toCommand(outcome.notice, shared.channelId, reply, { keepOriginal: true });
      if (outcome.post === 'seen') return; // Slack does not hand the message back: answers are always kept
      await out.toCommand({ reply: outcome.post, audience: 'channel', attribution: outcome.attribution }, shared.channelId, reply);
      await reply({ delete_original: true });
    }, (d) => out.toCommand(d, shared.channelId, reply, { keepOriginal: true }));
  });

  /** A mention, a DM or a thread reply: answered once per message, in the thread it started. */
  function onMessage(event: unknown, via: 'mention' | 'message', team: string | undefined, botUserId: string | undefined, client: webApi.WebClient): void {
    const e = checked(MessageEventPayload, event, log, via === 'message' ? 'message event' : 'app_mention event') as MessageEvent | undefined;
    if (!e) return;
    const asked = messageQuestion(e, via, { ...(team ? { team } : {}), ...(botUserId ? { botUserId } : {}), people: kit.people(client, team) });
    if (!asked) return;
    const inDm = asked.question.via === 'dm';
    const out = slackOutbound(client, log);
    let lang: Lang | undefined;
    kit.job(`answer to a ${via}`, () => lang ?? policy.bot.langOf(asked.question.text, asked.question.asker), async () => {
      const d = await policy.ask(asked.question, slackCapacity);
      if (!d) return;
      lang = d.reply.lang;
      await out.toThread(d, asked.target, inDm);
    }, (d) => out.toThread(d, asked.target, inDm));
  }

  app.event('app_mention', async ({ event, context, body, client }) => onMessage(event, 'mention', body.team_id, context.botUserId, client));
  app.event('message', async ({ event, context, body, client }) => onMessage(event, 'message', body.team_id, context.botUserId, client));
  registerInteractions(app, kit, installations);

  // Anything that still escapes a listener: logged, never a crash.
  app.error(async (error) => {
    log.error({ err: error }, 'slack: unhandled listener error');
  });

  return { app, receiver, client: config.oauth ? undefined : app.client, ...(installations ? { installations } : {}), work, watch };
}
