// Per-user and per-channel token buckets, used as createBot's `gate`. A limited user gets one
// polite notice per limiting window; further questions inside that window get a `silent`
// Reply (adapters send nothing, or the same notice ephemerally where the platform insists on
// an answer), so a user who keeps typing gets neither silence nor a flood.
import type { Asker } from '../core/bot.ts';
import type { Platform } from '../core/command.ts';
import { reply, type Reply } from '../core/reply.ts';
import type { Lang } from '../facts/schema.ts';
import type { BucketAnswer, RateBuckets } from '../store/rate-buckets.ts';

export type LimitScope = 'user' | 'channel';

export interface RateLimitOptions {
  /** Questions per minute per user (also the burst size); 0 = unlimited. */
  userPerMin: number;
  /** Questions per minute per channel, all users together; 0 = unlimited. */
  channelPerMin: number;
  /** Milliseconds clock (injected in tests). */
  now?: () => number;
  /** Upper bound on buckets kept in memory; idle (refilled) ones go first. */
  maxKeys?: number;
  /** Platforms never limited (the console is one local user). */
  exempt?: readonly Platform[];
  /** Called for every refused question (metrics, logs). */
  onLimited?: (info: { platform: Platform; scope: LimitScope; notified: boolean }) => void;
}

interface Bucket {
  tokens: number;
  at: number; // last refill, ms
}

const TEXT: Record<Lang, { title: string; user: (n: number, s: number) => string; channel: (n: number, s: number) => string }> = {
  en: {
    title: 'One moment, please',
    user: (n, s) => `You are asking faster than I can keep up: up to ${n} questions a minute per person. Please try again in ${s} s.`,
    channel: (n, s) => `This channel is asking a lot right now: up to ${n} questions a minute per channel. Please try again in ${s} s.`,
  },
  fr: {
    title: 'Un instant, s’il vous plaît',
    user: (n, s) => `Vous posez des questions plus vite que je ne peux suivre : jusqu’à ${n} questions par minute et par personne. Réessayez dans ${s} s.`,
    channel: (n, s) => `Ce canal pose beaucoup de questions en ce moment : jusqu’à ${n} questions par minute et par canal. Réessayez dans ${s} s.`,
  },
};

export interface RateLimiter {
  gate(asker: Asker, lang: Lang): Reply | undefined;
  /** Buckets currently held (for tests and bounded-memory checks). */
  size(): number;
}

export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const now = opts.now ?? (() => Date.now());
  const maxKeys = opts.maxKeys ?? 10_000;
  const exempt = new Set(opts.exempt ?? ['console']);
  const buckets = new Map<string, Bucket>();
  /** User key → until when that user has already been told they are limited. */
  const noticed = new Map<string, number>();

  function take(key: string, perMin: number, t: number): Bucket {
    let b = buckets.get(key);
    if (b) {
      b.tokens = Math.min(perMin, b.tokens + ((t - b.at) * perMin) / 60_000);
      b.at = t;
      buckets.delete(key); // re-insert: Map order becomes least-recently-used first
    } else {
      b = { tokens: perMin, at: t };
    }
    buckets.set(key, b);
    return b;
  }

  /**
   * Keeps at most maxKeys entries: drops buckets that refilled (they equal fresh ones), then
   * the least recently used that are not limiting anyone, and only then limited ones.
   */
  function evict(t: number): void {
    if (buckets.size + noticed.size <= maxKeys) return;
    const target = Math.floor(maxKeys * 0.9);
    const over = () => buckets.size + noticed.size > target;
    for (const [key, until] of noticed) if (until <= t) noticed.delete(key);
    const level = (key: string, b: Bucket) => {
      const perMin = key.startsWith('u|') ? opts.userPerMin : opts.channelPerMin;
      return Math.min(perMin, b.tokens + ((t - b.at) * perMin) / 60_000) / perMin; // 1 = full
    };
    for (const [key, b] of buckets) if (level(key, b) >= 1) buckets.delete(key);
    for (const [key, b] of buckets) {
      if (!over()) return;
      const perMin = key.startsWith('u|') ? opts.userPerMin : opts.channelPerMin;
      if (level(key, b) * perMin >= 1) buckets.delete(key);
    }
    for (const key of buckets.keys()) {
      if (!over()) return;
      buckets.delete(key);
    }
    for (const key of noticed.keys()) {
      if (!over()) return;
      noticed.delete(key);
    }
  }

  function msUntilToken(b: Bucket, perMin: number): number {
    return Math.max(0, ((1 - b.tokens) * 60_000) / perMin);
  }

  function gate(asker: Asker, lang: Lang): Reply | undefined {
    if (exempt.has(asker.platform)) return undefined;
    const t = now();
    const ws = asker.channel.workspace ?? '';
    const userKey = `u|${asker.platform}|${ws}|${asker.user.id}`;
    const user = opts.userPerMin > 0 ? take(userKey, opts.userPerMin, t) : undefined;
    const channel =
      opts.channelPerMin > 0 ? take(`c|${asker.platform}|${ws}|${asker.channel.id}`, opts.channelPerMin, t) : undefined;

    const userOk = !user || user.tokens >= 1;
    const channelOk = !channel || channel.tokens >= 1;
    if (userOk && channelOk) {
      if (user) user.tokens -= 1;
      if (channel) channel.tokens -= 1;
      noticed.delete(userKey);
      evict(t);
      return undefined;
    }

    const scope: LimitScope = userOk ? 'channel' : 'user';
    const perMin = scope === 'user' ? opts.userPerMin : opts.channelPerMin;
    const wait = msUntilToken(scope === 'user' ? user! : channel!, perMin);
    // The notice is per user: a busy channel tells each asker once, never twice.
    const alreadyTold = (noticed.get(userKey) ?? 0) > t;
    if (!alreadyTold) {
      noticed.delete(userKey);
      noticed.set(userKey, t + wait);
    }
    evict(t);
    opts.onLimited?.({ platform: asker.platform, scope, notified: !alreadyTold });
    return limitedReply(scope, perMin, wait, lang, alreadyTold);
  }

  return { gate, size: () => buckets.size + noticed.size };
}

/** The notice a limited asker gets (once per window; `silent` afterwards). */
export function limitedReply(scope: LimitScope, perMin: number, waitMs: number, lang: Lang, alreadyTold: boolean): Reply {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const s = TEXT[lang];
  return reply({
    kind: 'notice',
    lang,
    title: s.title,
    intro: scope === 'user' ? s.user(perMin, seconds) : s.channel(perMin, seconds),
    items: [],
    ...(alreadyTold ? { silent: true } : {}),
  });
}

/**
 * The same limits kept in the store (src/store/rate-buckets.ts), for replicas sharing one: a user
 * asking three replicas in turn is counted once. When the store does not answer, the question goes
 * ahead (a rate limit must never make the bot deaf) and the in-memory limiter decides instead.
 */
export function createSharedRateLimiter(
  opts: Omit<RateLimitOptions, 'now' | 'maxKeys'> & { buckets: RateBuckets; fallback?: RateLimiter; onStoreError?: (err: unknown) => void },
): { gate(asker: Asker, lang: Lang): Promise<Reply | undefined> } {
  const exempt = new Set(opts.exempt ?? ['console']);
  return {
    async gate(asker, lang) {
      if (exempt.has(asker.platform) || (opts.userPerMin <= 0 && opts.channelPerMin <= 0)) return undefined;
      const ws = asker.channel.workspace ?? '';
      let answer: BucketAnswer;
      try {
        answer = await opts.buckets.take({
          userKey: `u|${asker.platform}|${ws}|${asker.user.id}`,
          userPerMin: opts.userPerMin,
          channelKey: `c|${asker.platform}|${ws}|${asker.channel.id}`,
          channelPerMin: opts.channelPerMin,
        });
      } catch (err) {
        opts.onStoreError?.(err);
        return opts.fallback?.gate(asker, lang);
      }
      if (answer.ok) return undefined;
      opts.onLimited?.({ platform: asker.platform, scope: answer.scope, notified: !answer.alreadyTold });
      return limitedReply(answer.scope, answer.perMin, answer.waitMs, lang, answer.alreadyTold);
    },
  };
}
