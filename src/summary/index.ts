// The summary's parts, opened together from its config: what src/start.ts and the CLI use.
import type { ChannelPublisher, Platform } from '../core/command.ts';
import type { DealBases } from '../deals/bases.ts';
import type { FactBase } from '../facts/load.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import type { Store } from '../store/index.ts';
import { AlertStore } from './alert-store.ts';
import { createAlertMonitor, type AlertMonitor, type AlertOutcome } from './alerts.ts';
import { EXCHANGES, XNYS } from './calendar.ts';
import { systemClock, type Clock } from './clock.ts';
import type { SummaryConfig } from './config.ts';
import { createFinnhubProvider } from './finnhub.ts';
import { PostLedger } from './ledger.ts';
import { MarketHolidayStore, refreshHolidays } from './market-holidays.ts';
import { MarketData, QuoteCache, type MarketDataProvider } from './market.ts';
import { FINNHUB_FREE_LIMITS, RequestBudget, withBudget } from './provider-limit.ts';
import { calendarsFrom, type Calendars } from './schedule.ts';
import { createScheduler, type PostEvent, type Scheduler, type SchedulerOptions } from './scheduler.ts';
import { SubscriptionStore } from './subscriptions.ts';

export interface DailySummary {
  /** The store it runs on (its owner, who opened it, closes it after the scheduler and alerts stop). */
  store: Store;
  subscriptions: SubscriptionStore;
  ledger: PostLedger;
  market: MarketData;
  calendars: Calendars;
  /** Every provider request goes through this budget (the plan's rate limits). */
  budget: RequestBudget;
  defaultTimezone: string;
  /**
   * Where summaries and alerts are posted: filled in once the adapters have started (alerts can be
   * set and dry-run before that).
   */
  publishers: Map<Platform, ChannelPublisher>;
  /** Alert rules, checks and history; present when opened with the fact base. */
  alerts?: AlertMonitor;
  /** Fetches the provider's exchange holiday list when the cached one is a day old. */
  refreshCalendar(now?: Date): Promise<void>;
  createScheduler(opts: {
    publishers: Map<Platform, ChannelPublisher>;
    base: () => FactBase;
    onPost?: (event: PostEvent) => void;
  } & Partial<Pick<SchedulerOptions, 'leaseMs' | 'pollMs' | 'stopTimeoutMs' | 'owner' | 'concurrency' | 'bases'>>): Scheduler;
}

export function marketProvider(config: SummaryConfig, fetchImpl?: typeof fetch): MarketDataProvider | undefined {
  if (!config.FINNHUB_TOKEN) return undefined;
  return createFinnhubProvider({
    token: config.FINNHUB_TOKEN,
    baseUrl: config.FINNHUB_API_URL,
    timeoutMs: config.FINNHUB_TIMEOUT_MS,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
}

export interface OpenOptions {
  logger?: Logger;
  clock?: Clock;
  provider?: MarketDataProvider;
  /** The current fact base: enables alerts (fact-change alerts compare against it). */
  base?: () => FactBase;
  /** With several deals: each channel's deal, so alerts watch theirs (and the scheduler's default). */
  bases?: DealBases;
  onAlert?: (outcome: AlertOutcome) => void;
}

/**
 * The summary over an open store (src/store): loads the cached exchange holidays, then builds its
 * parts. Ledger writes a busy database refused after a post went out go to the store's retry queue.
 */
export async function openDailySummary(store: Store, config: SummaryConfig, opts: OpenOptions = {}): Promise<DailySummary> {
  const logger = opts.logger ?? silentLogger;
  const clock = opts.clock ?? systemClock;
  const db = store.driver;
  const limits = FINNHUB_FREE_LIMITS.map((l) => (l.perMs === 60_000 ? { ...l, calls: config.FINNHUB_CALLS_PER_MINUTE } : l));
  const budget = new RequestBudget(limits, clock);
  const raw = opts.provider ?? marketProvider(config);
  const provider = raw ? withBudget(raw, budget) : undefined;
  const holidays = new MarketHolidayStore(db);
  await holidays.load(XNYS);
  const calendars = calendarsFrom((mic) => holidays.calendar(EXCHANGES[mic]!));
  const subscriptions = new SubscriptionStore(db, () => clock.now(), calendars);
  const ledger = new PostLedger(db);
  const market = new MarketData({ cache: new QuoteCache(db), provider, now: () => clock.now(), logger });
  const publishers = new Map<Platform, ChannelPublisher>();
  const refreshCalendar = async (now = clock.now()) => void (await refreshHolidays(holidays, provider, XNYS, now, logger));
  const alerts = opts.base
    ? createAlertMonitor({
        store: new AlertStore(db, () => clock.now()),
        ledger,
        market,
        calendars,
        base: opts.base,
        ...(opts.bases ? { bases: opts.bases } : {}),
        publishers,
        clock,
        logger,
        pollMs: config.ALERT_POLL_SECONDS * 1000,
        ...(opts.onAlert ? { onAlert: opts.onAlert } : {}),
      })
    : undefined;
  return {
    store,
    subscriptions,
    ledger,
    market,
    calendars,
    budget,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    publishers,
    ...(alerts ? { alerts } : {}),
    refreshCalendar,
    createScheduler: (s) =>
      createScheduler({
        subscriptions,
        ledger,
        market,
        clock,
        logger,
        calendars,
        prepare: refreshCalendar,
        retries: store.retries,
        leaseMs: config.SUMMARY_LEASE_S * 1000,
        pollMs: config.SUMMARY_POLL_S * 1000,
        ...(opts.bases ? { bases: opts.bases } : {}),
        retryDelayMs: config.SUMMARY_RETRY_S * 1000,
        ...s,
      }),
  };
}

export { buildSummary } from './build.ts';
export { readSummaryConfig, SummaryEnv, type SummaryConfig } from './config.ts';
export type { Scheduler, PostEvent } from './scheduler.ts';
export type { AlertMonitor, AlertOutcome } from './alerts.ts';
