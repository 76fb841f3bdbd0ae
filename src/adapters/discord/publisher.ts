// Posts a Reply to a Discord channel through REST (daily summaries, alerts): used by the running
// bot, and by `dealbot summary --post` with REST alone (no gateway login, no listener).
// The REST client given here must not retry by itself (rest.ts postingRest: retries 0): a post that
// timed out may have landed, and only the ledger, after findPosted, may send it again.
// A scheduled post is idempotent: it carries a nonce derived from its (channel, slot) identity with
// enforce_nonce, so a retry within Discord's nonce window returns the first message instead of a
// second one; past that window, findPosted looks through the channel's recent messages for the
// bot's own post of that slot (a fetched message does not show its nonce, so it is recognised by
// author, kind of message, time and title).
import { createHash } from 'node:crypto';
import { MessageType, Routes, SnowflakeUtil, type APIMessage, type APIUser, type REST } from 'discord.js';
import type { ChannelPublisher, PostIdentity } from '../../core/command.ts';
import { silentLogger, type Logger } from '../../ops/log.ts';
import type { StandalonePublisher } from '../contract.ts';
import { chartFile, withChartImage } from './chart.ts';
import type { DiscordConfig } from './config.ts';
import { cut, escapeMarkdown } from './escape.ts';
import { PLATFORM } from './messages.ts';
import { DISCORD_LIMITS, renderDiscord } from './render.ts';
import { postingRest } from './rest.ts';

/** Discord's nonce: at most 25 characters, the same for the same (channel, post). */
export function nonceOf(channelId: string, identity: PostIdentity): string {
  return createHash('sha256').update(`${channelId}|${identity.key}`).digest('base64url').slice(0, 25);
}

export function createDiscordPublisher(rest: REST, onChartError: (err: unknown) => void = () => {}): ChannelPublisher {
  let me: Promise<APIUser> | undefined;
  const botUser = () => (me ??= (rest.get(Routes.user()) as Promise<APIUser>).catch((err: unknown) => {
    me = undefined;
    throw err;
  }));
  return {
    platform: PLATFORM,
    async post(channel, reply, identity) {
      if (channel.platform !== PLATFORM) throw new Error(`cannot post to a ${channel.platform} channel from Discord`);
      const { embeds, components, allowed_mentions } = renderDiscord(reply);
      // A chart goes as a PNG attached to the embed; if it cannot be drawn, the items still carry every figure.
      const file = reply.chart ? await chartFile(reply.chart).catch((err: unknown) => void onChartError(err)) : undefined;
      const payload = file && reply.chart ? withChartImage({ embeds, components, allowed_mentions }, reply.chart) : { embeds, components, allowed_mentions };
      const body = identity ? { ...payload, nonce: nonceOf(channel.id, identity), enforce_nonce: true } : payload;
      const message = (await rest.post(Routes.channelMessages(channel.id), { body, ...(file ? { files: [file] } : {}) })) as APIMessage;
      return { messageId: message.id };
    },
    async findPosted(channel, identity) {
      const { id: botId } = await botUser();
      const after = SnowflakeUtil.generate({ timestamp: Math.max(Number(SnowflakeUtil.epoch), identity.since - 60_000) }).toString();
      const title = identity.title === undefined ? undefined : cut(escapeMarkdown(identity.title.trim()), DISCORD_LIMITS.title);
      const query = new URLSearchParams({ after, limit: '100' });
      const messages = (await rest.get(Routes.channelMessages(channel.id), { query })) as APIMessage[];
      const nonce = nonceOf(channel.id, identity);
      const hit = messages.find(
        (m) =>
          m.nonce === nonce ||
          // A plain message of the bot's own, not a reply, an interaction answer or a webhook post.
          (m.author.id === botId && m.type === MessageType.Default && !m.webhook_id && !m.message_reference && !m.interaction_metadata &&
            title !== undefined && m.embeds[0]?.title === title),
      );
      return hit ? { messageId: hit.id } : undefined;
    },
  };
}

/** What the publisher says when a chart cannot be drawn (the post goes out without it). */
export function chartErrorLogger(logger: Logger): (err: unknown) => void {
  return (err) => logger.warn({ err }, 'chart image could not be drawn; posting without it');
}

export async function standaloneDiscordPublisher(config: DiscordConfig, logger: Logger = silentLogger): Promise<StandalonePublisher> {
  const log = logger.child({ platform: PLATFORM });
  return { ...createDiscordPublisher(postingRest(config, log), chartErrorLogger(log)), close: async () => {} };
}
