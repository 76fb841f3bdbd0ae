// Posts a Reply to a Discord channel through REST (daily summaries): used by the running bot, and
// by `dealbot summary --post` with REST alone (no gateway login, no listener).
import { REST, Routes, type APIMessage } from 'discord.js';
import type { ChannelPublisher } from '../../core/command.ts';
import type { Logger } from '../../ops/log.ts';
import type { StandalonePublisher } from '../contract.ts';
import { chartFile, withChartImage } from './chart.ts';
import type { DiscordConfig } from './config.ts';
import { PLATFORM } from './messages.ts';
import { renderDiscord } from './render.ts';

export function createDiscordPublisher(rest: REST, onChartError: (err: unknown) => void = () => {}): ChannelPublisher {
  return {
    platform: PLATFORM,
    async post(channel, reply) {
      if (channel.platform !== PLATFORM) throw new Error(`cannot post to a ${channel.platform} channel from Discord`);
      const { embeds, components, allowed_mentions } = renderDiscord(reply);
      // A chart goes as a PNG attached to the embed; if it cannot be drawn, the items still carry every figure.
      const file = reply.chart ? await chartFile(reply.chart).catch((err: unknown) => void onChartError(err)) : undefined;
      const body = file && reply.chart ? withChartImage({ embeds, components, allowed_mentions }, reply.chart) : { embeds, components, allowed_mentions };
      const message = (await rest.post(Routes.channelMessages(channel.id), { body, ...(file ? { files: [file] } : {}) })) as APIMessage;
      return { messageId: message.id };
    },
  };
}

/** What the publisher says when a chart cannot be drawn (the post goes out without it). */
export function chartErrorLogger(logger: Logger): (err: unknown) => void {
  return (err) => logger.warn({ err }, 'chart image could not be drawn; posting without it');
}

export async function standaloneDiscordPublisher(config: DiscordConfig, logger?: Logger): Promise<StandalonePublisher> {
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  return { ...createDiscordPublisher(rest, logger ? chartErrorLogger(logger.child({ platform: PLATFORM })) : undefined), close: async () => {} };
}
