// Messages as questions: a DM to the bot, or a server message addressed to it (its user mention,
// its managed role's mention as Discord's picker often inserts it, or a reply to one of its
// answers with the mention on). Answers go back as a reply; what only the asker should see (a
// rate-limit notice, an apology) goes to their DMs, or as a reply when their DMs are closed.
import type { Client, Message } from 'discord.js';
import type { Asker } from '../../core/bot.ts';
import type { Delivery, Question } from '../../core/delivery.ts';
import { langOfLocale } from '../../core/language.ts';
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
  const guildLang = langOfLocale(message.guild?.preferredLocale);
  const asker: Asker = {
    platform: PLATFORM,
    channel: { platform: PLATFORM, id: message.channelId, ...(message.guildId ? { workspace: message.guildId } : {}) },
    user: { id: message.author.id, name: message.member?.displayName ?? message.author.displayName },
    via: inDm ? 'dm' : 'mention',
    adminRule: DISCORD_ADMIN_RULE,
    isAdmin: async () => isAdminBy(message.member?.permissions),
    // A message carries no locale: the server's language is the platform's word here.
    ...(guildLang ? { workspaceLang: guildLang } : {}),
  };
  return {
    text: text.trim(),
    asker,
    via: inDm ? 'dm' : 'mention',
    messageKey: `${PLATFORM}:${message.guildId ?? 'dm'}:${message.channelId}:${message.id}`,
    thread: conversationOf(client, message),
  };
}

const keyOf = (message: Pick<Message, 'guildId' | 'channelId'>, id: string) => `${PLATFORM}:${message.guildId ?? 'dm'}:${message.channelId}:m:${id}`;

/**
 * Where a message's context lives: a thread channel is one conversation; elsewhere a reply to one
 * of the bot's answers continues the conversation of the question that answer replied to (the
 * chain), and the context is kept under this message for the next reply in the chain.
 */
export function conversationOf(client: Client, message: Message): { key: string; from?: string } {
  if (message.channel?.isThread()) {
    const key = `${PLATFORM}:${message.guildId ?? 'dm'}:${message.channelId}:thread`;
    return { key, from: key };
  }
  const key = keyOf(message, message.id);
  const repliedTo = message.reference?.messageId ? message.channel?.messages.cache.get(message.reference.messageId) : undefined;
  const question = repliedTo && repliedTo.author.id === client.user?.id ? repliedTo.reference?.messageId : undefined;
  return question ? { key, from: keyOf(message, question) } : { key };
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
