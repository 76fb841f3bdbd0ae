// The provider's list of exchange holidays and early closes, kept in the database and refreshed
// at most once a day, so the calendar knows special closures and early-close hours without a
// request per question. The calendar reads a copy in memory (it answers synchronously), loaded
// from the store at open and after each refresh, so every replica sees the list one of them fetched. Without a provider (or when it fails) the calendar falls back to the
// holiday library and the exchange's early-close rule (see calendar.ts).
import type { Logger } from '../ops/log.ts';
import { silentLogger } from '../ops/log.ts';
import { all, one, run, type SqlDriver } from '../store/sql.ts';
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
  /** exchange → date → holiday: the store's rows, as last loaded. */
  private readonly cache = new Map<string, Map<string, ListedHoliday>>();

  constructor(private readonly db: SqlDriver) {}

  /** Replaces the exchange's list with the provider's answer, in one transaction. */
  async replace(exchange: Exchange, list: readonly ListedHoliday[], fetchedAt: Date): Promise<void> {
    await this.db.tx(async (q) => {
      await run(q, 'DELETE FROM market_holidays WHERE exchange = ?', [exchange.mic]);
      for (const h of list) {
        await run(
          q,
          `INSERT INTO market_holidays (exchange, date, name, trading_hours, source, fetched_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (exchange, date) DO UPDATE SET name = excluded.name, trading_hours = excluded.trading_hours,
             source = excluded.source, fetched_at = excluded.fetched_at`,
          [exchange.mic, h.date, h.name, h.tradingHours, h.source, fetchedAt.getTime()],
        );
      }
    });
    await this.load(exchange);
  }

  /** Reads the exchange's list from the store into memory (what `get` and the calendar answer from). */
  async load(exchange: Exchange): Promise<void> {
    const rows = await all<Row>(this.db, 'SELECT date, name, trading_hours, source FROM market_holidays WHERE exchange = ?', [exchange.mic]);
    this.cache.set(exchange.mic, new Map(rows.map((r) => [r.date, { date: r.date, name: r.name, tradingHours: r.trading_hours, source: r.source }])));
  }

  get(exchange: Exchange, date: string): ListedHoliday | undefined {
    return this.cache.get(exchange.mic)?.get(date);
  }

  /** When the list was last fetched (ms), or undefined. */
  async fetchedAt(exchange: Exchange): Promise<number | undefined> {
    const r = await one<{ t: number | null }>(this.db, 'SELECT MAX(fetched_at) AS t FROM market_holidays WHERE exchange = ?', [exchange.mic]);
    return r?.t ?? undefined;
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
  const last = await store.fetchedAt(exchange);
  if (last !== undefined && now.getTime() - last < HOLIDAY_REFRESH_MS) {
    await store.load(exchange); // another replica may have fetched it
    return 'fresh';
  }
  try {
    const list = await provider.marketHolidays(exchange.finnhub);
    await store.replace(exchange, list, now);
    return 'fetched';
  } catch (err) {
    logger.warn({ exchange: exchange.mic, err: (err as Error).message }, 'exchange holidays unavailable from the provider; using the holiday library');
    return 'unavailable';
  }
}
