// The provider's list of exchange holidays and early closes, kept in the database and refreshed
// at most once a day, so the calendar knows special closures and early-close hours without a
// request per question. Without a provider (or when it fails) the calendar falls back to the
// holiday library and the exchange's early-close rule (see calendar.ts).
import type { Logger } from '../ops/log.ts';
import { silentLogger } from '../ops/log.ts';
import type { Db } from '../store/db.ts';
import { TradingCalendar, type Exchange, type ListedHoliday } from './calendar.ts';
import type { MarketDataProvider } from './market.ts';

export const HOLIDAY_REFRESH_MS = 24 * 3600_000;

interface Row {
  date: string;
  name: string;
  trading_hours: string | null;
  source: string;
}

export class MarketHolidayStore {
  constructor(private readonly db: Db) {}

  /** Replaces the exchange's list with the provider's answer, in one transaction. */
  replace(exchange: Exchange, list: readonly ListedHoliday[], fetchedAt: Date): void {
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM market_holidays WHERE exchange = ?').run(exchange.mic);
        const insert = this.db.prepare(
          `INSERT OR REPLACE INTO market_holidays (exchange, date, name, trading_hours, source, fetched_at) VALUES (?, ?, ?, ?, ?, ?)`,
        );
        for (const h of list) insert.run(exchange.mic, h.date, h.name, h.tradingHours, h.source, fetchedAt.getTime());
      })
      .immediate();
  }

  get(exchange: Exchange, date: string): ListedHoliday | undefined {
    const r = this.db
      .prepare('SELECT date, name, trading_hours, source FROM market_holidays WHERE exchange = ? AND date = ?')
      .get(exchange.mic, date) as Row | undefined;
    return r ? { date: r.date, name: r.name, tradingHours: r.trading_hours, source: r.source } : undefined;
  }

  /** When the list was last fetched (ms), or undefined. */
  fetchedAt(exchange: Exchange): number | undefined {
    const r = this.db.prepare('SELECT MAX(fetched_at) AS t FROM market_holidays WHERE exchange = ?').get(exchange.mic) as { t: number | null };
    return r.t ?? undefined;
  }

  /** A calendar reading this store first, then the library and rules. */
  calendar(exchange: Exchange): TradingCalendar {
    return new TradingCalendar(exchange, (date) => this.get(exchange, date));
  }
}

/**
 * Fetches the provider's holiday list when the cached one is older than a day. Never throws:
 * a failure is logged and the cached list (or the library) keeps answering.
 */
export async function refreshHolidays(
  store: MarketHolidayStore,
  provider: MarketDataProvider | undefined,
  exchange: Exchange,
  now: Date,
  logger: Logger = silentLogger,
): Promise<'fresh' | 'fetched' | 'unavailable'> {
  if (!provider?.marketHolidays) return 'unavailable';
  const last = store.fetchedAt(exchange);
  if (last !== undefined && now.getTime() - last < HOLIDAY_REFRESH_MS) return 'fresh';
  try {
    const list = await provider.marketHolidays(exchange.finnhub);
    store.replace(exchange, list, now);
    return 'fetched';
  } catch (err) {
    logger.warn({ exchange: exchange.mic, err: (err as Error).message }, 'exchange holidays unavailable from the provider; using the holiday library');
    return 'unavailable';
  }
}
