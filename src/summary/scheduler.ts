// Posts each subscription's daily summary once per local date, at its local time.
//
// How "exactly once" holds:
//  - a post is sent only after its (channel, local date) ledger row is claimed in a write
//    transaction (primary key): two processes on one database never both claim it;
//  - the platform message id is recorded after sending, closing the row for good;
//  - a claim whose holder crashed before sending is taken over once its lease has expired;
//  - on start (and on every wake-up) any post due earlier today and not sent goes out: the
//    catch-up lasts until the end of that local day.
// What it cannot know: a crash after the platform accepted a message but before the id was
// recorded leaves a claim that is retried after the lease, which would post twice. The window is
// the few ms between the platform's answer and one SQLite write.
import { randomUUID } from 'node:crypto';
import type { ChannelPublisher, ChannelRef, Platform } from '../core/command.ts';
import type { FactBase } from '../facts/load.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import { isBusy, type RetryLater } from '../store/busy.ts';
import { buildSummary, tickerParties } from './build.ts';
import { systemClock, type Clock } from './clock.ts';
import type { LastPost, PostLedger } from './ledger.ts';
import type { MarketData, MarketSnapshot } from './market.ts';
import { dueOn, nextRunOf, type StoredSubscription, type SubscriptionStore } from './subscriptions.ts';
import { localDate } from './time.ts';

export interface SchedulerOptions {
  subscriptions: SubscriptionStore;
  ledger: PostLedger;
  market: MarketData;
  /** The current fact base (a live reload swaps it; each run reads it once). */
  base: () => FactBase;
  publishers: Map<Platform, ChannelPublisher>;
  clock?: Clock;
  logger?: Logger;
  /** A claim not closed within this time is considered abandoned and retried. Default 10 min. */
  leaseMs?: number;
  /** Longest sleep between checks, so new subscriptions and expired leases are seen. Default 60 s. */
  pollMs?: number;
  /** How long stop() waits for a post in flight. Default 10 s. */
  stopTimeoutMs?: number;
  /** Attempts per (channel, date) before giving up for that day. Default 5. */
  maxAttempts?: number;
  /** Wait before retrying a failed send, doubled per attempt. Default 1 min. */
  retryDelayMs?: number;
  /** Identifies this scheduler in the ledger (default: random). */
  owner?: string;
  /** Called after each attempt (metrics). */
  onPost?: (event: PostEvent) => void;
  /** Takes ledger writes a busy database refused after a post went out, to retry them later. */
  retries?: RetryLater;
  /** After a busy database stopped a run, when to try again (default 5 s). */
  busyRetryMs?: number;
}

export interface PostEvent {
  channel: ChannelRef;
  localDate: string;
  ok: boolean;
  messageId?: string;
  error?: string;
}

export interface Scheduler {
  /** Posts every summary due at `now` and not yet sent; resolves when done. */
  tick(now?: Date): Promise<PostEvent[]>;
  /**
   * Posts today's summary to every subscribed channel that has not had it yet, whatever its time
   * of day (cron-driven setups). Still claims through the ledger: running it twice posts once.
   */
  postNow(now?: Date): Promise<PostEvent[]>;
  /** Catches up on today's missed posts, then keeps waking up at the next due time. */
  start(): void;
  /** Stops waking up, waits (bounded) for a post in flight and releases claims not yet sent. */
  stop(): Promise<void>;
  /** The most recent summary post, by any process sharing the database (for health). */
  lastPost(): LastPost | undefined;
  /** Resolves once no run is in progress (tests await it after moving the clock). */
  idle(): Promise<void>;
  /** When the next wake-up is planned (for tests and logs). */
  nextWake(): Date | undefined;
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  const leaseMs = opts.leaseMs ?? 10 * 60_000;
  const pollMs = opts.pollMs ?? 60_000;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 10_000;
  const maxAttempts = opts.maxAttempts ?? 5;
  const retryDelayMs = opts.retryDelayMs ?? 60_000;
  const owner = opts.owner ?? `scheduler-${randomUUID()}`;

  let running = false;
  let stopping = false;
  let timer: unknown;
  let wakeAt: Date | undefined;
  let inFlight: Promise<PostEvent[]> | undefined;
  let waking: Promise<void> | undefined;
  let abort = new AbortController();
  /** When a run last stopped on a busy database: the next wake-up comes sooner. */
  let busySince: number | undefined;

  /**
   * The local date a subscription is due on at `now`, if its post is due and not closed yet.
   * `anyTime`: due whatever its time of day (a cron-driven `dealbot summary --post`).
   */
  function dueDate(sub: StoredSubscription, now: Date, anyTime = false): string | undefined {
    const date = localDate(now, sub.timezone);
    if (anyTime) return opts.ledger.claimable(sub.channel, date, now.getTime()) ? date : undefined;
    const due = dueOn(sub, date);
    // Due, and the subscription (as it stands) existed at that time: a channel subscribing at
    // 15:00 for 09:00 gets its first summary tomorrow, not a surprise one right away.
    if (due.getTime() > now.getTime() || due.getTime() < Date.parse(sub.updatedAt)) return undefined;
    return opts.ledger.claimable(sub.channel, date, now.getTime()) ? date : undefined;
  }

  // A run's decisions and ledger times all use the instant it was started for (`now`): a run lasts
  // seconds, leases last minutes, and tests can replay any instant without moving the clock.
  async function postOne(sub: StoredSubscription, date: string, market: MarketSnapshot, base: FactBase, now: Date): Promise<PostEvent | undefined> {
    const publisher = opts.publishers.get(sub.channel.platform);
    if (!publisher) return undefined;
    const claim = opts.ledger.claim(sub.channel, date, owner, now.getTime(), leaseMs);
    if (!claim) return undefined; // another process has it, or it was sent meanwhile

    const event = { channel: sub.channel, localDate: date };
    if (stopping) {
      // Shutting down before anything was sent: hand the claim back for the next start.
      opts.ledger.release(claim, now.getTime());
      return undefined;
    }
    let messageId: string;
    try {
      const reply = buildSummary({
        base,
        lang: sub.lang,
        now,
        timezone: sub.timezone,
        market,
        changes: { previous: opts.ledger.snapshot(sub.channel) },
      });
      ({ messageId } = await publisher.post(sub.channel, reply));
    } catch (err) {
      const error = (err as Error).message ?? String(err);
      if (claim.attempt >= maxAttempts) {
        opts.ledger.markFailed(claim, error);
        logger.error({ channel: sub.channel, localDate: date, attempts: claim.attempt, err }, 'daily summary failed for good today');
      } else {
        const retryAt = now.getTime() + retryDelayMs * 2 ** (claim.attempt - 1);
        opts.ledger.release(claim, retryAt, error);
        logger.warn({ channel: sub.channel, localDate: date, attempt: claim.attempt, err }, 'daily summary post failed; will retry');
      }
      return { ...event, ok: false, error };
    }
    const markSent = () => opts.ledger.markSent(claim, messageId, now.getTime(), { fingerprint: base.fingerprint, factHashes: base.factHashes });
    try {
      markSent();
    } catch (err) {
      // The post is out: recording it must not be lost to a lock held elsewhere, or it goes out twice.
      if (!isBusy(err) || !opts.retries) throw err;
      logger.warn({ channel: sub.channel, localDate: date }, 'database busy: recording the summary post later');
      opts.retries.push('summary post record', markSent);
    }
    logger.info({ channel: sub.channel, localDate: date, messageId }, 'daily summary posted');
    return { ...event, ok: true, messageId };
  }

  async function runTick(now: Date, anyTime = false): Promise<PostEvent[]> {
    const due = opts.subscriptions
      .list()
      .map((sub) => ({ sub, date: dueDate(sub, now, anyTime) }))
      .filter((d): d is { sub: StoredSubscription; date: string } => d.date !== undefined && opts.publishers.has(d.sub.channel.platform));
    if (due.length === 0) return [];

    // One base and one market snapshot for the whole run: one request per ticker, not per channel.
    // Fetched before claiming, so a slow provider never holds a claim.
    const base = opts.base();
    const market = await opts.market.snapshot(
      tickerParties(base).map((p) => p.ticker),
      abort.signal,
    );
    const events: PostEvent[] = [];
    for (const { sub, date } of due) {
      if (stopping) break; // not claimed yet: the next start (or another process) posts it
      let event: PostEvent | undefined;
      try {
        event = await postOne(sub, date, market, base, now);
      } catch (err) {
        if (isBusy(err)) {
          // Another process holds the database: stop here, come back soon (not on this ack's path).
          logger.warn({ channel: sub.channel, localDate: date }, 'database busy: daily summary run postponed');
          busySince = clock.now().getTime();
          break;
        }
        // A database error: log it, let the lease bring the post back later.
        logger.error({ err, channel: sub.channel, localDate: date }, 'daily summary run failed');
      }
      if (event) {
        events.push(event);
        try {
          opts.onPost?.(event);
        } catch (err) {
          logger.warn({ err }, 'onPost hook failed');
        }
      }
    }
    return events;
  }

  function tick(now: Date = clock.now(), anyTime = false): Promise<PostEvent[]> {
    // One run at a time: a wake-up during a run waits for it, then checks again.
    const run = (inFlight ?? Promise.resolve([])).catch(() => []).then(() => (stopping ? [] : runTick(now, anyTime)));
    inFlight = run;
    void run.finally(() => {
      if (inFlight === run) inFlight = undefined;
    }).catch(() => undefined);
    return run;
  }

  function plan(): void {
    if (!running || stopping) return;
    const now = clock.now();
    let next = now.getTime() + pollMs;
    if (busySince !== undefined) {
      next = Math.min(next, now.getTime() + (opts.busyRetryMs ?? 5000));
      busySince = undefined;
    }
    try {
      for (const sub of opts.subscriptions.list()) next = Math.min(next, nextRunOf(sub, now).getTime());
    } catch (err) {
      logger.error({ err }, 'could not read subscriptions; retrying at the next poll');
    }
    wakeAt = new Date(next);
    timer = clock.setTimeout(wake, Math.max(0, next - now.getTime()));
  }

  function wake(): void {
    timer = undefined;
    const run = tick()
      .then(
        () => undefined,
        (err: unknown) => logger.error({ err }, 'daily summary tick failed'),
      )
      .finally(plan);
    waking = run;
    void run.finally(() => {
      if (waking === run) waking = undefined;
    });
  }

  return {
    tick: (now) => tick(now),
    postNow: (now) => tick(now, true),
    start() {
      if (running) return;
      running = true;
      stopping = false;
      abort = new AbortController();
      wake(); // catch-up: whatever was due earlier today and not sent goes out now
    },
    async stop() {
      stopping = true;
      running = false;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      wakeAt = undefined;
      const current = inFlight;
      if (!current) return;
      // Market requests are cut short; a post already handed to a platform gets the bounded wait.
      abort.abort();
      let bound: unknown;
      const timeout = new Promise<'timeout'>((resolve) => {
        bound = setTimeout(() => resolve('timeout'), stopTimeoutMs);
      });
      const outcome = await Promise.race([current.then(() => 'done' as const, () => 'done' as const), timeout]);
      clearTimeout(bound as NodeJS.Timeout);
      if (outcome === 'timeout') {
        // The post may or may not have reached the platform: its claim stays and is retried after
        // the lease only if it was never recorded as sent.
        logger.warn({ stopTimeoutMs }, 'a daily summary post was still in flight at shutdown');
      }
    },
    async idle() {
      while (waking || inFlight) await (waking ?? inFlight)!.then(() => undefined, () => undefined);
    },
    lastPost: () => {
      try {
        return opts.ledger.lastPost();
      } catch {
        return undefined; // database closed at shutdown: health must not throw
      }
    },
    nextWake: () => wakeAt,
  };
}
