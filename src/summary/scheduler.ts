// Posts each subscription's summary once per slot (one of its times on a local date), at its
// local time, on the days its calendar posts on (an exchange's trading days, or a work week).
//
// How "exactly once" holds, with one process or several replicas on one store:
//  - each run opens the due (channel, slot) rows in the ledger (idempotent), then picks them in
//    batches: a row is claimed by one statement that only a free row lets through, and replicas
//    skip the rows another one is claiming (FOR UPDATE SKIP LOCKED), so they share the work
//    without waiting for each other;
//  - the platform message id is recorded after sending, closing the row for good;
//  - a claim whose holder crashed is taken over once its lease (SUMMARY_LEASE_S) has expired; a
//    live holder renews it while its post is in flight (holding.ts), so a slow platform never
//    lets a second process take a live post over, and ledger times follow the clock through a
//    long run (leases are not dated from the run's start);
//  - posting is idempotent on the platform: the post carries its (channel, slot) identity (Slack
//    message metadata, a Discord nonce with enforce_nonce), and a retry first looks in the
//    channel's recent messages for the post an earlier attempt made, adopting it instead of
//    posting again;
//  - on start (and on every wake-up) the latest slot due earlier today and not sent goes out (the
//    catch-up lasts until the end of that local day); earlier missed slots of the same day are
//    closed as superseded rather than posted back to back.
import { randomUUID } from 'node:crypto';
import type { ChannelPublisher, ChannelRef, Platform, PostIdentity } from '../core/command.ts';
import type { Reply } from '../core/reply.ts';
import { dealLabel, oneBase, type DealBases } from '../deals/bases.ts';
import type { FactBase } from '../facts/load.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import { isBusy, type RetryLater } from '../store/busy.ts';
import { buildSummary, closedNotice, tickerParties } from './build.ts';
import { systemClock, type Clock } from './clock.ts';
import { ClaimLostError, holding } from './holding.ts';
import type { Claim, FactSnapshot, LastPost, PostLedger, SlotKind } from './ledger.ts';
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
  /** With several deals: each subscription's deal (its own, else its channel's), read once per run. */
  bases?: DealBases;
  publishers: Map<Platform, ChannelPublisher>;
  clock?: Clock;
  logger?: Logger;
  /** A claim not closed within this time is considered abandoned and retried. Default 10 min. */
  leaseMs?: number;
  /** Longest sleep between checks, so new subscriptions and expired leases are seen. Default 60 s. */
  pollMs?: number;
  /** Posts in flight at once in this process (a platform round trip each). Default 1 (`dealbot start`: SUMMARY_CONCURRENCY). */
  concurrency?: number;
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

/** Runs `fn` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
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
  /** An earlier attempt's post found in the channel and recorded instead of posting again. */
  adopted?: boolean;
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
  /** The most recent summary post, by any process sharing the database (for health; read at each run). */
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
  const concurrency = Math.max(1, opts.concurrency ?? 1);
  const bases = opts.bases ?? oneBase(opts.base);
  let lastPostSeen: LastPost | undefined;

  let running = false;
  let stopping = false;
  let timer: unknown;
  let wakeAt: Date | undefined;
  let inFlight: Promise<PostEvent[]> | undefined;
  let waking: Promise<void> | undefined;
  let planning: Promise<void> | undefined;
  let abort = new AbortController();
  /** When a run last stopped on a busy database: the next wake-up comes sooner. */
  let busySince: number | undefined;

  const calendars: Calendars = opts.calendars ?? (() => undefined);

  interface DueSlot {
    sub: StoredSubscription;
    /** The deal the summary is about, once the run has read it. */
    base?: FactBase;
    slot: Slot;
    plan: SlotPlan;
    /** Earlier slots of the same day, missed: closed as superseded when this one is claimed. */
    superseded: Slot[];
    forced?: string;
  }

  const SLOT_KINDS: readonly SlotKind[] = ['summary', 'closed-notice'];
  const keyOf = (channel: ChannelRef, slot: string) => `${channel.platform}|${channel.id}|${slot}`;
  const kindOf = (due: DueSlot): SlotKind => (due.plan.kind === 'notice' ? 'closed-notice' : 'summary');

  /** Today's slot to post for a subscription at `now` (the latest one due and still open). */
  function dueSlot(sub: StoredSubscription, now: Date, closed: Set<string>): DueSlot | undefined {
    const date = localDate(now, sub.timezone);
    const t = now.getTime();
    // Due, and the subscription (as it stands) existed at that time: a channel subscribing at
    // 15:00 for 09:00 gets its first summary tomorrow, not a surprise one right away.
    const open = slotsOn(sub, date).filter((s) => s.due.getTime() <= t && s.due.getTime() >= Date.parse(sub.updatedAt) && !closed.has(keyOf(sub.channel, s.slot)));
    const slot = open.at(-1);
    if (!slot) return undefined;
    const plan = planSlot(sub, slot, calendars);
    if (plan.kind === 'skip') return undefined;
    return { sub, slot, plan, superseded: open.slice(0, -1) };
  }

  /** Slots a run may look at for a subscription: today's, due by now (tick) or all of them (postNow). */
  function candidateSlots(sub: StoredSubscription, now: Date, anyTime: boolean): Slot[] {
    const slots = slotsOn(sub, localDate(now, sub.timezone));
    return anyTime ? slots : slots.filter((s) => s.due.getTime() <= now.getTime());
  }

  /** The slot `postNow` posts for: the latest passed today, else today's first; with why it may not. */
  function currentSlot(sub: StoredSubscription, now: Date, force: string | undefined, skipped: SkippedPost[], closed: Set<string>): DueSlot | undefined {
    const slots = slotsOn(sub, localDate(now, sub.timezone));
    const slot = slots.filter((s) => s.due.getTime() <= now.getTime()).at(-1) ?? slots[0]!;
    const skip = (reason: SkippedPost['reason'], detail?: string) => {
      skipped.push({ channel: sub.channel, slot: slot.slot, reason, ...(detail ? { detail } : {}) });
      return undefined;
    };
    if (!opts.publishers.has(sub.channel.platform)) return skip('no-publisher');
    if (closed.has(keyOf(sub.channel, slot.slot))) return skip('taken');
    const plan = planSlot(sub, slot, calendars);
    if (plan.kind === 'post') return { sub, slot, plan, superseded: [] };
    const why = plan.kind === 'notice' ? plan.holiday : plan.why === 'holiday' ? (plan.holiday ?? 'holiday') : plan.why;
    if (!force) return skip(plan.kind === 'skip' && plan.why === 'work-week' ? 'work-week' : 'closed', why);
    return { sub, slot, plan: { kind: 'post' }, superseded: [], forced: `${force} (${why})` };
  }

  async function replyFor(due: DueSlot, market: MarketSnapshot, base: FactBase, now: Date, previous: FactSnapshot | undefined): Promise<Reply> {
    const calendar = due.sub.calendar ? calendars(due.sub.calendar) : undefined;
    // "What changed since" compares within one deal: the channel's previous summary may be of another.
    if (previous?.deal !== undefined && base.deal !== undefined && previous.deal !== base.deal.id) previous = undefined;
    const reply: Reply =
      due.plan.kind === 'notice'
        ? closedNotice({ lang: due.sub.lang, holiday: due.plan.holiday, calendar: calendar!, date: due.plan.day.date, timezone: due.sub.timezone })
        : buildSummary({
            base,
            lang: due.sub.lang,
            now,
            timezone: due.sub.timezone,
            market,
            changes: { previous },
            calendars,
            ...(due.forced ? { forced: due.forced } : {}),
          });
    return { ...reply, ...dealLabel(base, bases.several(), due.sub.lang) };
  }

  /**
   * A claim taken over from a holder that may have posted before dying (or a retry after a send
   * whose outcome was unknown): the post that landed, if the platform can tell.
   */
  async function landed(claim: Claim, identity: PostIdentity): Promise<{ messageId: string } | undefined> {
    if (claim.takenOverFrom === undefined) return undefined;
    const publisher = opts.publishers.get(claim.channel.platform);
    if (!publisher?.findPosted) return undefined;
    try {
      return await publisher.findPosted(claim.channel, identity);
    } catch (err) {
      logger.warn({ channel: claim.channel, slot: claim.slot, err }, 'could not read the channel to look for an earlier post; posting');
      return undefined;
    }
  }

  // A run's decisions and ledger times all use the instant it was started for (`now`): a run lasts
  // seconds, leases last minutes, and tests can replay any instant without moving the clock.
  async function postClaimed(due: DueSlot, claim: Claim, market: MarketSnapshot, base: FactBase, now: Date, at: () => number, previous: FactSnapshot | undefined): Promise<PostEvent | undefined> {
    const { sub, slot } = due;
    const kind = claim.kind === 'closed-notice' ? 'closed-notice' : 'summary';
    for (const earlier of due.superseded) {
      const old = await opts.ledger.claim(sub.channel, { slot: earlier.slot, kind: 'summary', localDate: earlier.date }, owner, at(), leaseMs);
      if (old) await opts.ledger.markSkipped(old, at(), `superseded by ${slot.time}`);
    }

    const event = { channel: sub.channel, slot: slot.slot, localDate: slot.date, kind, ...(due.forced ? { forced: due.forced } : {}) } as const;
    if (stopping) {
      // Shutting down before anything was sent: hand the claim back for the next start.
      await opts.ledger.release(claim, at());
      return undefined;
    }
    let messageId: string;
    let adopted = false;
    try {
      const reply = await replyFor(due, market, base, now, previous);
      const identity: PostIdentity = { key: `${kind}:${slot.slot}`, since: claim.claimedAt || now.getTime(), title: reply.title };
      ({ messageId, adopted } = await holding(opts.ledger, claim, leaseMs, clock, at, async () => {
        const found = await landed(claim, identity);
        if (found) return { messageId: found.messageId, adopted: true };
        // Looking may have taken a while on a slow platform: still ours, right before posting?
        if (!(await opts.ledger.extend(claim, at() + leaseMs))) throw new ClaimLostError(claim);
        return { messageId: (await opts.publishers.get(sub.channel.platform)!.post(sub.channel, reply, identity)).messageId, adopted: false };
      }));
    } catch (err) {
      if (err instanceof ClaimLostError) {
        logger.warn({ channel: sub.channel, slot: slot.slot }, 'summary claim taken over by another process before posting; leaving it to that one');
        return undefined;
      }
      if (isBusy(err)) throw err; // the run stops on a busy database; the lease brings the post back
      const error = (err as Error).message ?? String(err);
      // The post may have landed (a timeout, a connection reset): the next attempt looks first (findPosted).
      if (claim.attempt >= maxAttempts) {
        await opts.ledger.markFailed(claim, error);
        logger.error({ channel: sub.channel, slot: slot.slot, attempts: claim.attempt, err }, 'summary failed for good for this slot');
      } else {
        const retryAt = at() + retryDelayMs * 2 ** (claim.attempt - 1);
        await opts.ledger.release(claim, retryAt, error);
        logger.warn({ channel: sub.channel, slot: slot.slot, attempt: claim.attempt, err }, 'summary post failed; will retry');
      }
      return { ...event, ok: false, error };
    }
    await recordSent(claim, messageId, now, kind === 'summary' && !adopted ? { snapshot: { fingerprint: base.fingerprint, factHashes: base.factHashes, ...(base.deal ? { deal: base.deal.id } : {}) } } : {});
    if (adopted) logger.info({ channel: sub.channel, slot: slot.slot, kind, messageId }, 'summary already posted by an earlier attempt; adopted');
    else logger.info({ channel: sub.channel, slot: slot.slot, kind, messageId, ...(due.forced ? { forced: due.forced } : {}) }, 'summary posted');
    return { ...event, ok: true, messageId, ...(adopted ? { adopted: true } : {}) };
  }

  /** Records a post that went out. A busy database must not lose it (the post would go out twice): retried later. */
  async function recordSent(claim: Claim, messageId: string, now: Date, extra: Parameters<PostLedger['markSent']>[3]): Promise<void> {
    const write = () => opts.ledger.markSent(claim, messageId, now.getTime(), extra);
    try {
      await write();
    } catch (err) {
      if (!isBusy(err) || !opts.retries) throw err;
      logger.warn({ channel: claim.channel, slot: claim.slot }, 'database busy: recording the summary post later');
      opts.retries.push('summary post record', write);
    }
  }

  /** Another process holds the database: the run stops here and comes back soon (never on an ack's path). */
  function postponed(err: unknown, where: object): boolean {
    if (!isBusy(err)) return false;
    if (busySince === undefined) logger.warn(where, 'database busy: summary run postponed');
    busySince = clock.now().getTime();
    return true;
  }

  /** Due slots of this run, from one read of the subscriptions and one of the ledger. */
  async function dueSlots(now: Date, mode: { anyTime?: boolean; force?: string; skipped?: SkippedPost[] }, skipped: SkippedPost[]): Promise<DueSlot[]> {
    const subs = (await opts.subscriptions.list()).filter((sub) => mode.anyTime || opts.publishers.has(sub.channel.platform));
    const candidates = subs.flatMap((sub) => candidateSlots(sub, now, mode.anyTime ?? false).map((s) => s.slot));
    const closed = await opts.ledger.closedAmong(candidates, SLOT_KINDS, now.getTime());
    return subs
      .map((sub) => (mode.anyTime ? currentSlot(sub, now, mode.force, skipped, closed) : dueSlot(sub, now, closed)))
      .filter((d): d is DueSlot => d !== undefined && opts.publishers.has(d.sub.channel.platform));
  }

  /** One market snapshot for a run (one request per ticker, not per channel), fetched before anything is claimed. */
  async function marketFor(due: DueSlot[], now: Date): Promise<MarketSnapshot> {
    try {
      await opts.prepare?.(now);
    } catch (err) {
      logger.warn({ err }, 'preparing the summary run failed; going on');
    }
    if (!due.some((d) => d.plan.kind === 'post')) return { provider: opts.market.providerName, takenAt: now, quotes: new Map(), failures: new Map() };
    // Every ticker of the deals posted about in this run, once.
    const tickers = [...new Set(due.filter((d) => d.plan.kind === 'post').flatMap((d) => tickerParties(d.base!).map((p) => p.ticker)))];
    return opts.market.snapshot(tickers, abort.signal);
  }

  /**
   * Opens every due slot (any replica may post it), then picks batches until none is left. Returns
   * the keys of the slots this process posted (or tried to).
   */
  async function postDue(due: DueSlot[], market: MarketSnapshot, now: Date, at: () => number, record: (e: PostEvent) => void): Promise<Set<string>> {
    const byKey = new Map(due.map((d) => [keyOf(d.sub.channel, d.slot.slot), d]));
    await opts.ledger.open(due.map((d) => ({ channel: d.sub.channel, slot: d.slot.slot, kind: kindOf(d), localDate: d.slot.date })));
    const slots = [...new Set(due.map((d) => d.slot.slot))];
    const posted = new Set<string>();
    const picked = new Set<string>();
    let previous = new Map<string, FactSnapshot>();
    const one = async (claim: Claim) => {
      const key = keyOf(claim.channel, claim.slot);
      const d = byKey.get(key);
      if (!d || posted.has(key)) {
        // A slot another replica opened that this one does not see as due (or already tried in
        // this run): hand it back untouched.
        await opts.ledger.release(claim, at(), undefined, { uncount: true });
        return;
      }
      posted.add(key);
      try {
        const event = await postClaimed(d, claim, market, d.base!, now, at, previous.get(`${claim.channel.platform}|${claim.channel.id}`));
        if (event) record(event);
      } catch (err) {
        // A database error: log it, let the lease bring the post back later.
        if (!postponed(err, { channel: d.sub.channel, slot: d.slot.slot })) logger.error({ err, channel: d.sub.channel, slot: d.slot.slot }, 'summary run failed');
      }
    };
    while (!stopping && busySince === undefined) {
      // Not claimed yet when stopping: the next start (or another replica) posts it.
      const claims = await opts.ledger.pick(slots, SLOT_KINDS, owner, at(), leaseMs, concurrency);
      const fresh = claims.filter((c) => !picked.has(keyOf(c.channel, c.slot)));
      for (const c of claims) picked.add(keyOf(c.channel, c.slot));
      // "What changed since" of the whole batch in one read.
      previous = fresh.length > 0 ? await opts.ledger.snapshots(fresh.map((c) => c.channel)) : new Map();
      await inParallel(claims, concurrency, one);
      // Nothing left, or only rows this run already handled (handed back for a later retry).
      if (fresh.length === 0) break;
    }
    return posted;
  }

  async function runTick(now: Date, mode: { anyTime?: boolean; force?: string; skipped?: SkippedPost[] } = {}): Promise<PostEvent[]> {
    const skipped = mode.skipped ?? [];
    busySince = undefined; // this run's own verdict (plan() reads it after the run)
    // Ledger times: the run's instant, moved on as the clock moves (a long run must not date leases from its start).
    const startedAt = clock.now().getTime();
    const at = () => now.getTime() + Math.max(0, clock.now().getTime() - startedAt);
    const due = await dueSlots(now, mode, skipped);
    if (due.length === 0) return [];
    // One base per deal for the whole run, read before anything is claimed.
    await Promise.all(due.map(async (d) => void (d.base = await bases.of(d.sub.channel, d.sub.deal ?? null))));
    const market = await marketFor(due, now);
    if (stopping) return []; // stopped during the market fetch: nothing claimed, the next start posts
    const events: PostEvent[] = [];
    const record = (event: PostEvent) => {
      events.push(event);
      try {
        opts.onPost?.(event);
      } catch (err) {
        logger.warn({ err }, 'onPost hook failed');
      }
    };
    let posted = new Set<string>();
    try {
      posted = await postDue(due, market, now, at, record);
    } catch (err) {
      if (!postponed(err, { slots: due.length })) throw err;
    }
    if (mode.anyTime) {
      for (const d of due) if (!posted.has(keyOf(d.sub.channel, d.slot.slot))) skipped.push({ channel: d.sub.channel, slot: d.slot.slot, reason: 'taken' });
    }
    lastPostSeen = await opts.ledger.lastPost().catch(() => lastPostSeen);
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
    wakeAt = new Date(next);
    const arm = () => {
      if (!running || stopping) return;
      timer = clock.setTimeout(wake, Math.max(0, wakeAt!.getTime() - clock.now().getTime()));
    };
    planning = opts.subscriptions.list().then(
      (subs) => {
        for (const sub of subs) next = Math.min(next, nextRunOf(sub, now).getTime());
        wakeAt = new Date(next);
        arm();
      },
      (err: unknown) => {
        logger.error({ err }, 'could not read subscriptions; retrying at the next poll');
        arm();
      },
    );
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
      void opts.ledger.lastPost().then((p) => (lastPostSeen ??= p), () => undefined);
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
      for (;;) {
        const p = waking ?? inFlight ?? planning;
        if (!p) return;
        await p.then(() => undefined, () => undefined);
        if (p === planning) planning = undefined;
      }
    },
    lastPost: () => lastPostSeen,
    nextWake: () => wakeAt,
  };
}
