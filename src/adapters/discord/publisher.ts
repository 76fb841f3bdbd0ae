// Posts a Reply to a Discord channel through REST (daily summaries); returns the message id.
import { Routes, type APIMessage, type REST } from 'discord.js';
import type { ChannelPublisher } from '../../core/command.ts';
import { chartFile, withChartImage } from './chart.ts';
import { renderDiscord } from './render.ts';

export function createDiscordPublisher(rest: REST, onChartError: (err: unknown) => void = () => {}): ChannelPublisher {
  return {
    platform: 'discord',
    async post(channel, reply) {
      if (channel.platform !== 'discord') throw new Error(`cannot post to a ${channel.platform} channel from Discord`);
      const { embeds, components, allowed_mentions } = renderDiscord(reply);
      // A chart goes as a PNG attached to the embed; if it cannot be drawn, the items still carry every figure.
      const file = reply.chart ? await chartFile(reply.chart).catch((err: unknown) => void onChartError(err)) : undefined;
      const body = file && reply.chart ? withChartImage({ embeds, components, allowed_mentions }, reply.chart) : { embeds, components, allowed_mentions };
      const message = (await rest.post(Routes.channelMessages(channel.id), { body, ...(file ? { files: [file] } : {}) })) as APIMessage;
      return { messageId: message.id };
    },
  };
}
