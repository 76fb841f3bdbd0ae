// The delivery policy: one place decides, for every platform, what a question gets and who sees
// it. An adapter turns a platform event into a neutral Question (or Press, for Share) and gets back
// a Delivery: the Reply, its audience, whether Share is offered. Adapters only translate and render.
//
// Decided here, once:
//  - each message, command or Share press is answered once (`messageKey`, claimed in a ledger
//    shared by every listener, process and replica), before anything else: held while the answer
//    is made, then kept as answered; a hold whose replica died expires, so a retry is answered;
//  - a rate-limited asker gets one private notice, then nothing, on every path (Share included);
//  - a question arriving during shutdown gets a private "restarting" notice;
//  - public answers (Slack "/deal share …", Discord public:True) go to the channel only when they
//    are shareable answers; notices, help and refusals stay with the asker;
//  - Share posts what the asker saw (the stored Reply, or the platform's own copy), never a notice;
//  - "… and N more" is counted once on the Reply (fitReply) against what the platform holds;
//  - a failure gets one apology, to the asker;
//  - the asker's language when the question does not tell (src/core/language.ts);
//  - a follow-up in a thread is read with what the thread was about (src/core/follow-up.ts), and a
//    reply in the thread that did not mention the bot is answered only from someone who asked there;
//  - answers with facts get 👍 / 👎 (recorded with the question, the facts and the base version),
//    a 👎 opens the optional "what was missing?" form (src/core/feedback.ts);
//  - a message shortcut's answer goes to the asker only and never echoes the message.
import type { Lang } from '../facts/schema.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import type { Asker, Bot } from './bot.ts';
import { answerRecord, MISSING_FIELD, missingForm, newAnswerId, rateable, type FeedbackLog, type Form, type VoteValue } from './feedback.ts';
import { readsAsQuestion, ThreadContext } from './follow-up.ts';
import { t } from './i18n.ts';
import { withLang, type LanguageSettings } from './language.ts';
import { fitReply, Reply, reply } from './reply.ts';

/** How a question came in ('shortcut': someone else's message, through a message shortcut or command). */
export type Via = 'command' | 'mention' | 'dm' | 'console' | 'shortcut';

/** A question as any platform delivers it, in platform-neutral words. */
export interface Question {
  text: string;
  asker: Asker;
  via: Via;
  /** The asker wants everyone in the channel to see the answer (Slack "/deal share …", Discord public:True). */
  public?: boolean;
  /** Only the asker can see this place anyway (their DM with the bot): no Share button. */
  private?: boolean;
  /**
   * The message that asked, unique across platforms (platform, workspace, channel, ts or id), or
   * the command's own id where a platform may deliver it twice (Slack's trigger id): answered once.
   */
  messageKey?: string;
  /**
   * The platform hands the asker's message back with a Share press (Discord: its embeds), so the
   * answer need not be kept; otherwise (Slack) the policy keeps it and the button carries its id.
   */
  seenComesBack?: boolean;
  /**
   * The conversation it is asked in: its context is read from `from` (the thread, or the message
   * the asker replied to) and kept under `key` for the next follow-up.
   */
  thread?: { key: string; from?: string };
  /** False for a thread reply that did not mention the bot: answered only when it follows up on the asker's own question. */
  addressed?: boolean;
  /** Run this command on the whole text ('' for the ask command), whatever words it starts with. */
  command?: string;
  /** The text is someone else's message (via 'shortcut'): never echoed. */
  quoted?: boolean;
}

/** Who sees a delivery: the asker only (ephemeral, a private notice), or the channel where they asked. */
export type Audience = 'asker' | 'channel';

export interface Delivery {
  reply: Reply;
  audience: Audience;
  /** A Share button is offered with this answer. */
  offerShare?: boolean;
  /** The id of the kept answer the button carries (when the platform does not hand it back). */
  shareId?: string;
  /** Under an answer posted for everyone: who asked or shared it. */
  attribution?: Attribution;
}

export interface Attribution {
  kind: 'asked' | 'shared';
  name: string;
}

/** A press on a Share button. */
export interface Press {
  asker: Asker;
  /** The language of the answer the button sits under. */
  lang: Lang;
  /** The id the button carries, when the answer was stored (see Delivery.shareId). */
  shareId?: string;
  /** The platform hands back the message the asker saw with the press (Discord: its embeds). */
  seenOnMessage?: boolean;
  /** The press itself, where a platform may deliver it twice (Slack's trigger id): acted on once. */
  messageKey?: string;
}

/** A press on 👍 or 👎 under an answer. */
export interface VotePress {
  asker: Asker;
  answerId: string;
  vote: VoteValue;
  /** The answer's language (the buttons carry it). */
  lang: Lang;
}

/** What a vote does: nothing more to show (Slack's own buttons show the choice), a thank-you, the "what was missing?" form, or a notice. */
export interface VoteOutcome {
  form?: Form;
  /** To the presser only: a thank-you, or why the vote was not taken. */
  notice?: Delivery;
}

/** A form sent back (the "what was missing?" after a 👎). */
export interface FormSubmission {
  asker: Asker;
  kind: Form['kind'];
  subject: string;
  lang: Lang;
  values: Record<string, string>;
}

/** The Slack App Home (and any platform's home view): sections, each a Reply of a command. */
export interface Home {
  lang: Lang;
  /** The deal at a glance, the asker's language with its choices, this workspace's summaries, the commands. */
  sections: Reply[];
  /** What the last button press there did (a notice), shown on top. */
  notice?: Reply;
}

export type ShareOutcome =
  /** Post this to the channel (`'seen'`: the platform's own copy of what the asker saw), then mark the private copy shared. */
  | { post: Reply | 'seen'; attribution: Attribution }
  | { notice: Delivery }
  /** Send nothing (a limited asker already told). */
  | undefined;

/** A rate limiter's decision for one question (see src/ops/rate-limit.ts). */
export interface RateLimit {
  scope: 'user' | 'channel';
  perMin: number;
  retryInS: number;
  /** The asker has not been told yet in this window. */
  first: boolean;
}

/** How many of a reply's items one message of the platform holds (its renderer's measure). */
export type Capacity = (reply: Reply) => number;

/** Messages already answered, shared by every listener, process and replica (src/store/deliveries.ts). */
export interface AnsweredLedger {
  /** True when this caller answers `key` (held by `holder` for `holdMs`); false for a repeat. */
  claim(key: string, hold: { holder: string; holdMs: number }): Promise<boolean>;
  /** Answered: the key stays taken (a day). */
  done(key: string): Promise<void>;
}

/** How long a process holds a message it is answering before another may answer it instead. */
export const ANSWER_HOLD_MS = 30_000;

export interface PolicyOptions {
  bot: Bot;
  /** Asked before each question and each Share (in memory, or through the shared store). */
  limit?: (asker: Asker) => RateLimit | undefined | Promise<RateLimit | undefined>;
  delivered?: AnsweredLedger;
  /** This process's name in the ledger (a replica id); default "local". */
  holder?: string;
  /** Answers offered for Share, kept so a press posts what was seen (src/store/shared-answers.ts). */
  shared?: { put(value: unknown): string | Promise<string>; get(id: string): unknown };
  /** Shutdown: once closed, new questions get a "restarting" notice; others are tracked until done. */
  admission?: { isClosed(): boolean; track<T>(work: () => Promise<T>): Promise<T> };
  logger?: Logger;
  /** Answers offered 👍 / 👎 and the votes (src/store/feedback.ts); without it no buttons are offered. */
  feedback?: FeedbackLog;
  /** What each thread was about (src/store/thread-contexts.ts); without it follow-ups are not read. */
  threads?: { get(key: string): Promise<unknown>; put(key: string, value: unknown, ttlMs: number): Promise<void> };
  /** How long a thread's context is kept (default a day). */
  threadTtlMs?: number;
  /** Language settings (/deal lang). */
  settings?: LanguageSettings;
  /** Told of each vote and each "what was missing" (metrics). */
  onVote?: (e: { platform: string; vote: VoteValue | 'comment' }) => void;
  now?: () => number;
}

export interface DeliveryPolicy {
  readonly bot: Bot;
  /** What to deliver for a question; undefined: nothing at all (already answered, or limited and told). */
  ask(q: Question, capacity?: Capacity): Promise<Delivery | undefined>;
  /** What a Share press does. */
  share(p: Press): Promise<ShareOutcome>;
  /** The one apology after a failure, to the asker. */
  apology(lang: Lang): Delivery;
  /** A reply cut to what one message holds, the rest counted in `omitted` (publishers use it too). */
  fit(r: Reply, capacity?: Capacity): Reply;
  /** What a 👍 / 👎 does. */
  vote(p: VotePress): Promise<VoteOutcome>;
  /** A form sent back: what to tell the sender. */
  submit(f: FormSubmission): Promise<Delivery>;
  /** The asker's home: the deal at a glance, their language, this workspace's summaries, the commands. */
  home(asker: Asker): Promise<Home>;
}

export const THREAD_TTL_MS = 24 * 60 * 60_000;

function notice(lang: Lang, title: string, intro: string): Delivery {
  return { reply: reply({ kind: 'notice', lang, title, intro, items: [] }), audience: 'asker' };
}

export function createDeliveryPolicy(opts: PolicyOptions): DeliveryPolicy {
  const { bot } = opts;
  const logger = opts.logger ?? silentLogger;
  const now = opts.now ?? Date.now;

  /** The limiter's word on this asker: nothing, one notice (in `langOf()`, read only then), or silence. */
  async function limited(asker: Asker, langOf: () => Lang): Promise<Delivery | 'silence' | undefined> {
    const limit = await opts.limit?.(asker);
    if (!limit) return undefined;
    if (!limit.first) return 'silence';
    const lang = langOf();
    const s = t(lang);
    const text = limit.scope === 'user' ? s.limitedUser(limit.perMin, limit.retryInS) : s.limitedChannel(limit.perMin, limit.retryInS);
    return notice(lang, s.limitedTitle, text);
  }

  function fit(r: Reply, capacity?: Capacity): Reply {
    return capacity && r.items.length > 0 ? fitReply(r, capacity(r)) : r;
  }

  async function store(r: Reply): Promise<string | undefined> {
    try {
      return await opts.shared?.put(r);
    } catch (err) {
      logger.warn({ err }, 'could not keep the answer for Share; no button offered');
      return undefined;
    }
  }

  /** First come for `key` (or no key): this caller acts. A ledger that does not answer never makes the bot deaf. */
  async function first(key: string | undefined, platform: string): Promise<boolean> {
    if (!key || !opts.delivered) return true;
    try {
      if (await opts.delivered.claim(key, { holder: opts.holder ?? 'local', holdMs: ANSWER_HOLD_MS })) return true;
    } catch (err) {
      logger.warn({ err, platform }, 'answered-messages ledger unavailable; answering without it');
      return true;
    }
    logger.debug({ platform }, 'message already answered (or being answered elsewhere)');
    return false;
  }

  /** Kept as answered (a failure costs only the record: the hold expires and a retry may be answered again). */
  async function answered(key: string | undefined, platform: string): Promise<void> {
    if (!key || !opts.delivered) return;
    await opts.delivered.done(key).catch((err: unknown) => logger.warn({ err, platform }, 'could not record an answered message'));
  }

  /** What the thread was about, if it is still kept (a store that does not answer: no context). */
  async function contextOf(key: string | undefined): Promise<ThreadContext | undefined> {
    if (!key || !opts.threads || opts.threadTtlMs === 0) return undefined;
    try {
      const parsed = ThreadContext.safeParse(await opts.threads.get(key));
      return parsed.success ? parsed.data : undefined;
    } catch (err) {
      logger.warn({ err }, 'thread context unavailable; answering without it');
      return undefined;
    }
  }

  /**
   * Keeps the answer for 👍 / 👎 (under the question as read: a follow-up's rewritten text) and
   * names it on the reply; a store that fails costs only the buttons.
   */
  async function rated(r: Reply, q: Question, asker: Asker, asked: string): Promise<Reply> {
    if (!opts.feedback || !rateable(r) || q.via === 'console') return r;
    const at = now();
    const id = newAnswerId(at);
    try {
      await opts.feedback.record(answerRecord(id, r, asked, asker, at));
      return { ...r, feedback: { answerId: id } };
    } catch (err) {
      logger.warn({ err }, 'could not record the answer for feedback; no buttons offered');
      return r;
    }
  }

  async function answer(q: Question, capacity?: Capacity, context?: ThreadContext): Promise<Delivery | undefined> {
    const asker = await withLang(q.asker, opts.settings);
    const refusal = await limited(asker, () => bot.langOf(q.text, asker));
    if (refusal === 'silence') return undefined;
    if (refusal) return refusal;

    const after: { context?: ThreadContext } = {};
    const answered = await bot.answer(q.text, asker, {
      ...(q.command !== undefined ? { command: q.command } : {}),
      ...(q.quoted ? { quoted: true } : {}),
      ...(context ? { context } : {}),
      ...(q.thread ? { onContext: (c: ThreadContext) => void (after.context = c) } : {}),
    });
    if (q.thread && after.context && opts.threads && opts.threadTtlMs !== 0) {
      await opts.threads.put(q.thread.key, after.context, opts.threadTtlMs ?? THREAD_TTL_MS).catch((err: unknown) => logger.warn({ err }, 'could not keep the thread context'));
    }
    const r = fit(await rated(answered, q, asker, after.context?.subject ?? q.text), capacity);
    if (q.via === 'shortcut') return { reply: r, audience: 'asker' };
    if (q.via !== 'command') return { reply: r, audience: 'channel' };
    if (q.public && r.shareable) return { reply: r, audience: 'channel', attribution: { kind: 'asked', name: nameOf(q.asker) } };
    if (!r.shareable || q.private) return { reply: r, audience: 'asker' };
    if (q.seenComesBack) return { reply: r, audience: 'asker', offerShare: true };
    const shareId = await store(r);
    return { reply: r, audience: 'asker', ...(shareId ? { offerShare: true, shareId } : {}) };
  }

  return {
    bot,
    fit,
    async ask(q, capacity) {
      if (opts.admission?.isClosed()) {
        // A thread reply that did not mention the bot gets no "restarting" notice: it may not have been for it.
        if (q.addressed === false || !(await first(q.messageKey, q.asker.platform))) return undefined;
        // Not answered here: the hold expires and a replica still running may answer a retry.
        const lang = bot.langOf(q.text, q.asker);
        return notice(lang, t(lang).restartingTitle, t(lang).restarting);
      }
      const run = async () => {
        // A thread reply that did not mention the bot: only a follow-up from someone who asked there.
        const context = await contextOf(q.thread?.from);
        if (q.addressed === false && !(context?.askers.includes(q.asker.user.id) && readsAsQuestion(q.text))) return undefined;
        if (!(await first(q.messageKey, q.asker.platform))) return undefined;
        const d = await answer(q, capacity, context);
        await answered(q.messageKey, q.asker.platform);
        return d;
      };
      // Tracked from the start (the claim included): a shutdown waits for it.
      return opts.admission ? opts.admission.track(run) : run();
    },

    async share(p) {
      if (!(await first(p.messageKey, p.asker.platform))) return undefined;
      const outcome = await shareOutcome(p);
      await answered(p.messageKey, p.asker.platform);
      return outcome;
    },

    apology(lang) {
      return { reply: reply({ kind: 'error', lang, title: 'dealbot', intro: t(lang).error, items: [] }), audience: 'asker' };
    },

    async vote(p) {
      const s = t(p.lang);
      if (!opts.feedback) return { notice: notice(p.lang, s.votedUp, s.feedbackGone) };
      const vote = p.vote === 'up' ? 1 : -1;
      const taken = await opts.feedback.vote({ answerId: p.answerId, userId: p.asker.user.id, platform: p.asker.platform, workspace: p.asker.channel.workspace ?? '', vote, at: now() });
      if (!taken) return { notice: notice(p.lang, s.votedDown, s.feedbackGone) };
      opts.onVote?.({ platform: p.asker.platform, vote: p.vote });
      if (p.vote === 'down') return { form: missingForm(p.answerId, p.lang) };
      return { notice: notice(p.lang, s.votedUp, s.feedbackThanks) };
    },

    async submit(f) {
      const s = t(f.lang);
      const text = (f.values[MISSING_FIELD] ?? '').trim();
      if (f.kind === 'missing' && text && opts.feedback) {
        if (await opts.feedback.comment(f.subject, f.asker.user.id, text)) opts.onVote?.({ platform: f.asker.platform, vote: 'comment' });
      }
      return notice(f.lang, s.votedDown, text ? s.missingThanks : s.feedbackThanks);
    },

    async home(asker) {
      const a = await withLang({ ...asker, via: 'home' }, opts.settings);
      const [overview, language, summaries, help] = await Promise.all(['overview', 'lang', 'summaries', 'help'].map((c) => bot.answer('', a, { command: c })));
      // The overview's own list of summaries (shown to admins) is the summaries section here.
      return { lang: a.lang!, sections: [{ ...overview!, lines: [], entries: [] }, language!, summaries!, help!] };
    },
  };

  /** What a Share press gets (limits first, then the kept answer or the platform's own copy). */
  async function shareOutcome(p: Press): Promise<ShareOutcome> {
    const refusal = await limited(p.asker, () => p.lang);
    if (refusal === 'silence') return undefined;
    if (refusal) return { notice: refusal };
    const attribution: Attribution = { kind: 'shared', name: nameOf(p.asker) };
    if (p.shareId !== undefined) {
      const seen = Reply.safeParse(await opts.shared?.get(p.shareId));
      // Only answers are ever stored; a notice is never shareable, whatever a button says.
      if (seen.success && seen.data.shareable) return { post: seen.data, attribution };
      return { notice: notice(p.lang, t(p.lang).sharesTitle, t(p.lang).shareGone) };
    }
    if (p.seenOnMessage) return { post: 'seen', attribution };
    return { notice: notice(p.lang, t(p.lang).sharesTitle, t(p.lang).nothingToShare) };
  }
}

function nameOf(asker: Asker): string {
  return asker.user.name ?? asker.user.id;
}
