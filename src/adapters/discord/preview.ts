// What `dealbot ask --render discord` prints: the interaction callback the bot sends for
// `/deal query:<text>` (ephemeral, with the Share button when the answer can be shared).
import { InteractionResponseType, MessageFlags } from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import { renderDiscord } from './render.ts';
import { ShareIds } from './share-ids.ts';

export function previewDiscord(reply: Reply, query: string) {
  const payload = renderDiscord(reply, reply.shareable ? { shareId: new ShareIds().encode(query) } : {});
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { ...payload, allowed_mentions: { parse: [], replied_user: false }, flags: MessageFlags.Ephemeral },
  };
}
