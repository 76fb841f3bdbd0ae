// Deliveries as Slack messages: an answer only the asker sees (ephemeral through response_url, or
// chat.postEphemeral in a thread), a message in the channel or thread, a shared answer. Every send
// carries the same safe options; a channel the bot cannot post in falls back to response_url.
import type { webApi } from '@slack/bolt';
import type { Delivery } from '../../core/delivery.ts';
import type { Logger } from '../../ops/log.ts';
import type { ThreadTarget } from './inbound.ts';
import { renderSlack, type RenderSlackOptions, type SlackMessage } from './render.ts';
import type { Respond } from './response-url.ts';
import { encodeShare } from './share.ts';

/** Options every message we send carries: no link unfurling; never link_names nor parse. */
export const SEND_DEFAULTS = { unfurl_links: false, unfurl_media: false } as const;

/** Slack errors that mean "the bot cannot post in this channel" (not invited, private, DM). */
const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** The Web API's error code ("invalid_blocks", "not_in_channel"…), when the call failed with one. */
export function platformError(err: unknown): string | undefined {
  const data = (err as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** How a Delivery looks on Slack: the Share button and the attribution are the policy's call. */
export function messageOf(d: Delivery): SlackMessage {
  const opts: RenderSlackOptions = {
    ...(d.shareId ? { shareValue: encodeShare(d.shareId, d.reply.lang) } : {}),
    ...(d.attribution ? { attribution: d.attribution } : {}),
  };
  return renderSlack(d.reply, opts);
}

export function slackOutbound(client: webApi.WebClient, log: Logger) {
  async function post(channel: string, message: SlackMessage, threadTs?: string): Promise<string> {
    const res = await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}), ...SEND_DEFAULTS });
    if (!res.ts) throw new Error('chat.postMessage answered without a message ts');
    return res.ts;
  }

  /** Posts to a channel; where the bot is not a member, answers through response_url instead. */
  async function publish(channel: string, message: SlackMessage, respond: Respond): Promise<void> {
    try {
      await post(channel, message);
    } catch (err) {
      const code = platformError(err);
      if (!code || !CANNOT_POST.has(code)) throw err;
      log.info({ channel, error: code }, 'slack: cannot post in channel, answering through response_url');
      await respond({ response_type: 'in_channel', replace_original: false, text: message.text, blocks: message.blocks });
    }
  }

  return {
    post,
    publish,

    /** The answer to a slash command (or a Share press notice): ephemeral unless the policy says the channel. */
    async toCommand(d: Delivery, channel: string, respond: Respond, opts: { keepOriginal?: boolean } = {}): Promise<void> {
      const message = messageOf(d);
      if (d.audience === 'channel') return publish(channel, message, respond);
      await respond({ response_type: 'ephemeral', ...(opts.keepOriginal ? { replace_original: false } : {}), ...message });
    },

    /** The answer to a mention or DM: in its thread, or for the asker's eyes only. */
    async toThread(d: Delivery, target: ThreadTarget, inDm: boolean): Promise<void> {
      const message = messageOf(d);
      // In a DM only the asker sees the thread anyway.
      if (d.audience === 'channel' || inDm) {
        await post(target.channel, message, target.threadTs);
        return;
      }
      await client.chat.postEphemeral({
        channel: target.channel,
        user: target.user,
        thread_ts: target.threadTs,
        text: message.text,
        blocks: message.blocks,
        ...SEND_DEFAULTS,
      });
    },
  };
}

export type SlackOutbound = ReturnType<typeof slackOutbound>;
