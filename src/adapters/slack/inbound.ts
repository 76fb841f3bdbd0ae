// Slack requests as neutral Questions: who asked, where, how, and which message (answered once).
// Nothing here decides what to answer; it only reads Slack's payloads.
import type { SlackAction, SlashCommand } from '@slack/bolt';
import type { z } from 'zod';
import type { Asker } from '../../core/bot.ts';
import type { Question } from '../../core/delivery.ts';
import type { Lang } from '../../facts/schema.ts';
import { SLACK_ADMIN_RULE } from './admin.ts';
import type { MessageEventPayload } from './payloads.ts';
import { decodeShare } from './share.ts';
import { fromSlackText, stripBotMention } from './text.ts';

export const PLATFORM = 'slack';

/** "/deal share energy" posts to the channel at once; the word is Slack's, not a command. */
const SHARE_WORD = /^(?:share|partager)(?:\s+|$)/i;

/**
 * Message subtypes a person writes: a plain message (no subtype), one with a file, a thread reply
 * also sent to the channel, a /me message. Every other subtype (edits, deletions, joins, bot
 * posts, channel topic…) is Slack's or a bot's and is not a question.
 */
const PERSON_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast', 'me_message']);

export interface AskerInput {
  user: { id: string; name?: string };
  channel: { id: string; name?: string };
  team?: string;
  lang?: Lang;
  via: string;
}

/** Who people are in the asker's workspace (users.info through that workspace's client, cached: admin.ts). */
export interface People {
  isAdmin(userId: string): Promise<boolean>;
  lang(userId: string): Promise<Lang | undefined>;
}

export function askerOf(input: AskerInput, people: People): Asker {
  return {
    platform: PLATFORM,
    channel: {
      platform: PLATFORM,
      id: input.channel.id,
      ...(input.team ? { workspace: input.team } : {}),
      ...(input.channel.name ? { name: input.channel.name } : {}),
    },
    user: input.user,
    isAdmin: () => people.isAdmin(input.user.id),
    adminRule: SLACK_ADMIN_RULE,
    via: input.via,
    ...(input.lang ? { lang: input.lang } : {}),
    // Slack's user locale (users.info include_locale), looked up only when the question does not tell.
    platformLang: () => people.lang(input.user.id),
  };
}

/** A slash command's or a button press's own id, unique per delivery of that request. */
export const triggerKey = (team: string | undefined, triggerId: string) => `${PLATFORM}:${team ?? ''}:trigger:${triggerId}`;

/** DM channel ids start with D: only the asker sees them, so no Share button there. */
export const isDm = (channelId: string) => channelId.startsWith('D');

/** `/deal …` (whatever name the app gave the command). */
export function commandQuestion(command: SlashCommand, people: People): Question {
  const typed = fromSlackText(command.text ?? '').trim();
  const share = SHARE_WORD.test(typed);
  return {
    text: typed.replace(SHARE_WORD, '').trim(),
    via: 'command',
    public: share,
    private: isDm(command.channel_id),
    // A command delivered twice (a load balancer's retry to another replica) is answered once.
    ...(command.trigger_id ? { messageKey: triggerKey(command.team_id, command.trigger_id) } : {}),
    asker: askerOf(
      {
        via: share ? 'share' : 'command',
        user: { id: command.user_id, name: command.user_name },
        channel: { id: command.channel_id, name: command.channel_name },
        team: command.team_id,
      },
      people,
    ),
  };
}

/** A message event as Slack sends it (app_mention and message.im), as its schema checked it. */
export type MessageEvent = z.infer<typeof MessageEventPayload>;

/** Where the answer to a message goes: the thread it started (or sits in). */
export interface ThreadTarget {
  channel: string;
  threadTs: string;
  user: string;
}

/** Channel types whose messages reach the app only as thread follow-ups (message.channels, message.groups). */
const CHANNEL_TYPES = new Set(['channel', 'group']);

/**
 * A mention, a DM or a reply in a thread as a question, or undefined when it is not one a person
 * asked (bot posts, ours included, edits, joins…) or not for the bot. The message key is the same
 * whichever event carried the message; the thread key names the conversation its context lives in.
 * A channel message ('message' events) is only a thread reply that did not mention the bot: the
 * policy answers it only when it follows up on that person's question there.
 */
export function messageQuestion(
  e: MessageEvent,
  via: 'mention' | 'message',
  ctx: { team?: string; botUserId?: string; people: People },
): { question: Question; target: ThreadTarget } | undefined {
  if (!PERSON_SUBTYPES.has(e.subtype) || e.bot_id || !e.user || e.user === ctx.botUserId) return undefined;
  const inDm = e.channel_type === 'im' || (via === 'mention' && isDm(e.channel));
  const threadReply = via === 'message' && !inDm;
  if (threadReply) {
    // Thread replies only; one that mentions the bot comes as app_mention too, and is answered from there.
    if (!CHANNEL_TYPES.has(e.channel_type ?? '') || !e.thread_ts || e.thread_ts === e.ts) return undefined;
    if (ctx.botUserId && (e.text ?? '').includes(`<@${ctx.botUserId}`)) return undefined;
  }
  const root = e.thread_ts ?? e.ts;
  const thread = `${PLATFORM}:${ctx.team ?? ''}:${e.channel}:${root}`;
  return {
    question: {
      text: fromSlackText(stripBotMention(e.text ?? '', ctx.botUserId)),
      via: inDm ? 'dm' : 'mention',
      messageKey: `${PLATFORM}:${ctx.team ?? ''}:${e.channel}:${e.ts}`,
      thread: { key: thread, from: thread },
      ...(threadReply ? { addressed: false } : {}),
      asker: askerOf({ via: inDm ? 'dm' : threadReply ? 'thread' : 'mention', user: { id: e.user }, channel: { id: e.channel }, ...(ctx.team ? { team: ctx.team } : {}) }, ctx.people),
    },
    target: { channel: e.channel, threadTs: root, user: e.user },
  };
}

/** A message shortcut's payload, as much as we read of it. */
export interface MessageShortcutBody {
  callback_id: string;
  trigger_id?: string;
  team?: { id: string } | null;
  channel?: { id: string; name?: string };
  user: { id: string; name?: string; username?: string };
  message: { text?: string; ts?: string };
}

/** "Ask dealbot about this message": the message's text asked of `command`, answered to the asker only, never echoed. */
export function shortcutQuestion(body: MessageShortcutBody, command: string, people: People): Question | undefined {
  const channelId = body.channel?.id;
  if (!channelId) return undefined;
  const team = body.team?.id;
  return {
    // Mentions in someone else's message are who it was for, not what it says: left out.
    text: fromSlackText((body.message.text ?? '').replace(/<[@!#][^<>]*>/g, ' ')).replace(/\s+/g, ' ').trim(),
    via: 'shortcut',
    command,
    quoted: true,
    ...(body.trigger_id ? { messageKey: triggerKey(team, body.trigger_id) } : {}),
    asker: askerOf({ via: 'shortcut', user: { id: body.user.id, name: body.user.username ?? body.user.name ?? body.user.id }, channel: { id: channelId, ...(body.channel?.name ? { name: body.channel.name } : {}) }, ...(team ? { team } : {}) }, people),
  };
}

/** The callback id of a command's message shortcut (the ask command's: dealbot_msg_ask). */
export const shortcutCallbackId = (commandName: string) => `dealbot_msg_${commandName || 'ask'}`;

/** A press on "Share in channel": who pressed it, where, and the kept answer it names; undefined for a button we did not make. */
export function sharePress(body: SlackAction, people: People) {
  if (body.type !== 'block_actions') return undefined;
  const action = body.actions[0];
  const value = decodeShare(action && 'value' in action ? action.value : undefined);
  const channelId = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
  if (!value || !channelId) return undefined;
  const name = body.user.username ?? body.user.name ?? body.user.id;
  const channel = { id: channelId, ...(body.channel?.name ? { name: body.channel.name } : {}) };
  const asker = askerOf({ via: 'share', user: { id: body.user.id, name }, channel, ...(body.team?.id ? { team: body.team.id } : {}), lang: value.l }, people);
  return { asker, lang: value.l, shareId: value.id, channelId, ...(body.trigger_id ? { messageKey: triggerKey(body.team?.id, body.trigger_id) } : {}) };
}
