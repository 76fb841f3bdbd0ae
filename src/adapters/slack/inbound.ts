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

export type AdminCheck = (userId: string) => Promise<boolean>;

export function askerOf(input: AskerInput, isAdmin: AdminCheck): Asker {
  return {
    platform: PLATFORM,
    channel: {
      platform: PLATFORM,
      id: input.channel.id,
      ...(input.team ? { workspace: input.team } : {}),
      ...(input.channel.name ? { name: input.channel.name } : {}),
    },
    user: input.user,
    isAdmin: () => isAdmin(input.user.id),
    adminRule: SLACK_ADMIN_RULE,
    via: input.via,
    ...(input.lang ? { lang: input.lang } : {}),
  };
}

/** A slash command's or a button press's own id, unique per delivery of that request. */
const triggerKey = (team: string | undefined, triggerId: string) => `${PLATFORM}:${team ?? ''}:trigger:${triggerId}`;

/** DM channel ids start with D: only the asker sees them, so no Share button there. */
export const isDm = (channelId: string) => channelId.startsWith('D');

/** `/deal …` (whatever name the app gave the command). */
export function commandQuestion(command: SlashCommand, isAdmin: AdminCheck): Question {
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
      isAdmin,
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

/**
 * A mention or DM as a question, or undefined when it is not one a person asked (bot posts, ours
 * included, edits, joins…). The message key is the same whichever event carried the message.
 */
export function messageQuestion(
  e: MessageEvent,
  via: 'mention' | 'dm',
  ctx: { team?: string; botUserId?: string; isAdmin: AdminCheck },
): { question: Question; target: ThreadTarget } | undefined {
  if (!PERSON_SUBTYPES.has(e.subtype) || e.bot_id || !e.user || e.user === ctx.botUserId) return undefined;
  if (via === 'dm' && e.channel_type !== 'im') return undefined;
  const inDm = e.channel_type === 'im' || isDm(e.channel);
  return {
    question: {
      text: fromSlackText(stripBotMention(e.text ?? '', ctx.botUserId)),
      via: inDm ? 'dm' : 'mention',
      messageKey: `${PLATFORM}:${ctx.team ?? ''}:${e.channel}:${e.ts}`,
      asker: askerOf({ via: inDm ? 'dm' : 'mention', user: { id: e.user }, channel: { id: e.channel }, ...(ctx.team ? { team: ctx.team } : {}) }, ctx.isAdmin),
    },
    target: { channel: e.channel, threadTs: e.thread_ts ?? e.ts, user: e.user },
  };
}

/** A press on "Share in channel": who pressed it, where, and the kept answer it names; undefined for a button we did not make. */
export function sharePress(body: SlackAction, isAdmin: AdminCheck) {
  if (body.type !== 'block_actions') return undefined;
  const action = body.actions[0];
  const value = decodeShare(action && 'value' in action ? action.value : undefined);
  const channelId = body.channel?.id ?? (body.container as { channel_id?: string } | undefined)?.channel_id;
  if (!value || !channelId) return undefined;
  const name = body.user.username ?? body.user.name ?? body.user.id;
  const channel = { id: channelId, ...(body.channel?.name ? { name: body.channel.name } : {}) };
  const asker = askerOf({ via: 'share', user: { id: body.user.id, name }, channel, ...(body.team?.id ? { team: body.team.id } : {}), lang: value.l }, isAdmin);
  return { asker, lang: value.l, shareId: value.id, channelId, ...(body.trigger_id ? { messageKey: triggerKey(body.team?.id, body.trigger_id) } : {}) };
}
