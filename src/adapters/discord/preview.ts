// What `dealbot ask --render discord` prints: the interaction callback the bot sends for
// `/deal query:<text>` (ephemeral, with the Share button when the answer can be shared).
import { InteractionResponseType, MessageFlags } from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import { renderDiscord } from './render.ts';
import { shareCustomId } from './share-ids.ts';

export function previewDiscord(reply: Reply) {
  const payload = renderDiscord(reply, reply.shareable ? { shareId: shareCustomId(reply.lang) } : {});
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { ...payload, allowed_mentions: { parse: [], replied_user: false }, flags: MessageFlags.Ephemeral },
  };
}
