// The daily summary's parts, opened together from its config: what src/start.ts and the CLI use.
import type { ChannelPublisher, Platform } from '../core/command.ts';
import type { FactBase } from '../facts/load.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import type { Db } from '../store/db.ts';
import type { RetryLater } from '../store/busy.ts';
import { systemClock, type Clock } from './clock.ts';
import type { SummaryConfig } from './config.ts';
import { createFinnhubProvider } from './finnhub.ts';
import { PostLedger } from './ledger.ts';
import { MarketData, QuoteCache, type MarketDataProvider } from './market.ts';
import { createScheduler, type PostEvent, type Scheduler, type SchedulerOptions } from './scheduler.ts';
import { SubscriptionStore } from './subscriptions.ts';

export interface DailySummary {
  db: Db;
  subscriptions: SubscriptionStore;
  ledger: PostLedger;
  market: MarketData;
  defaultTimezone: string;
  /** The scheduler needs the platforms' publishers, which exist once the adapters have started. */
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

/** The daily summary over an open database (src/store): `retries` takes writes a busy database refused. */
export function openDailySummary(
  config: SummaryConfig,
  opts: { db: Db; retries?: RetryLater; logger?: Logger; clock?: Clock; provider?: MarketDataProvider },
): DailySummary {
  const logger = opts.logger ?? silentLogger;
  const clock = opts.clock ?? systemClock;
  const db = opts.db;
  const subscriptions = new SubscriptionStore(db, () => clock.now());
  const ledger = new PostLedger(db);
  const market = new MarketData({
    cache: new QuoteCache(db),
    provider: opts.provider ?? marketProvider(config),
    now: () => clock.now(),
    logger,
  });
  return {
    db,
    subscriptions,
    ledger,
    market,
    defaultTimezone: config.DEFAULT_TIMEZONE,
    createScheduler: (s) => createScheduler({ subscriptions, ledger, market, clock, logger, ...(opts.retries ? { retries: opts.retries } : {}), ...s }),
  };
}

export { buildSummary } from './build.ts';
export { readSummaryConfig, SummaryEnv, type SummaryConfig } from './config.ts';
export type { Scheduler, PostEvent } from './scheduler.ts';
