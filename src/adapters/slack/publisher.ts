// Posts a Reply to a Slack channel with the Web API alone (daily summaries): used by the running
// bot, and by `dealbot summary --post` without starting the inbound side (no socket, no listener).
import type { webApi } from '@slack/bolt';
import type { ChannelPublisher } from '../../core/command.ts';
import { silentLogger, type Logger } from '../../ops/log.ts';
import type { StandalonePublisher } from '../contract.ts';
import type { SlackConfig } from './config.ts';
import { PLATFORM } from './inbound.ts';
import { platformError, SEND_DEFAULTS } from './outbound.ts';
import { renderSlack, type SlackMessage } from './render.ts';

export function slackPublisher(client: webApi.WebClient, log: Logger = silentLogger): ChannelPublisher {
  async function send(channel: string, message: SlackMessage): Promise<string> {
    const res = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, ...SEND_DEFAULTS });
    if (!res.ts) throw new Error('chat.postMessage answered without a message ts');
    return res.ts;
  }
  return {
    platform: PLATFORM,
    async post(channel, reply) {
      if (channel.platform !== PLATFORM) throw new Error(`cannot post to a ${channel.platform} channel from Slack`);
      try {
        return { messageId: await send(channel.id, renderSlack(reply)) };
      } catch (err) {
        // A workspace that does not take the data visualization block yet: the chart as a table.
        if (!reply.chart || platformError(err) !== 'invalid_blocks') throw err;
        log.warn({ channel: channel.id }, 'slack: chart block refused (invalid_blocks); posting the chart as a text table');
        return { messageId: await send(channel.id, renderSlack(reply, { chart: 'table' })) };
      }
    },
  };
}

export async function standaloneSlackPublisher(config: SlackConfig, logger?: Logger): Promise<StandalonePublisher> {
  const { webApi: api } = await import('@slack/bolt'); // loaded only when posting
  const client = new api.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: config.retries },
  });
  return { ...slackPublisher(client, logger?.child({ platform: PLATFORM })), close: async () => {} };
}
