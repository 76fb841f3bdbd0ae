// The summary's parts, opened together from its config: what src/start.ts and the CLI use.
import type { ChannelPublisher, Platform } from '../core/command.ts';
import type { FactBase } from '../facts/load.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import type { Db } from '../store/db.ts';
import type { RetryLater } from '../store/busy.ts';
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
  db: Db;
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
  } & Partial<Pick<SchedulerOptions, 'leaseMs' | 'pollMs' | 'stopTimeoutMs' | 'owner'>>): Scheduler;
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
  /** The open database (src/store's openStorage); its owner closes it. */
  db: Db;
  /** Takes writes a busy database refused (the ledger's record of a post that went out). */
  retries?: RetryLater;
  logger?: Logger;
  clock?: Clock;
  provider?: MarketDataProvider;
  /** The current fact base: enables alerts (fact-change alerts compare against it). */
  base?: () => FactBase;
  onAlert?: (outcome: AlertOutcome) => void;
}

/** The daily summary and alerts over an open database (src/store). */
export function openDailySummary(config: SummaryConfig, opts: OpenOptions): DailySummary {
  const logger = opts.logger ?? silentLogger;
  const clock = opts.clock ?? systemClock;
  const db = opts.db;
  const limits = FINNHUB_FREE_LIMITS.map((l) => (l.perMs === 60_000 ? { ...l, calls: config.FINNHUB_CALLS_PER_MINUTE } : l));
  const budget = new RequestBudget(limits, clock);
  const raw = opts.provider ?? marketProvider(config);
  const provider = raw ? withBudget(raw, budget) : undefined;
  const holidays = new MarketHolidayStore(db);
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
        publishers,
        clock,
        logger,
        pollMs: config.ALERT_POLL_SECONDS * 1000,
        ...(opts.onAlert ? { onAlert: opts.onAlert } : {}),
      })
    : undefined;
  return {
    db,
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
      createScheduler({ subscriptions, ledger, market, clock, logger, calendars, prepare: refreshCalendar, ...(opts.retries ? { retries: opts.retries } : {}), ...s }),
  };
}

export { buildSummary } from './build.ts';
export { readSummaryConfig, SummaryEnv, type SummaryConfig } from './config.ts';
export type { Scheduler, PostEvent } from './scheduler.ts';
export type { AlertMonitor, AlertOutcome } from './alerts.ts';
