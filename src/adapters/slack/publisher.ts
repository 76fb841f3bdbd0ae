// Posts a Reply to a Slack channel with the Web API alone (daily summaries, alerts): used by the
// running bot, and by `dealbot summary --post` without starting the inbound side (no socket, no
// listener). A scheduled post carries its identity in message metadata, so a replica taking the
// post over finds it in the channel's history (findPosted) instead of posting it again. Its client
// (postingClient) never sends a post again by itself: no retry policy (a timed-out
// chat.postMessage may have landed; the ledger looks before trying again), only 429s waited out.
import type { webApi } from '@slack/bolt';
import type { ChannelPublisher, ChannelRef, PostIdentity } from '../../core/command.ts';
import { silentLogger, type Logger } from '../../ops/log.ts';
import type { StandalonePublisher } from '../contract.ts';
import type { Installations } from '../../store/installations.ts';
import type { SlackConfig } from './config.ts';
import { sealedInstallationStore, type SealedInstallationStore } from './installation-store.ts';
import { PLATFORM } from './inbound.ts';
import { platformError, SEND_DEFAULTS } from './outbound.ts';
import { rateLimitedFetch } from './rate-limited-fetch.ts';
import { renderSlack, type SlackMessage } from './render.ts';

/** How long a summary or alert post may take before it counts as failed (its outcome then unknown). */
export const POST_TIMEOUT_MS = 15_000;

/** The Web API client scheduled posts go through: no retries of its own, 429s waited out within a budget, a timeout. */
export function postingClient(
  WebClient: typeof webApi.WebClient,
  config: Pick<SlackConfig, 'botToken' | 'apiUrl'>,
  log: Logger = silentLogger,
  timeoutMs = POST_TIMEOUT_MS,
): webApi.WebClient {
  return new WebClient(config.botToken, postingOptions(config, log, timeoutMs));
}

/** The options of a posting client (postingClient, and each workspace's in OAuth mode). */
export function postingOptions(config: Pick<SlackConfig, 'apiUrl'>, log: Logger = silentLogger, timeoutMs = POST_TIMEOUT_MS): webApi.WebClientOptions {
  return {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
    fetch: rateLimitedFetch(log),
  };
}

/** The metadata event type our scheduled posts carry (their identity, to find them again). */
export const POST_METADATA_TYPE = 'dealbot_post';

/** The client to post in a workspace with: the one token, or (OAuth mode) that workspace's own. */
export type ClientFor = (workspace: string | undefined) => Promise<webApi.WebClient>;

/**
 * OAuth mode: a client per workspace, with the bot token of its installation (sealed in the store).
 * A workspace without one (uninstalled) fails the post with a clear error; a token never serves
 * another workspace.
 */
export function installedClients(store: SealedInstallationStore, options: webApi.WebClientOptions, WebClient: typeof webApi.WebClient): ClientFor {
  const clients = new Map<string, webApi.WebClient>();
  return async (workspace) => {
    const installation = workspace ? await store.find(workspace) : undefined;
    const token = installation?.bot?.token;
    if (!workspace || !token) throw new Error(`Slack workspace ${workspace ?? '(none)'} has no installation (uninstalled?): install dealbot there again from /slack/install`);
    let client = clients.get(token);
    if (!client) {
      if (clients.size > 1_000) clients.clear();
      client = new WebClient(token, { ...options, teamId: workspace });
      clients.set(token, client);
    }
    return client;
  };
}

export function slackPublisher(clientFor: ClientFor | webApi.WebClient, log: Logger = silentLogger): ChannelPublisher {
  const clients: ClientFor = typeof clientFor === 'function' ? clientFor : async () => clientFor;
  async function send(channel: ChannelRef, message: SlackMessage, identity?: PostIdentity): Promise<string> {
    const client = await clients(channel.workspace);
    const res = await client.chat.postMessage({
      channel: channel.id,
      text: message.text,
      blocks: message.blocks,
      ...(identity ? { metadata: { event_type: POST_METADATA_TYPE, event_payload: { key: identity.key } } } : {}),
      ...SEND_DEFAULTS,
    });
    if (!res.ts) throw new Error('chat.postMessage answered without a message ts');
    return res.ts;
  }
  return {
    platform: PLATFORM,
    async post(channel, reply, identity) {
      if (channel.platform !== PLATFORM) throw new Error(`cannot post to a ${channel.platform} channel from Slack`);
      try {
        return { messageId: await send(channel, renderSlack(reply), identity) };
      } catch (err) {
        // A workspace that does not take the data visualization block yet: the chart as a table.
        if (!reply.chart || platformError(err) !== 'invalid_blocks') throw err;
        log.warn({ channel: channel.id }, 'slack: chart block refused (invalid_blocks); posting the chart as a text table');
        return { messageId: await send(channel, renderSlack(reply, { chart: 'table' }), identity) };
      }
    },
    async findPosted(channel, identity) {
      // The channel's messages since the post was first attempted (a minute earlier for clock skew).
      const client = await clients(channel.workspace);
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
}

export async function standaloneSlackPublisher(config: SlackConfig, logger: Logger = silentLogger, installations?: Installations): Promise<StandalonePublisher> {
  const { webApi: api } = await import('@slack/bolt'); // loaded only when posting
  const log = logger.child({ platform: PLATFORM });
  if (config.oauth) {
    if (!installations) throw new Error('Slack OAuth mode posts with each workspace’s installation: it needs the store');
    const store = sealedInstallationStore(installations, config.oauth.tokenKey);
    return { ...slackPublisher(installedClients(store, postingOptions(config, log), api.WebClient), log), close: async () => {} };
  }
  return { ...slackPublisher(postingClient(api.WebClient, config, log), log), close: async () => {} };
}
