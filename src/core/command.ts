// What a command is and what it gets to work with. Commands live in commands/, one per file,
// and never import a platform library: adapters build the context and render the Reply.
import type { z } from 'zod';
import type { Lang, Localized } from '../facts/schema.ts';
import type { QuestionEngine } from '../search/types.ts';
import type { Reply } from './reply.ts';

/** A platform's name as its adapter registers it (src/adapters/index.ts); the core knows none of them. */
export type Platform = string;

/** A conversation place, unique across platforms by (platform, id). */
export interface ChannelRef {
  platform: Platform;
  id: string;
  /** Slack team id or Discord guild id, when there is one. */
  workspace?: string;
  name?: string;
}

export interface Subscription {
  channel: ChannelRef;
  time: string; // HH:MM local
  timezone: string; // IANA
  lang: Lang;
  createdBy: string;
  createdAt: string; // ISO
}

/** Daily-summary subscriptions, backed by the database (see src/summary/). */
export interface SubscriptionService {
  subscribe(input: { channel: ChannelRef; time: string; timezone: string; lang: Lang; by: string }): Subscription;
  unsubscribe(channel: ChannelRef): boolean;
  get(channel: ChannelRef): Subscription | undefined;
  /** When the next summary for this subscription goes out (for confirmations). */
  nextRun(sub: Subscription, after: Date): Date | undefined;
}

export interface CommandContext {
  /** The engine (and fact base) for this one question; a reload swaps it for the next question only. */
  engine: QuestionEngine;
  /** Language to answer in: detected from the user's text, default en. */
  lang: Lang;
  platform: Platform;
  channel: ChannelRef;
  user: { id: string; name?: string };
  /** Whether the user may change this channel's subscriptions; adapters check it at run time. */
  isAdmin(): Promise<boolean>;
  /** Who counts as an administrator here, said to a user who is refused (from the platform's adapter). */
  adminRule?: Localized;
  /** Present when the bot runs with a database. */
  subscriptions?: SubscriptionService;
  defaultTimezone: string;
  now(): Date;
}

export interface Command<A = unknown> {
  /** The word after /deal, e.g. "timeline". The ask command has the empty name. */
  name: string;
  /** Other words that pick this command, e.g. French "chronologie". Matched without accents or case. */
  aliases: readonly string[];
  description: Localized;
  /** Argument hint shown in help and in the Slack manifest, e.g. "[speaker]". */
  usage: string;
  /** Whether words may follow the name; if not, "timeline of phase one" is a question, not this command. */
  acceptsText: boolean;
  /** Validates the words after the command name. */
  args: z.ZodType<A>;
  /** Turns the words after the name into the input of `args`. */
  parseArgs(rest: string): unknown;
  run(ctx: CommandContext, args: A): Reply | Promise<Reply>;
}

/** Keeps a command's args type when listing commands together. */
export function defineCommand<A>(command: Command<A>): Command<A> {
  return command;
}

/** Posts a Reply to a channel of its platform (used by the daily summary and "share"). */
export interface ChannelPublisher {
  platform: Platform;
  /** Returns the platform's message id (Slack ts, Discord message id). */
  post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }>;
}
