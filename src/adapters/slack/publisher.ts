// Posts a Reply to a Slack channel with the Web API alone (daily summaries, alerts): used by the
// running bot, and by `dealbot summary --post` without starting the inbound side (no socket, no
// listener). A scheduled post carries its identity in message metadata, so a replica taking the
// post over finds it in the channel's history (findPosted) instead of posting it again. Its client
// (postingClient) never sends a post again by itself: no retry policy (a timed-out
// chat.postMessage may have landed; the ledger looks before trying again), only 429s waited out.
import type { webApi } from '@slack/bolt';
import type { ChannelPublisher, PostIdentity } from '../../core/command.ts';
import { silentLogger, type Logger } from '../../ops/log.ts';
import type { StandalonePublisher } from '../contract.ts';
import type { SlackConfig } from './config.ts';
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
  return new WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: timeoutMs,
    fetch: rateLimitedFetch(log),
  });
}

/** The metadata event type our scheduled posts carry (their identity, to find them again). */
export const POST_METADATA_TYPE = 'dealbot_post';

export function slackPublisher(client: webApi.WebClient, log: Logger = silentLogger): ChannelPublisher {
  async function send(channel: string, message: SlackMessage, identity?: PostIdentity): Promise<string> {
    const res = await client.chat.postMessage({
      channel,
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
        return { messageId: await send(channel.id, renderSlack(reply), identity) };
      } catch (err) {
        // A workspace that does not take the data visualization block yet: the chart as a table.
        if (!reply.chart || platformError(err) !== 'invalid_blocks') throw err;
        log.warn({ channel: channel.id }, 'slack: chart block refused (invalid_blocks); posting the chart as a text table');
        return { messageId: await send(channel.id, renderSlack(reply, { chart: 'table' }), identity) };
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
}

export async function standaloneSlackPublisher(config: SlackConfig, logger: Logger = silentLogger): Promise<StandalonePublisher> {
  const { webApi: api } = await import('@slack/bolt'); // loaded only when posting
  const log = logger.child({ platform: PLATFORM });
  return { ...slackPublisher(postingClient(api.WebClient, config, log), log), close: async () => {} };
}
