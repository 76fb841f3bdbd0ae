// Posts each subscription's summary once per slot (one of its times on a local date), at its
// local time, on the days its calendar posts on (an exchange's trading days, or a work week).
//
// How "exactly once" holds:
//  - a post is sent only after its (channel, slot) ledger row is claimed in a write
//    transaction (primary key): two processes on one database never both claim it;
//  - the platform message id is recorded after sending, closing the row for good;
//  - a claim whose holder crashed before sending is taken over once its lease has expired;
//  - on start (and on every wake-up) the latest slot due earlier today and not sent goes out (the
//    catch-up lasts until the end of that local day); earlier missed slots of the same day are
//    closed as superseded rather than posted back to back.
// What it cannot know: a crash after the platform accepted a message but before the id was
// recorded leaves a claim that is retried after the lease, which would post twice. The window is
// the few ms between the platform's answer and one SQLite write.
import { randomUUID } from 'node:crypto';
import type { ChannelPublisher, ChannelRef, Platform } from '../core/command.ts';
import type { FactBase } from '../facts/load.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import { isBusy, type RetryLater } from '../store/busy.ts';
import { buildSummary, closedNotice, tickerParties } from './build.ts';
import { systemClock, type Clock } from './clock.ts';
import type { LastPost, PostLedger } from './ledger.ts';
import type { MarketData, MarketSnapshot } from './market.ts';
import { planSlot, slotsOn, type Calendars, type Slot, type SlotPlan } from './schedule.ts';
import { nextRunOf, type StoredSubscription, type SubscriptionStore } from './subscriptions.ts';
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
  /** Exchange calendars (trading days, early closes); none: every calendar counts as calendar days. */
  calendars?: Calendars;
  /** Runs before each run's market snapshot (refreshes the provider's holiday list at most daily). */
  prepare?: (now: Date) => Promise<void>;
  /** Takes ledger writes a busy database refused after a post went out, to retry them later. */
  retries?: RetryLater;
  /** After a busy database stopped a run, when to try again (default 5 s). */
  busyRetryMs?: number;
}

export interface PostEvent {
  channel: ChannelRef;
  /** The ledger slot: "2026-04-01 09:00". */
  slot: string;
  localDate: string;
  /** A summary, or the one-line "markets closed" notice. */
  kind: 'summary' | 'closed-notice';
  ok: boolean;
  messageId?: string;
  error?: string;
  /** Why a post went out on a day its calendar skips (`--force`). */
  forced?: string;
}

/** A subscription `postNow` did not post, and why (for `dealbot summary --post`). */
export interface SkippedPost {
  channel: ChannelRef;
  slot: string;
  reason: 'closed' | 'work-week' | 'not-due' | 'taken' | 'no-publisher';
  /** The holiday or weekend, for 'closed'. */
  detail?: string;
}

export interface Scheduler {
  /** Posts every summary due at `now` and not yet sent; resolves when done. */
  tick(now?: Date): Promise<PostEvent[]>;
  /**
   * Posts the current slot's summary (the latest time already passed today, else today's first)
   * to every subscribed channel that has not had it, whatever the time of day (cron-driven
   * setups). Still claims through the ledger: running it twice posts once. On a day the channel's
   * calendar skips, nothing goes out unless `force` says why it should (the post says so too).
   */
  postNow(now?: Date, opts?: { force?: string; skipped?: SkippedPost[] }): Promise<PostEvent[]>;
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

  const calendars: Calendars = opts.calendars ?? (() => undefined);

  interface DueSlot {
    sub: StoredSubscription;
    slot: Slot;
    plan: SlotPlan;
    /** Earlier slots of the same day, missed: closed as superseded when this one is claimed. */
    superseded: Slot[];
    forced?: string;
  }

  /** Today's slot to post for a subscription at `now` (the latest one due and still open). */
  function dueSlot(sub: StoredSubscription, now: Date): DueSlot | undefined {
    const date = localDate(now, sub.timezone);
    const t = now.getTime();
    // Due, and the subscription (as it stands) existed at that time: a channel subscribing at
    // 15:00 for 09:00 gets its first summary tomorrow, not a surprise one right away.
    const open = slotsOn(sub, date).filter(
      (s) => s.due.getTime() <= t && s.due.getTime() >= Date.parse(sub.updatedAt) && opts.ledger.claimable(sub.channel, s.slot, t),
    );
    const slot = open.at(-1);
    if (!slot) return undefined;
    const plan = planSlot(sub, slot, calendars);
    if (plan.kind === 'skip') return undefined;
    return { sub, slot, plan, superseded: open.slice(0, -1) };
  }

  /** The slot `postNow` posts for: the latest passed today, else today's first; with why it may not. */
  function currentSlot(sub: StoredSubscription, now: Date, force: string | undefined, skipped: SkippedPost[]): DueSlot | undefined {
    const slots = slotsOn(sub, localDate(now, sub.timezone));
    const slot = slots.filter((s) => s.due.getTime() <= now.getTime()).at(-1) ?? slots[0]!;
    const skip = (reason: SkippedPost['reason'], detail?: string) => {
      skipped.push({ channel: sub.channel, slot: slot.slot, reason, ...(detail ? { detail } : {}) });
      return undefined;
    };
    if (!opts.publishers.has(sub.channel.platform)) return skip('no-publisher');
    if (!opts.ledger.claimable(sub.channel, slot.slot, now.getTime())) return skip('taken');
    const plan = planSlot(sub, slot, calendars);
    if (plan.kind === 'post') return { sub, slot, plan, superseded: [] };
    const why = plan.kind === 'notice' ? plan.holiday : plan.why === 'holiday' ? (plan.holiday ?? 'holiday') : plan.why;
    if (!force) return skip(plan.kind === 'skip' && plan.why === 'work-week' ? 'work-week' : 'closed', why);
    return { sub, slot, plan: { kind: 'post' }, superseded: [], forced: `${force} (${why})` };
  }

  async function send(due: DueSlot, market: MarketSnapshot, base: FactBase, now: Date): Promise<{ messageId: string }> {
    const publisher = opts.publishers.get(due.sub.channel.platform)!;
    const calendar = due.sub.calendar ? calendars(due.sub.calendar) : undefined;
    const reply =
      due.plan.kind === 'notice'
        ? closedNotice({ lang: due.sub.lang, holiday: due.plan.holiday, calendar: calendar!, date: due.plan.day.date, timezone: due.sub.timezone })
        : buildSummary({
            base,
            lang: due.sub.lang,
            now,
            timezone: due.sub.timezone,
            market,
            changes: { previous: opts.ledger.snapshot(due.sub.channel) },
            calendars,
            ...(due.forced ? { forced: due.forced } : {}),
          });
    return publisher.post(due.sub.channel, reply);
  }

  // A run's decisions and ledger times all use the instant it was started for (`now`): a run lasts
  // seconds, leases last minutes, and tests can replay any instant without moving the clock.
  async function postOne(due: DueSlot, market: MarketSnapshot, base: FactBase, now: Date): Promise<PostEvent | undefined> {
    const { sub, slot } = due;
    if (!opts.publishers.has(sub.channel.platform)) return undefined;
    const kind = due.plan.kind === 'notice' ? 'closed-notice' : 'summary';
    const claim = opts.ledger.claim(sub.channel, { slot: slot.slot, kind, localDate: slot.date }, owner, now.getTime(), leaseMs);
    if (!claim) return undefined; // another process has it, or it was sent meanwhile
    for (const earlier of due.superseded) {
      const old = opts.ledger.claim(sub.channel, { slot: earlier.slot, kind: 'summary', localDate: earlier.date }, owner, now.getTime(), leaseMs);
      if (old) opts.ledger.markSkipped(old, now.getTime(), `superseded by ${slot.time}`);
    }

    const event = { channel: sub.channel, slot: slot.slot, localDate: slot.date, kind, ...(due.forced ? { forced: due.forced } : {}) } as const;
    if (stopping) {
      // Shutting down before anything was sent: hand the claim back for the next start.
      opts.ledger.release(claim, now.getTime());
      return undefined;
    }
    let messageId: string;
    try {
      ({ messageId } = await send(due, market, base, now));
    } catch (err) {
      const error = (err as Error).message ?? String(err);
      if (claim.attempt >= maxAttempts) {
        opts.ledger.markFailed(claim, error);
        logger.error({ channel: sub.channel, slot: slot.slot, attempts: claim.attempt, err }, 'summary failed for good for this slot');
      } else {
        const retryAt = now.getTime() + retryDelayMs * 2 ** (claim.attempt - 1);
        opts.ledger.release(claim, retryAt, error);
        logger.warn({ channel: sub.channel, slot: slot.slot, attempt: claim.attempt, err }, 'summary post failed; will retry');
      }
      return { ...event, ok: false, error };
    }
    const markSent = () =>
      opts.ledger.markSent(claim, messageId, now.getTime(), kind === 'summary' ? { snapshot: { fingerprint: base.fingerprint, factHashes: base.factHashes } } : {});
    try {
      markSent();
    } catch (err) {
      // The post is out: recording it must not be lost to a lock held elsewhere, or it goes out twice.
      if (!isBusy(err) || !opts.retries) throw err;
      logger.warn({ channel: sub.channel, slot: slot.slot }, 'database busy: recording the summary post later');
      opts.retries.push('summary post record', markSent);
    }
    logger.info({ channel: sub.channel, slot: slot.slot, kind, messageId, ...(due.forced ? { forced: due.forced } : {}) }, 'summary posted');
    return { ...event, ok: true, messageId };
  }

  async function runTick(now: Date, mode: { anyTime?: boolean; force?: string; skipped?: SkippedPost[] } = {}): Promise<PostEvent[]> {
    const skipped = mode.skipped ?? [];
    const due = opts.subscriptions
      .list()
      .map((sub) => (mode.anyTime ? currentSlot(sub, now, mode.force, skipped) : dueSlot(sub, now)))
      .filter((d): d is DueSlot => d !== undefined && opts.publishers.has(d.sub.channel.platform));
    if (due.length === 0) return [];

    // One base and one market snapshot for the whole run: one request per ticker, not per channel.
    // Fetched before claiming, so a slow provider never holds a claim.
    const base = opts.base();
    try {
      await opts.prepare?.(now);
    } catch (err) {
      logger.warn({ err }, 'preparing the summary run failed; going on');
    }
    const needsMarket = due.some((d) => d.plan.kind === 'post');
    const market = needsMarket
      ? await opts.market.snapshot(
          tickerParties(base).map((p) => p.ticker),
          abort.signal,
        )
      : { provider: opts.market.providerName, takenAt: now, quotes: new Map(), failures: new Map() };
    const events: PostEvent[] = [];
    for (const d of due) {
      if (stopping) break; // not claimed yet: the next start (or another process) posts it
      let event: PostEvent | undefined;
      try {
        event = await postOne(d, market, base, now);
      } catch (err) {
        if (isBusy(err)) {
          // Another process holds the database: stop here, come back soon (not on this ack's path).
          logger.warn({ channel: d.sub.channel, slot: d.slot.slot }, 'database busy: summary run postponed');
          busySince = clock.now().getTime();
          break;
        }
        // A database error: log it, let the lease bring the post back later.
        logger.error({ err, channel: d.sub.channel, slot: d.slot.slot }, 'summary run failed');
      }
      if (!event && mode.anyTime) skipped.push({ channel: d.sub.channel, slot: d.slot.slot, reason: 'taken' });
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

  function tick(now: Date = clock.now(), mode: Parameters<typeof runTick>[1] = {}): Promise<PostEvent[]> {
    // One run at a time: a wake-up during a run waits for it, then checks again.
    const run = (inFlight ?? Promise.resolve([])).catch(() => []).then(() => (stopping ? [] : runTick(now, mode)));
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
        (err: unknown) => logger.error({ err }, 'summary tick failed'),
      )
      .finally(plan);
    waking = run;
    void run.finally(() => {
      if (waking === run) waking = undefined;
    });
  }

  return {
    tick: (now) => tick(now),
    postNow: (now, o = {}) => tick(now, { anyTime: true, ...(o.force ? { force: o.force } : {}), ...(o.skipped ? { skipped: o.skipped } : {}) }),
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
        logger.warn({ stopTimeoutMs }, 'a summary post was still in flight at shutdown');
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
