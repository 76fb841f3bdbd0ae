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
//  - a failure gets one apology, to the asker.
import type { Lang } from '../facts/schema.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import type { Asker, Bot } from './bot.ts';
import { t } from './i18n.ts';
import { fitReply, Reply, reply } from './reply.ts';

/** How a question came in. */
export type Via = 'command' | 'mention' | 'dm' | 'console';

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
}

function notice(lang: Lang, title: string, intro: string): Delivery {
  return { reply: reply({ kind: 'notice', lang, title, intro, items: [] }), audience: 'asker' };
}

export function createDeliveryPolicy(opts: PolicyOptions): DeliveryPolicy {
  const { bot } = opts;
  const logger = opts.logger ?? silentLogger;

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

  async function answer(q: Question, capacity?: Capacity): Promise<Delivery | undefined> {
    const refusal = await limited(q.asker, () => bot.langOf(q.text, q.asker));
    if (refusal === 'silence') return undefined;
    if (refusal) return refusal;

    const r = fit(await bot.answer(q.text, q.asker), capacity);
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
        if (!(await first(q.messageKey, q.asker.platform))) return undefined;
        // Not answered here: the hold expires and a replica still running may answer a retry.
        const lang = bot.langOf(q.text, q.asker);
        return notice(lang, t(lang).restartingTitle, t(lang).restarting);
      }
      const run = async () => {
        if (!(await first(q.messageKey, q.asker.platform))) return undefined;
        const d = await answer(q, capacity);
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
