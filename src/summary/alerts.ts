// Alerts between summaries: a price move of at least N % since the last close on one of the deal's
// tickers, and a change in the fact base. Each alert goes through the post ledger like a summary:
// its slot (the ticker's trading day, or its cooldown window; the fact base's fingerprint) is
// claimed in a write transaction before anything is sent, so one process posts it, once.
//
// Quotes are polled only while the ticker's exchange is in its regular session, once per poll
// window (default 60 s) across all processes (the window itself is claimed in the ledger), one
// request per ticker that has a rule, inside the provider's rate limit (provider-limit.ts).
import { randomUUID } from 'node:crypto';
import { itemOf } from '../core/format.ts';
import type { AlertHistoryEntry, AlertRuleView, AlertService, ChannelPublisher, ChannelRef, Platform } from '../core/command.ts';
import { reply, type Reply, type ReplyItem } from '../core/reply.ts';
import { dealLabel, oneBase, type DealBases } from '../deals/bases.ts';
import type { FactBase } from '../facts/load.ts';
import type { Lang } from '../facts/schema.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import type { AlertRule, AlertStore } from './alert-store.ts';
import { alertStrings, formatDuration } from './alert-strings.ts';
import { tickerParties } from './build.ts';
import { exchangeOfTicker } from './calendar.ts';
import { systemClock, type Clock } from './clock.ts';
import { ClaimLostError, holding } from './holding.ts';
import type { CooldownGuard, PostLedger, SlotInfo } from './ledger.ts';
import type { MarketData, TickerQuote } from './market.ts';
import { formatAge, quoteStatus } from './quote-phase.ts';
import type { Calendars } from './schedule.ts';
import { formatDateTime, formatNumber, percentSuffix, signed, summaryStrings } from './strings.ts';
import { addDays } from './time.ts';

export const DEFAULT_ALERT_POLL_MS = 60_000;
/** Fact-change alerts: a burst of edits within this time comes as one alert. */
export const DEFAULT_FACT_COOLDOWN_MS = 15 * 60_000;
const MAX_FACTS_IN_ALERT = 10;
/** The ledger's stand-in channel for poll windows (not a real channel). */
const POLL_CHANNEL: ChannelRef = { platform: 'console', id: '~alert-poll' };

export type AlertStatus = 'posted' | 'would-post' | 'failed' | 'taken' | 'cooling-down' | 'below-threshold' | 'no-quote' | 'closed' | 'no-change';

export interface AlertOutcome {
  channel: ChannelRef;
  kind: 'price-alert' | 'fact-alert';
  subject: string | null;
  status: AlertStatus;
  /** What the alert says (posted or would post). */
  reply?: Reply;
  /** Why nothing goes out, in the rule's language. */
  why?: string;
  messageId?: string;
  error?: string;
}

export interface AlertMonitorOptions {
  store: AlertStore;
  ledger: PostLedger;
  market: MarketData;
  calendars: Calendars;
  /** The base of a base with one deal (tests, tools). */
  base: () => FactBase;
  /** Every deal's base and each channel's deal: a rule watches the deal it was set in. */
  bases?: DealBases;
  publishers: Map<Platform, ChannelPublisher>;
  clock?: Clock;
  logger?: Logger;
  pollMs?: number;
  leaseMs?: number;
  owner?: string;
  onAlert?: (outcome: AlertOutcome) => void;
}

function direction(rule: Pick<AlertRuleView, 'direction'>, move: number, threshold: number): boolean {
  if (rule.direction === 'up') return move >= threshold;
  if (rule.direction === 'down') return move <= -threshold;
  return Math.abs(move) >= threshold;
}

/** What a price alert says: the quote (cited, with its phase and age) and the rule it answers. */
export function priceAlertReply(rule: Pick<AlertRule, 'lang' | 'timezone' | 'thresholdPct' | 'direction' | 'cooldownMs' | 'createdBy'>, name: string, q: TickerQuote, phase: string, ageMs: number): Reply {
  const { lang, timezone } = rule;
  const a = alertStrings[lang];
  const s = summaryStrings[lang];
  const move = signed(q.changePercent ?? 0, lang, percentSuffix(lang));
  const change = [q.change !== null ? signed(q.change, lang) : '', `(${move})`].filter(Boolean).join(' ');
  const asOf = formatDateTime(q.asOf, lang, timezone);
  const item: ReplyItem = {
    text: s.phasedQuote(name, q.symbol, formatNumber(q.price, lang), change, phase, asOf, formatAge(ageMs, lang)),
    figure: move,
    citation: { source: s.quoteSource(q.provider), detail: s.quoteAsOf(asOf), asOf: q.asOf.toISOString() },
  };
  const threshold = `${formatNumber(rule.thresholdPct ?? 0, lang, Number.isInteger(rule.thresholdPct) ? 0 : 1)}${percentSuffix(lang)}`;
  return reply({
    kind: 'notice',
    lang,
    title: a.priceTitle(name, q.symbol, move),
    items: [item],
    lines: [a.priceRule(threshold, rule.direction, rule.createdBy), rule.cooldownMs ? a.cooldownFor(formatDuration(rule.cooldownMs, lang)) : a.cooldownDay],
    footer: a.footer,
  });
}

/** The facts added or changed since `baseline`, and how many were removed. */
export function factChanges(base: FactBase, baseline: Record<string, string>): { added: string[]; changed: string[]; removed: number } {
  const added: string[] = [];
  const changed: string[] = [];
  for (const fact of base.facts) {
    const before = baseline[fact.id];
    if (before === undefined) added.push(fact.id);
    else if (before !== base.factHashes.get(fact.id)) changed.push(fact.id);
  }
  const removed = Object.keys(baseline).filter((id) => !base.byId.has(id)).length;
  return { added, changed, removed };
}

/** What a fact-change alert says: each new or changed fact with its citation. */
export function factAlertReply(base: FactBase, lang: Lang, changes: ReturnType<typeof factChanges>): Reply {
  const a = alertStrings[lang];
  const all = [...changes.added.map((id) => ({ id, isNew: true })), ...changes.changed.map((id) => ({ id, isNew: false }))];
  const items = all.slice(0, MAX_FACTS_IN_ALERT).map(({ id, isNew }) => {
    const item = itemOf(base.byId.get(id)!, base, lang);
    return { ...item, text: isNew ? a.added(item.text) : a.changed(item.text) };
  });
  return reply({
    kind: 'notice',
    lang,
    title: a.factsTitle(all.length),
    intro: a.factsIntro,
    items,
    omitted: all.length - items.length,
    lines: changes.removed ? [a.removed(changes.removed)] : [],
    footer: a.footer,
  });
}

export interface AlertMonitor extends AlertService {
  /** Evaluates every price rule now; `dryRun` claims and posts nothing. */
  checkPrices(now?: Date, opts?: { dryRun?: boolean }): Promise<AlertOutcome[]>;
  /** Evaluates every fact-change rule against the current base; `dryRun` claims and posts nothing. */
  checkFacts(now?: Date, opts?: { dryRun?: boolean }): Promise<AlertOutcome[]>;
  /** Polls prices every poll window while an exchange is in session; checks facts once at start. */
  start(): void;
  stop(): Promise<void>;
  /** Resolves when no check is running (tests). */
  idle(): Promise<void>;
}

export function createAlertMonitor(opts: AlertMonitorOptions): AlertMonitor {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  const pollMs = opts.pollMs ?? DEFAULT_ALERT_POLL_MS;
  const leaseMs = opts.leaseMs ?? 10 * 60_000;
  const owner = opts.owner ?? `alerts-${randomUUID()}`;
  const bases = opts.bases ?? oneBase(opts.base);
  let timer: unknown;
  let factTimer: unknown;
  let running = false;
  let busy: Promise<unknown> = Promise.resolve();

  const calendarOf = (ticker: string) => {
    const mic = exchangeOfTicker(ticker)?.mic;
    return mic ? opts.calendars(mic) : undefined;
  };

  async function send(channel: ChannelRef, info: SlotInfo, r: Reply, now: Date, detail: string, guard?: CooldownGuard): Promise<Pick<AlertOutcome, 'status' | 'messageId' | 'error'>> {
    const publisher = opts.publishers.get(channel.platform);
    if (!publisher) return { status: 'taken' }; // another process (with this platform) posts it
    const claim = await opts.ledger.claim(channel, info, owner, now.getTime(), leaseMs, guard);
    if (!claim) return { status: 'taken' };
    const startedAt = clock.now().getTime();
    const at = () => now.getTime() + Math.max(0, clock.now().getTime() - startedAt);
    try {
      const identity = { key: `${info.kind}:${info.slot}`, since: claim.claimedAt || now.getTime(), title: r.title };
      // Held while the platform answers (holding.ts); an earlier attempt's post is adopted, never repeated.
      const { messageId } = await holding(opts.ledger, claim, leaseMs, clock, at, async () => {
        const found = claim.takenOverFrom !== undefined ? await publisher.findPosted?.(channel, identity).catch(() => undefined) : undefined;
        if (found) return found;
        if (!(await opts.ledger.extend(claim, at() + leaseMs))) throw new ClaimLostError(claim);
        return publisher.post(channel, r, identity);
      });
      await opts.ledger.markSent(claim, messageId, now.getTime(), { detail });
      return { status: 'posted', messageId };
    } catch (err) {
      if (err instanceof ClaimLostError) return { status: 'taken' };
      const error = (err as Error).message ?? String(err);
      // Retried at a later poll (prices) or check (facts) once the lease is given back.
      if (claim.attempt >= 3) await opts.ledger.markFailed(claim, error);
      else await opts.ledger.release(claim, now.getTime() + 60_000 * claim.attempt, error);
      logger.warn({ channel, slot: info.slot, err }, 'alert post failed');
      return { status: 'failed', error };
    }
  }

  async function evaluatePrice(rule: AlertRule, quotes: Map<string, TickerQuote>, providerKnown: boolean, now: Date, dryRun: boolean): Promise<AlertOutcome> {
    const a = alertStrings[rule.lang];
    const out = { channel: rule.channel, kind: 'price-alert' as const, subject: rule.subject };
    const calendar = calendarOf(rule.subject);
    const phase = calendar?.phaseAt(now).phase ?? 'closed';
    if (phase !== 'regular') return { ...out, status: 'closed', why: a.why.closed(summaryStrings[rule.lang].phase[phase === 'closed' ? 'last-close' : phase]) };
    const q = quotes.get(rule.subject);
    const status = q && calendar ? quoteStatus(calendar, q.asOf, now, q.stale) : undefined;
    if (!q || !status || status.stale || status.phase !== 'regular' || q.changePercent === null) {
      return { ...out, status: 'no-quote', why: providerKnown ? a.why['no-quote'] : a.why['no-provider'] };
    }
    const threshold = rule.thresholdPct ?? 0;
    const move = signed(q.changePercent, rule.lang, percentSuffix(rule.lang));
    if (!direction(rule, q.changePercent, threshold)) {
      return { ...out, status: 'below-threshold', why: a.why.below(move, `${formatNumber(threshold, rule.lang, 1)}${percentSuffix(rule.lang)}`) };
    }
    // The rule's deal, or (its channel's deal having changed since) the deal whose party has the ticker.
    const own = await bases.of(rule.channel, rule.deal);
    const listed = (b: FactBase) => tickerParties(b).find((p) => p.ticker === rule.subject);
    const base = listed(own) ? own : (bases.all().find(listed) ?? own);
    const name = listed(base)?.name ?? rule.subject;
    const r = { ...priceAlertReply(rule, name, q, summaryStrings[rule.lang].phase.regular, status.ageMs), ...dealLabel(base, bases.several(), rule.lang) };
    // One per trading day, or one per cooldown window with the cooldown checked inside the claim.
    const slot = rule.cooldownMs ? `price:${rule.subject}:${status.sessionDate}:${Math.floor(now.getTime() / rule.cooldownMs)}` : `price:${rule.subject}:${status.sessionDate}`;
    const guard = rule.cooldownMs ? { kind: 'price-alert' as const, subject: rule.subject, since: now.getTime() - rule.cooldownMs } : undefined;
    const row = await opts.ledger.get(rule.channel, slot);
    const last = row ? (row.claimedAt ?? now.getTime()) : guard && (await opts.ledger.lastClaimSince(rule.channel, 'price-alert', rule.subject, guard.since));
    if (last) {
      const until = rule.cooldownMs ? new Date(last + rule.cooldownMs) : calendar!.session(calendar!.nextTradingDay(addDays(status.sessionDate!, 1)))?.open;
      return { ...out, status: 'cooling-down', reply: r, why: a.why.cooling(until ? formatDateTime(until, rule.lang, rule.timezone) : '—') };
    }
    if (dryRun) return { ...out, status: 'would-post', reply: r };
    const info = { slot, kind: 'price-alert' as const, localDate: status.sessionDate!, subject: rule.subject };
    return { ...out, reply: r, ...(await send(rule.channel, info, r, now, r.title, guard)) };
  }

  async function checkPrices(now: Date = clock.now(), o: { dryRun?: boolean; rules?: AlertRule[] } = {}): Promise<AlertOutcome[]> {
    const rules = (o.rules ?? (await opts.store.list())).filter((r) => r.kind === 'price');
    if (rules.length === 0) return [];
    const tickers = [...new Set(rules.map((r) => r.subject))];
    const inSession = tickers.filter((t) => calendarOf(t)?.phaseAt(now).phase === 'regular');
    let quotes = new Map<string, TickerQuote>();
    if (inSession.length > 0) {
      if (!o.dryRun) {
        // One poll per window across every process sharing the database.
        const windowStart = Math.floor(now.getTime() / pollMs) * pollMs;
        const poll = await opts.ledger.claim(POLL_CHANNEL, { slot: `poll:${windowStart}`, kind: 'poll', localDate: new Date(windowStart).toISOString().slice(0, 10) }, owner, now.getTime(), pollMs);
        if (!poll) return [];
        await opts.ledger.markSkipped(poll, now.getTime(), `polled ${inSession.join(', ')}`);
      }
      quotes = (await opts.market.snapshot(inSession)).quotes;
    }
    const outcomes: AlertOutcome[] = [];
    for (const rule of rules) {
      const outcome = await evaluatePrice(rule, quotes, opts.market.providerName !== undefined, now, o.dryRun ?? false);
      outcomes.push(outcome);
      if (outcome.status === 'posted' || outcome.status === 'failed') opts.onAlert?.(outcome);
    }
    return outcomes;
  }

  async function checkFacts(now: Date = clock.now(), o: { dryRun?: boolean; rules?: AlertRule[] } = {}): Promise<AlertOutcome[]> {
    const outcomes: AlertOutcome[] = [];
    for (const rule of (o.rules ?? (await opts.store.list())).filter((r) => r.kind === 'facts')) {
      const base = await bases.of(rule.channel, rule.deal);
      const a = alertStrings[rule.lang];
      const out = { channel: rule.channel, kind: 'fact-alert' as const, subject: null };
      const changes = factChanges(base, rule.baseline ?? {});
      if (changes.added.length + changes.changed.length === 0) {
        outcomes.push({ ...out, status: 'no-change', why: a.why.noChange });
        continue;
      }
      const r = { ...factAlertReply(base, rule.lang, changes), ...dealLabel(base, bases.several(), rule.lang) };
      const since = rule.cooldownMs ? await opts.ledger.lastClaimSince(rule.channel, 'fact-alert', null, now.getTime() - rule.cooldownMs) : undefined;
      if (since !== undefined) {
        const until = since + rule.cooldownMs!;
        outcomes.push({ ...out, status: 'cooling-down', reply: r, why: a.why.cooling(formatDateTime(new Date(until), rule.lang, rule.timezone)) });
        if (!o.dryRun) recheckFactsAt(until);
        continue;
      }
      if (o.dryRun) {
        outcomes.push({ ...out, status: 'would-post', reply: r });
        continue;
      }
      const info = { slot: `facts:${base.fingerprint}`, kind: 'fact-alert' as const, localDate: now.toISOString().slice(0, 10) };
      const sent = await send(rule.channel, info, r, now, r.title);
      if (sent.status === 'posted') await opts.store.setBaseline(rule.channel, base.factHashes);
      const outcome = { ...out, reply: r, ...sent };
      outcomes.push(outcome);
      if (sent.status === 'posted' || sent.status === 'failed') opts.onAlert?.(outcome);
    }
    return outcomes;
  }

  function recheckFactsAt(at: number): void {
    if (!running || factTimer !== undefined) return;
    factTimer = clock.setTimeout(() => {
      factTimer = undefined;
      track(checkFacts().catch((err: unknown) => logger.error({ err }, 'fact-change alert check failed')));
    }, Math.max(0, at - clock.now().getTime()) + 1000);
  }

  function track<T>(p: Promise<T>): Promise<T> {
    busy = Promise.all([busy, p]).catch(() => undefined);
    return p;
  }

  function schedule(): void {
    if (!running) return;
    const now = clock.now().getTime();
    timer = clock.setTimeout(() => {
      timer = undefined;
      track(
        checkPrices()
          .catch((err: unknown) => logger.error({ err }, 'price alert check failed'))
          .finally(() => {
            if (Math.floor(now / 86_400_000) !== Math.floor(clock.now().getTime() / 86_400_000)) {
              void opts.ledger.prunePolls(clock.now().getTime() - 2 * 86_400_000).catch((err: unknown) => logger.warn({ err }, 'could not prune poll windows'));
            }
            schedule();
          }),
      );
    }, pollMs - (now % pollMs));
  }

  const views = async (channel: ChannelRef): Promise<AlertRuleView[]> =>
    (await opts.store.list(channel)).map(({ kind, subject, thresholdPct, direction, cooldownMs, deal, createdBy, createdAt }) => ({ kind, subject, thresholdPct, direction, cooldownMs, deal, createdBy, createdAt }));

  return {
    checkPrices: (now, o) => track(checkPrices(now, o)),
    checkFacts: (now, o) => track(checkFacts(now, o)),
    start() {
      if (running) return;
      running = true;
      track(checkFacts().catch((err: unknown) => logger.error({ err }, 'fact-change alert check failed')));
      schedule();
    },
    async stop() {
      running = false;
      if (timer !== undefined) clock.clearTimeout(timer);
      if (factTimer !== undefined) clock.clearTimeout(factTimer);
      timer = factTimer = undefined;
      await busy;
    },
    idle: async () => {
      await busy;
    },
    setPrice: (input) =>
      opts.store.set({ ...input, deal: input.deal ?? null, kind: 'price', subject: input.ticker, thresholdPct: input.thresholdPct, direction: input.direction }),
    setFacts: async (input) => {
      const existing = await opts.store.get(input.channel, 'facts', '*');
      const base = await bases.of(input.channel, input.deal);
      const deal = base.deal?.id ?? null;
      // A new rule, or one moved to another deal, starts from what that deal holds now (a rule set
      // before deals, deal null, keeps its baseline: it watched the same facts).
      const fresh = !existing || (existing.deal !== null && existing.deal !== deal);
      return opts.store.set({
        ...input,
        deal,
        kind: 'facts',
        subject: '*',
        thresholdPct: null,
        direction: 'both',
        cooldownMs: input.cooldownMs ?? DEFAULT_FACT_COOLDOWN_MS,
        ...(fresh ? { baseline: base.factHashes } : {}),
      });
    },
    remove: (channel, kind, subject) => opts.store.remove(channel, kind, subject),
    list: views,
    history: async (channel, limit = 10): Promise<AlertHistoryEntry[]> =>
      (await opts.ledger.history(channel, ['price-alert', 'fact-alert'], limit)).map((r) => ({
        at: new Date(r.claimedAt ?? r.sentAt ?? 0).toISOString(),
        kind: r.kind as AlertHistoryEntry['kind'],
        subject: r.subject,
        state: r.state,
        detail: r.detail ?? r.lastError,
      })),
    async dryRun(input) {
      const now = clock.now();
      const a = alertStrings[input.lang];
      const saved = input.kind === 'facts' ? await opts.store.get(input.channel, 'facts', '*') : await opts.store.get(input.channel, 'price', input.ticker);
      const rule: AlertRule = {
        channel: input.channel,
        kind: input.kind,
        subject: input.kind === 'price' ? input.ticker : '*',
        thresholdPct: input.kind === 'price' ? input.thresholdPct : null,
        direction: input.kind === 'price' ? input.direction : 'both',
        cooldownMs: saved?.cooldownMs ?? (input.kind === 'facts' ? DEFAULT_FACT_COOLDOWN_MS : null),
        lang: input.lang,
        timezone: input.timezone,
        baseline: saved?.baseline ?? null,
        deal: input.deal ?? saved?.deal ?? null,
        createdBy: saved?.createdBy ?? '—',
        createdAt: now.toISOString(),
      };
      if (input.kind === 'facts' && !saved) return reply({ kind: 'notice', lang: input.lang, title: a.dryTitle, items: [], lines: [a.dryNoPost(a.why.noBaseline)] });
      const [outcome] = input.kind === 'facts' ? await checkFacts(now, { dryRun: true, rules: [rule] }) : await checkPrices(now, { dryRun: true, rules: [rule] });
      if (outcome?.status === 'would-post' && outcome.reply) {
        return { ...outcome.reply, title: `${a.dryTitle} — ${outcome.reply.title}`, intro: [a.dryNothingPosted, outcome.reply.intro].filter(Boolean).join(' ') };
      }
      return reply({ kind: 'notice', lang: input.lang, title: a.dryTitle, items: [], lines: [a.dryNoPost(outcome?.why ?? a.why.noChange)] });
    },
  };
}
