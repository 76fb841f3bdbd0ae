// Messages as questions: a DM to the bot, or a server message addressed to it (its user mention,
// its managed role's mention as Discord's picker often inserts it, or a reply to one of its
// answers with the mention on). Answers go back as a reply; what only the asker should see (a
// rate-limit notice, an apology) goes to their DMs, or as a reply when their DMs are closed.
import type { Client, Message } from 'discord.js';
import type { Asker } from '../../core/bot.ts';
import type { Delivery, Question } from '../../core/delivery.ts';
import type { Logger } from '../../ops/log.ts';
import { DISCORD_ADMIN_RULE, isAdminBy } from './admin.ts';
import { describeError } from './errors.ts';
import { renderDiscord } from './render.ts';

export const PLATFORM = 'discord';

/** discord.js options for a message we send: the payload plus no mention parsed, no reply ping. */
function messageOptions(d: Delivery) {
  const payload = renderDiscord(d.reply, d.attribution ? { attribution: d.attribution } : {});
  return { embeds: payload.embeds, components: payload.components, allowedMentions: { parse: [], repliedUser: false } };
}

/** The question a message asks the bot, or undefined when it is not addressed to it (or not a person's). */
export function messageQuestion(client: Client, message: Message): Question | undefined {
  const me = client.user;
  // Bots (this one included), webhooks and system messages (joins, pins, boosts…) are not questions.
  if (!me || message.author.bot || message.author.id === me.id || message.system || message.webhookId) return undefined;
  const inDm = !message.guildId;
  const botRoles = message.mentions.roles.filter((r) => r.tags?.botId === me.id);
  const addressed = message.mentions.users.has(me.id) || botRoles.size > 0 || new RegExp(`<@!?${me.id}>`).test(message.content);
  if (!inDm && !addressed) return undefined;
  let text = message.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ');
  for (const id of botRoles.keys()) text = text.split(`<@&${id}>`).join(' ');
  const asker: Asker = {
    platform: PLATFORM,
    channel: { platform: PLATFORM, id: message.channelId, ...(message.guildId ? { workspace: message.guildId } : {}) },
    user: { id: message.author.id, name: message.member?.displayName ?? message.author.displayName },
    via: inDm ? 'dm' : 'mention',
    adminRule: DISCORD_ADMIN_RULE,
    isAdmin: async () => isAdminBy(message.member?.permissions),
  };
  return {
    text: text.trim(),
    asker,
    via: inDm ? 'dm' : 'mention',
    messageKey: `${PLATFORM}:${message.guildId ?? 'dm'}:${message.channelId}:${message.id}`,
  };
}

/** Sends a delivery in answer to a message. */
export async function deliverToMessage(message: Message, d: Delivery, log: Logger): Promise<void> {
  const options = messageOptions(d);
  if (d.audience === 'channel' || !message.guildId) {
    await message.reply(options);
    return;
  }
  try {
    await message.author.send(options);
  } catch (err) {
    // DMs closed (50007): the asker still hears back, once, where they asked.
    log.info({ ...describeError(err), platform: PLATFORM }, 'discord: cannot DM the asker; answering in the channel');
    await message.reply(options);
  }
}
