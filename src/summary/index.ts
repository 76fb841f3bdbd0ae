// The daily summary's parts, opened together from its config: what src/start.ts and the CLI use.
import type { ChannelPublisher, Platform } from '../core/command.ts';
import type { FactBase } from '../facts/load.ts';
import { silentLogger, type Logger } from '../ops/log.ts';
import { openDatabase, type Db } from '../store/db.ts';
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
  /** Closes the database (after the scheduler has stopped). */
  close(): void;
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

export function openDailySummary(config: SummaryConfig, opts: { logger?: Logger; clock?: Clock; provider?: MarketDataProvider } = {}): DailySummary {
  const logger = opts.logger ?? silentLogger;
  const clock = opts.clock ?? systemClock;
  const db = openDatabase(config.DATABASE_PATH);
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
    createScheduler: (s) => createScheduler({ subscriptions, ledger, market, clock, logger, ...s }),
    close: () => {
      if (db.open) db.close();
    },
  };
}

export { buildSummary } from './build.ts';
export { readSummaryConfig, SUMMARY_ENV_DOC, type SummaryConfig } from './config.ts';
export type { Scheduler, PostEvent } from './scheduler.ts';
