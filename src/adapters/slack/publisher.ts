// Posts a Reply to a Slack channel with the Web API alone (daily summaries): used by the running
// bot, and by `dealbot summary --post` without starting the inbound side (no socket, no listener).
import type { webApi } from '@slack/bolt';
import type { ChannelPublisher } from '../../core/command.ts';
import type { StandalonePublisher } from '../contract.ts';
import type { SlackConfig } from './config.ts';
import { PLATFORM } from './inbound.ts';
import { SEND_DEFAULTS } from './outbound.ts';
import { renderSlack } from './render.ts';

export function slackPublisher(client: webApi.WebClient): ChannelPublisher {
  return {
    platform: PLATFORM,
    async post(channel, reply) {
      if (channel.platform !== PLATFORM) throw new Error(`cannot post to a ${channel.platform} channel from Slack`);
      const message = renderSlack(reply);
      const res = await client.chat.postMessage({ channel: channel.id, text: message.text, blocks: message.blocks, ...SEND_DEFAULTS });
      if (!res.ts) throw new Error('chat.postMessage answered without a message ts');
      return { messageId: res.ts };
    },
  };
}

export async function standaloneSlackPublisher(config: SlackConfig): Promise<StandalonePublisher> {
  const { webApi: api } = await import('@slack/bolt'); // loaded only when posting
  const client = new api.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: config.retries },
  });
  return { ...slackPublisher(client), close: async () => {} };
}
