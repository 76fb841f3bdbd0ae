// The core object adapters receive: one engine holder, the commands, and `answer`,
// which turns a user's text into a Reply. Transport and rendering stay in the adapters.
import type { Lang, Localized } from '../facts/schema.ts';
import type { QuestionEngine, Suggestion } from '../search/types.ts';
import type { ChannelRef, Command, CommandContext, Platform, SubscriptionService } from './command.ts';
import type { ThreadContext } from './follow-up.ts';
import type { LangSource } from './language.ts';
import type { Reply } from './reply.ts';

export interface Asker {
  platform: Platform;
  channel: ChannelRef;
  user: { id: string; name?: string };
  isAdmin(): Promise<boolean>;
  /** Who counts as an administrator on the platform, as a noun phrase in each language ("workspace admins and owners"). */
  adminRule?: Localized;
  /**
   * Language to use when the text itself does not tell (e.g. "/deal timeline"): given (the
   * console's --lang, a button's answer) or resolved by the delivery policy (src/core/language.ts).
   */
  lang?: Lang;
  /** Where `lang` came from, once resolved. */
  langSource?: LangSource;
  /** The asker's language on the platform (Discord's interaction locale, Slack's user locale), looked up when needed. */
  platformLang?: () => Lang | undefined | Promise<Lang | undefined>;
  /** The workspace's language on the platform (a Discord guild's locale). */
  workspaceLang?: Lang;
  /** How the question came in, for logs: "command", "mention", "dm", "console". */
  via?: string;
}

/** How a text is asked, besides its words. */
export interface AnswerOptions {
  /** Run this command on the whole text (the empty name: the ask command), whatever words it starts with. */
  command?: string;
  /** The text is someone else's message (Slack's message shortcut, Discord's message command): never echoed. */
  quoted?: boolean;
  /** What the thread it is asked in was about: a follow-up is read with it (src/core/follow-up.ts). */
  context?: ThreadContext;
  /**
   * Told what the thread is about after this answer (to keep for the next follow-up); not called
   * when the text ran another command than the ask command (the thread keeps its subject).
   */
  onContext?: (next: ThreadContext) => void;
}

export interface Bot {
  readonly commands: readonly Command<any>[];
  /** The engine for the next question (swapped atomically by a fact reload). */
  engine(): QuestionEngine;
  /** Turns a user's text into a Reply; a failing command becomes an apology Reply, never a throw. */
  answer(text: string, asker: Asker, opts?: AnswerOptions): Promise<Reply>;
  /**
   * Autocomplete for a partial question. With several deals each choice names its deal (label) and
   * asks it (value `<deal id> …`); a partial naming one deal gets that deal's only.
   */
  suggest?(partial: string, limit?: number, lang?: Lang): Suggestion[];
  /** The language `answer` would reply in (for notices sent instead of an answer). */
  langOf(text: string, asker: Pick<Asker, 'lang'>): Lang;
  /** Waits for the writes an answer left behind (unanswered questions), e.g. before closing the store. */
  flush?(): Promise<void>;
}

export type { CommandContext, SubscriptionService };
