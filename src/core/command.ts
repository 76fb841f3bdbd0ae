// What a command is and what it gets to work with. Commands live in commands/, one per file,
// and never import a platform library: adapters build the context and render the Reply.
import type { z } from 'zod';
import type { ChannelDealStore, ChosenDeal, DealDefaults } from '../deals/channel-deal.ts';
import type { DealSet } from '../deals/deal-set.ts';
import type { Lang, Localized } from '../facts/schema.ts';
import type { QuestionEngine } from '../search/types.ts';
import type { LangSource, LanguageSettings } from './language.ts';
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
  /** The first of `times` (kept for callers that know one time a day). */
  time: string; // HH:MM local
  /** Every local time a summary goes out, sorted ("09:00", "16:30"). */
  times: string[];
  timezone: string; // IANA
  lang: Lang;
  /** An exchange's trading calendar (its MIC, e.g. "XNYS") or "days": calendar days in `workDays`. */
  calendar: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) posted on when `calendar` is "days". */
  workDays: number[];
  /** On exchange holidays, post a one-line "markets closed today (holiday)" instead of nothing. */
  closedNotice: boolean;
  /** The deal its summaries are about; undefined: the channel's deal when each one goes out. */
  deal?: string;
  createdBy: string;
  createdAt: string; // ISO
}

/** One upcoming post of a subscription: which time, when, and what kind of day it falls on. */
export interface UpcomingPost {
  time: string;
  at: Date;
  /** A one-line "markets closed" notice rather than a summary. */
  notice?: string;
  /** The exchange closes early that day ("13:00"). */
  earlyClose?: string;
}

export interface SubscribeInput {
  channel: ChannelRef;
  /** One time, or several with `times`. */
  time?: string;
  times?: string[];
  timezone: string;
  lang: Lang;
  by: string;
  calendar?: string;
  workDays?: number[];
  closedNotice?: boolean;
  /** Ties the subscription to a deal (else it follows the channel's deal). */
  deal?: string;
}

/** Daily-summary subscriptions, backed by the database (see src/summary/). */
export interface SubscriptionService {
  subscribe(input: SubscribeInput): Promise<Subscription>;
  unsubscribe(channel: ChannelRef): Promise<boolean>;
  get(channel: ChannelRef): Promise<Subscription | undefined>;
  /** When the next summary for this subscription goes out (for confirmations). */
  nextRun(sub: Subscription, after: Date): Date | undefined;
  /** The next post of each of the subscription's times. */
  nextRuns?(sub: Subscription, after: Date): UpcomingPost[];
  /** Every subscription (the Home and the overview list a workspace's). */
  list?(): Promise<Subscription[]>;
}

/** A channel's alert rule, as commands show it. */
export interface AlertRuleView {
  kind: 'price' | 'facts';
  /** The ticker; "*" for fact-change alerts. */
  subject: string;
  /** Price: a move of at least this many percent since the last close. */
  thresholdPct: number | null;
  direction: 'both' | 'up' | 'down';
  /** null: one alert per ticker per trading day (price) or none (facts). */
  cooldownMs: number | null;
  /** The deal the rule watches (its ticker's, or its facts); null for a rule set before deals: the channel's deal. */
  deal: string | null;
  createdBy: string;
  createdAt: string; // ISO
}

/** One alert in a channel's history (from the post ledger). */
export interface AlertHistoryEntry {
  at: string; // ISO, when it was claimed
  kind: 'price-alert' | 'fact-alert';
  subject: string | null;
  state: 'claimed' | 'sent' | 'failed' | 'skipped';
  detail: string | null;
}

export interface AlertRuleInput {
  channel: ChannelRef;
  /** The deal the rule is set in (the question's deal). */
  deal?: string;
  lang: Lang;
  timezone: string;
  by: string;
  cooldownMs: number | null;
}

/** Price-move and fact-change alerts per channel, backed by the database (see src/summary/alerts.ts). */
export interface AlertService {
  setPrice(input: AlertRuleInput & { ticker: string; thresholdPct: number; direction: 'both' | 'up' | 'down' }): Promise<AlertRuleView>;
  setFacts(input: AlertRuleInput): Promise<AlertRuleView>;
  remove(channel: ChannelRef, kind: 'price' | 'facts', subject: string): Promise<boolean>;
  list(channel: ChannelRef): Promise<AlertRuleView[]>;
  history(channel: ChannelRef, limit?: number): Promise<AlertHistoryEntry[]>;
  /** What the rule would post now, without saving or posting anything. */
  dryRun(input: { channel: ChannelRef; lang: Lang; timezone: string; deal?: string } & ({ kind: 'price'; ticker: string; thresholdPct: number; direction: 'both' | 'up' | 'down' } | { kind: 'facts' })): Promise<Reply>;
}

export interface CommandContext {
  /** The engine (and fact base) of the question's deal, for this one question; a reload swaps it for the next question only. */
  engine: QuestionEngine;
  /** The deal the question is answered from, and how it was chosen (named, the channel's, …). */
  deal: ChosenDeal;
  /** Every deal of the base, as loaded for this question. */
  deals: DealSet;
  /** Where `/deal use` keeps channels' deals; present when the bot runs with a database. */
  channelDeals?: ChannelDealStore;
  /** The workspace/guild defaults (DEFAULT_DEAL). */
  dealDefaults?: DealDefaults;
  /** Language to answer in: detected from the user's text, default en. */
  lang: Lang;
  platform: Platform;
  channel: ChannelRef;
  user: { id: string; name?: string };
  /** Whether the user may change this channel's subscriptions; adapters check it at run time. */
  isAdmin(): Promise<boolean>;
  /** Who counts as an administrator here, as a noun phrase a refusal names (from the platform's adapter). */
  adminRule?: Localized;
  /** Present when the bot runs with a database. */
  subscriptions?: SubscriptionService;
  /** Present when the bot runs with a database. */
  alerts?: AlertService;
  /** Language settings (/deal lang), present when the bot runs with a store. */
  settings?: LanguageSettings;
  /** Where the asker's fallback language came from (src/core/language.ts). */
  langSource?: LangSource;
  /** The text is someone else's message (a message shortcut): answers never echo it. */
  quoted?: boolean;
  /** Facts already shown in this thread, left out ("more details"). */
  exclude?: ReadonlySet<string>;
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
  /**
   * With several deals, whether the words after the name may route the question to the deal they
   * name ("question", the default) or the channel's deal always applies ("channel": settings such as
   * subscribe, alert, use, lang). `/deal <deal id> …` picks a deal for any command. The words of a
   * "channel" command are settings ("09:00 Europe/Paris", "auto"): they do not tell the answer's language.
   */
  routing?: 'question' | 'channel';
  /** Validates the words after the command name. */
  args: z.ZodType<A>;
  /** Turns the words after the name into the input of `args`. */
  parseArgs(rest: string): unknown;
  run(ctx: CommandContext, args: A): Reply | Promise<Reply>;
  /**
   * Also offered on any message (Slack's message shortcut, Discord's message command): the
   * message's text is asked as this command's words, and the answer goes to the asker only.
   */
  messageAction?: { label: Localized; description: Localized };
}

/** Keeps a command's args type when listing commands together. */
export function defineCommand<A>(command: Command<A>): Command<A> {
  return command;
}

/**
 * Makes a scheduled post idempotent on the platform: `key` names the post (channel and slot);
 * the platform carries it with the message (Slack message metadata, a Discord nonce) so a post that
 * landed can be recognised later.
 */
export interface PostIdentity {
  /** Stable for one (channel, slot): "summary:2026-04-01 09:00". */
  key: string;
  /** When the post was first attempted (ms): nothing older can be it. */
  since: number;
  /** The title the post has (a platform that cannot carry the key recognises it by author, time and title). */
  title?: string;
}

/** Posts a Reply to a channel of its platform (used by the daily summary and "share"). */
export interface ChannelPublisher {
  platform: Platform;
  /** Returns the platform's message id (Slack ts, Discord message id). */
  post(channel: ChannelRef, reply: Reply, identity?: PostIdentity): Promise<{ messageId: string }>;
  /**
   * The message of an earlier attempt of this post that reached the channel (a process that died
   * after sending, before recording it), from the channel's recent history; undefined when none.
   */
  findPosted?(channel: ChannelRef, identity: PostIdentity): Promise<{ messageId: string } | undefined>;
}
