// Posts a Reply to a Discord channel through REST (daily summaries); returns the message id.
import { Routes, type APIMessage, type REST } from 'discord.js';
import type { ChannelPublisher } from '../../core/command.ts';
import { renderDiscord } from './render.ts';

export function createDiscordPublisher(rest: REST): ChannelPublisher {
  return {
    platform: 'discord',
    async post(channel, reply) {
      if (channel.platform !== 'discord') throw new Error(`cannot post to a ${channel.platform} channel from Discord`);
      const { embeds, components, allowed_mentions } = renderDiscord(reply);
      const message = (await rest.post(Routes.channelMessages(channel.id), {
        body: { embeds, components, allowed_mentions },
      })) as APIMessage;
      return { messageId: message.id };
    },
  };
}
