// Per-user and per-channel token buckets, asked by the delivery policy before each question and
// each Share. A limited asker is reported `first` once per limiting window: the policy sends one
// polite notice then, and nothing for the rest of the window (no silence, no flood).
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
  exempt?: readonly string[];
  /** Called for every refused question (metrics, logs). */
  onLimited?: (info: { platform: string; scope: LimitScope; notified: boolean }) => void;
}

interface Bucket {
  tokens: number;
  at: number; // last refill, ms
}

/** Who is asking, where (an Asker of the core fits). */
export interface LimitKey {
  platform: string;
  channel: { id: string; workspace?: string };
  user: { id: string };
}

/** A limited question: which bucket is empty, its rate, when to try again, and whether to say so. */
export interface Limited {
  scope: LimitScope;
  perMin: number;
  retryInS: number;
  /** The asker has not been told yet in this window. */
  first: boolean;
}

export interface RateLimiter {
  /** Takes a token for this question; undefined when it may go ahead. */
  check(key: LimitKey): Limited | undefined;
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

  function check(asker: LimitKey): Limited | undefined {
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
    return { scope, perMin, retryInS: Math.max(1, Math.ceil(wait / 1000)), first: !alreadyTold };
  }

  return { check, size: () => buckets.size + noticed.size };
}

/** One question's ask of the shared buckets (src/store/rate-buckets.ts implements it). */
export interface BucketAsk {
  /** "u|platform|workspace|user" */
  userKey: string;
  /** Questions a minute (also the burst); 0 = unlimited. */
  userPerMin: number;
  /** "c|platform|workspace|channel" */
  channelKey: string;
  channelPerMin: number;
}

export type BucketAnswer = { ok: true } | { ok: false; scope: LimitScope; perMin: number; waitMs: number; alreadyTold: boolean };

/** Token buckets several processes share (the store's, injected: ops import no storage). */
export interface SharedBuckets {
  take(ask: BucketAsk): Promise<BucketAnswer>;
}

export interface SharedRateLimiter {
  /** Takes a token for this question from the shared buckets; undefined when it may go ahead. */
  check(key: LimitKey): Promise<Limited | undefined>;
}

/**
 * The same limits kept in the store, for replicas sharing one: a user asking three replicas in
 * turn is counted once, and told once. When the store does not answer, the question goes ahead
 * (a rate limit must never make the bot deaf) and the in-memory limiter decides instead.
 */
export function createSharedRateLimiter(
  opts: Omit<RateLimitOptions, 'now' | 'maxKeys'> & { buckets: SharedBuckets; fallback?: RateLimiter; onStoreError?: (err: unknown) => void },
): SharedRateLimiter {
  const exempt = new Set(opts.exempt ?? ['console']);
  return {
    async check(asker) {
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
        return opts.fallback?.check(asker);
      }
      if (answer.ok) return undefined;
      opts.onLimited?.({ platform: asker.platform, scope: answer.scope, notified: !answer.alreadyTold });
      return { scope: answer.scope, perMin: answer.perMin, retryInS: Math.max(1, Math.ceil(answer.waitMs / 1000)), first: !answer.alreadyTold };
    },
  };
}
