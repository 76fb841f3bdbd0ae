// Posts a Reply to a Discord channel through REST (daily summaries): used by the running bot, and
// by `dealbot summary --post` with REST alone (no gateway login, no listener).
import { REST, Routes, type APIMessage } from 'discord.js';
import type { ChannelPublisher } from '../../core/command.ts';
import type { StandalonePublisher } from '../contract.ts';
import type { DiscordConfig } from './config.ts';
import { PLATFORM } from './messages.ts';
import { renderDiscord } from './render.ts';

export function createDiscordPublisher(rest: REST): ChannelPublisher {
  return {
    platform: PLATFORM,
    async post(channel, reply) {
      if (channel.platform !== PLATFORM) throw new Error(`cannot post to a ${channel.platform} channel from Discord`);
      const { embeds, components, allowed_mentions } = renderDiscord(reply);
      const message = (await rest.post(Routes.channelMessages(channel.id), { body: { embeds, components, allowed_mentions } })) as APIMessage;
      return { messageId: message.id };
    },
  };
}

export async function standaloneDiscordPublisher(config: DiscordConfig): Promise<StandalonePublisher> {
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(config.token);
  return { ...createDiscordPublisher(rest), close: async () => {} };
}
