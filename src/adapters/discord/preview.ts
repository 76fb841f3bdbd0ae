// What `dealbot ask --render discord` prints: the interaction callback the bot sends for
// `/deal query:<text>` (ephemeral, with the Share button when the policy offers it).
import { InteractionResponseType, MessageFlags } from 'discord.js';
import type { Delivery } from '../../core/delivery.ts';
import { renderDiscord } from './render.ts';
import { shareCustomId } from './share-ids.ts';

export function previewDiscord(delivery: Delivery) {
  const payload = renderDiscord(delivery.reply, delivery.offerShare ? { shareId: shareCustomId(delivery.reply.lang) } : {});
  const ephemeral = delivery.audience === 'asker';
  return {
    type: InteractionResponseType.ChannelMessageWithSource,
    data: { ...payload, allowed_mentions: { parse: [], replied_user: false }, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) },
  };
}
